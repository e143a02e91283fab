"""新建报告: a short dialog asking agency, level and year."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QWidget

from desktop.core.fields import Level
from desktop.core.metavalues import MAX_YEAR, MIN_YEAR
from desktop.core.report import Report


class NewReportDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("新建报告"))
        self.agency = QLineEdit()
        self.agency.setPlaceholderText(self.tr("如 耳口乡、某某县教育局"))
        self.level = QComboBox()
        for level in Level:
            self.level.addItem(level.label, level.value)
        self.year = QSpinBox()
        self.year.setRange(MIN_YEAR, MAX_YEAR)
        self.year.setValue(dt.date.today().year - 1 if dt.date.today().month <= 6 else dt.date.today().year)
        self.message = QLabel()
        self.message.setObjectName("error")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("机关名称"), self.agency)
        form.addRow(self.tr("机关层级"), self.level)
        form.addRow(self.tr("报告年度"), self.year)
        form.addRow(self.message)
        form.addRow(self.buttons)

    def accept(self) -> None:
        if not self.agency.text().strip():
            self.message.setText(self.tr("请填写机关名称"))
            self.agency.setFocus()
            return
        super().accept()

    def report(self) -> Report:
        return Report.new(self.agency.text(), str(self.level.currentData()), self.year.value())
