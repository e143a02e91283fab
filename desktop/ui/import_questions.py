"""The question an import asks when the source does not say its year, agency or level.

The question itself (what is missing, what to pre-fill) comes from ``desktop.io.importers.questions``;
this dialog only shows it. Cancelling it cancels the import.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.fields import LEVEL_LABELS, Level
from desktop.core.metavalues import MIN_YEAR
from desktop.io.importers.identity import Known
from desktop.io.importers.questions import Question


class ImportQuestionsDialog(QDialog):
    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("补充报告信息"))
        prompt = QLabel(
            self.tr("原文中未找到%1。请填写后继续导入；取消则不导入。").replace("%1", question.missing_names))
        prompt.setWordWrap(True)
        self.year = QSpinBox()
        self.year.setRange(MIN_YEAR - 1, dt.date.today().year + 1)
        self.year.setSpecialValueText(self.tr("请选择"))  # shown at the minimum: nothing chosen yet
        self.year.setValue(question.year if question.year is not None else self.year.minimum())
        self.agency = QLineEdit(question.agency)
        self.agency.setPlaceholderText(self.tr("如：耳口乡、淮安市人民政府"))
        self.level = QComboBox()
        for level in Level:
            self.level.addItem(self.tr(LEVEL_LABELS[level]), level.value)
        self.level.setCurrentIndex(list(Level).index(question.level) if question.level is not None else -1)
        self.level.setPlaceholderText(self.tr("请选择"))
        form = QFormLayout()
        form.addRow(self.tr("报告年度"), self.year)
        form.addRow(self.tr("机关名称"), self.agency)
        form.addRow(self.tr("机关层级"), self.level)
        buttons = QDialogButtonBox()
        self.ok: QPushButton = buttons.addButton(self.tr("继续导入"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._question = question
        for signal in (self.year.valueChanged, self.agency.textChanged, self.level.currentIndexChanged):
            signal.connect(self._update)
        self._update()

    def known(self) -> Known:
        year = self.year.value() if self.year.value() != self.year.minimum() else None
        level = Level(self.level.currentData()) if self.level.currentIndex() >= 0 else None
        return Known(year=year, agency=self.agency.text().strip() or None, level=level)

    def _update(self) -> None:
        self.ok.setEnabled(self._question.complete(self.known()))
