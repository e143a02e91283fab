"""导入: read a published report, show the clerk what was recognised, and accept it only on confirmation."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from desktop.core.report import Report


class ImportAccountDialog(QDialog):
    def __init__(self, report: Report, account: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入结果"))
        heading = QLabel(self.tr("已识别：%1。请核对以下情况，确认后再导入。").replace("%1", report.title))
        heading.setWordWrap(True)
        self.account = QPlainTextEdit("\n".join(account))
        self.account.setReadOnly(True)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("导入"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.account, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)
