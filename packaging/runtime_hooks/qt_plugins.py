"""Runtime hook of the frozen program, in place of PyInstaller's pyi_rth_pyside6 (packaging/nianbao.spec).

That hook imports PySide6.QtCore in every process, the command line's too: about 60 ms before an export
that never uses Qt. It does so to register an embedded qt.conf, which PySide6 itself registers as soon as
it is imported (relative to its own folder, which the bundle keeps as in the wheel). What remains of it is
the folder Qt loads its plugins from; its QML and OpenSSL paths are for modules the bundle does not ship.
"""

import os
import sys


def _qt_plugins() -> None:
    qt = os.path.join(sys._MEIPASS, "PySide6")
    if not sys.platform.startswith("win"):
        qt = os.path.join(qt, "Qt")
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt, "plugins")


_qt_plugins()
del _qt_plugins
