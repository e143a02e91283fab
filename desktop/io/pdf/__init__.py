"""The PDF exporter: the shared print outline set in the GB/T 9704 style with reportlab.

reportlab is imported only inside this package, so that starting the app does not pay for it.
"""

from desktop.io.pdf.deferred import import_reportlab

import_reportlab()
