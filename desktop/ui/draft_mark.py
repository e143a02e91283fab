"""The mark of a field still holding last year's text as a draft (X-03): 「上年草稿」 with how much still
repeats, and 「确认已修改」 to keep last year's words on purpose. It sits in the field's heading row, where
showing and hiding it moves nothing else."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from desktop.core.checks.drafts import CONFIRM, confirm_fix, unrevised_drafts
from desktop.ui.document import ReportDocument


class DraftMark(QWidget):
    def __init__(self, document: ReportDocument, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.key = key
        self.label = QLabel()
        self.label.setObjectName("draftMark")
        self.label.setStyleSheet("QLabel#draftMark { background: #fbe7b0; color: #8a5a00; padding: 1px 6px; }")
        self.confirm = QPushButton(self.tr(CONFIRM))
        self.confirm.setToolTip(self.tr("本栏沿用上年的文字已逐句核对，确需沿用：不再标为草稿，可撤销"))
        self.confirm.clicked.connect(self._confirm)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.confirm)
        document.findings_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        report = self.document.report
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(bool(report.drafts))  # a revised draft's row keeps its height
        policy.setHorizontalPolicy(QSizePolicy.Policy.Fixed)
        self.setSizePolicy(policy)
        share = unrevised_drafts(report).get(self.key)
        if share is None:
            self.hide()
            return
        percent = f"{share * 100:.0f}"
        self.label.setText(self.tr("上年草稿 %1%相同").replace("%1", percent))
        self.label.setToolTip(self.tr("本栏是上年报告的文字，%1%与上年相同，请按本年度情况修改；"
                                      "改写过半后不再标为草稿").replace("%1", percent))
        self.show()

    def _confirm(self) -> None:
        self.document.apply_fix(confirm_fix(self.document.report, self.key))
