"""Last year's text of one field, read-only beside this year's, with the passages this year still repeats
marked: the clerk rewrites with last year's report in view instead of in another window."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from desktop.core.lastyear import last_year_of
from desktop.core.narrative.repeats import last_year_repeats
from desktop.ui.document import ReportDocument
from desktop.ui.text_marks import marked

REPEATED_BACKGROUND = QColor("#fbe7b0")


class LastYearPane(QPlainTextEdit):
    def __init__(self, document: ReportDocument, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document_ = document
        self.key = key
        self.setReadOnly(True)
        self.setObjectName("lastYear")
        self.caption = QLabel()
        self.caption.setObjectName("hint")
        self.repeated: tuple[tuple[int, int], ...] = ()
        document.findings_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Shown while last year's report, with text, is linked; its marks follow this year's text."""
        report = self.document_.report
        previous = last_year_of(report)
        repeats = last_year_repeats(report)
        shown = previous is not None and bool(repeats)
        self.setVisible(shown)
        self.caption.setVisible(shown)
        if previous is None or not shown:
            return
        text = previous.text.get(self.key, "")
        if text != self.toPlainText():
            self.setPlainText(text)
        self.setPlaceholderText(self.tr("上年报告此栏为空"))
        self.caption.setText(self.tr("%1年报告（只读），标黄的是本年仍在重复的文字").replace("%1", str(previous.year)))
        self.repeated = repeats.get(self.key, ())
        fmt = QTextCharFormat()
        fmt.setBackground(REPEATED_BACKGROUND)
        self.setExtraSelections([marked(self.document(), start, end, fmt) for start, end in self.repeated])
