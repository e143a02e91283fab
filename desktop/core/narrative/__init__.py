"""The clerk's sentences read against the tables (N-01 … N-08), section coverage (S-02), similarity to
last year's report (S-04), and standard sentences written from the tables.

The checker registers these rules, so the checker package is imported first: whichever side is imported
first, the import order stays checker → narrative.
"""

import desktop.core.checks  # noqa: F401
