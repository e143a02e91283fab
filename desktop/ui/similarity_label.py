"""How much of a section repeats last year's report (S-04); shown only when last year is linked."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from desktop.ui.document import ReportDocument

WARN_ABOVE = 0.5


class SimilarityLabel(QLabel):
    def __init__(self, document: ReportDocument, section: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.section = section
        self.share: float | None = None
        document.findings_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        report = self.document.report
        self.share = None
        if report.previous is not None and any(report.previous.text.values()):
            from desktop.core.narrative.similarity import similarity_by_section

            self.share = similarity_by_section(report).get(self.section)
        if self.share is None:
            self.hide()
            return
        percent = round(self.share * 100)
        self.setText(self.tr("与上年报告重复 %1%").replace("%1", str(percent)))
        warn = self.share > WARN_ABOVE
        self.setStyleSheet("color: #b3261e; font-weight: bold;" if warn else "color: #555;")
        self.setToolTip(self.tr("超过50%评估时会扣分，请结合本年工作重新撰写") if warn else "")
        self.show()
