"""Colours shared by the table views and the problems panel."""

from PySide6.QtGui import QColor

from desktop.core.checks import Severity

LABEL_BACKGROUND = QColor("#f2f2f2")
HEADER_BACKGROUND = QColor("#e6ebf2")
TOTAL_BACKGROUND = QColor("#eaf1e6")
SEVERITY_BACKGROUND = {
    Severity.ERROR: QColor("#f8c9c4"),
    Severity.WARNING: QColor("#fbe7b0"),
    Severity.INFO: QColor("#d9e8f7"),
}
SEVERITY_FOREGROUND = {
    Severity.ERROR: QColor("#b3261e"),
    Severity.WARNING: QColor("#8a5a00"),
    Severity.INFO: QColor("#1f5fa8"),
}
REJECTED_TEXT = QColor("#b3261e")  # a refused value, shown as typed until corrected or Esc
