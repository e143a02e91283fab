"""基本信息: agency, level, year, 成文日期 and the preamble."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.core.fields import META_BY_KEY, TEXT_BY_KEY, Level
from desktop.core.metavalues import MAX_YEAR, MIN_YEAR
from desktop.ui.document import ReportDocument
from desktop.ui.text_editor import TextFieldEditor


class BasicInfoTab(QWidget):
    def __init__(self, document: ReportDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.agency = QLineEdit()
        self.level = QComboBox()
        for level in Level:
            self.level.addItem(level.label, level.value)
        self.year = QLineEdit()
        self.year.setPlaceholderText(f"{MIN_YEAR}–{MAX_YEAR}")
        self.date = QLineEdit()
        self.date.setPlaceholderText(self.tr("如 2024-01-04，可暂不填写"))
        self.title = QLabel()
        self.title.setObjectName("reportTitle")
        self.preamble = TextFieldEditor(document, "text.preamble")
        self.preamble.setPlaceholderText(
            self.tr("前言（可选）：编制依据、统计期限、获取方式和联系方式（地址、邮编、电话、电子邮箱）")
        )

        form = QFormLayout()
        form.addRow(META_BY_KEY["meta.agency"].label, self.agency)
        form.addRow(META_BY_KEY["meta.level"].label, self.level)
        form.addRow(META_BY_KEY["meta.year"].label, self.year)
        form.addRow(META_BY_KEY["meta.date"].label, self.date)
        form.addRow(self.tr("报告标题"), self.title)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(TEXT_BY_KEY["text.preamble"].label))
        layout.addWidget(self.preamble, 1)

        self.agency.editingFinished.connect(lambda: self._commit("meta.agency", self.agency.text()))
        self.year.editingFinished.connect(lambda: self._commit("meta.year", self.year.text()))
        self.date.editingFinished.connect(lambda: self._commit("meta.date", self.date.text()))
        self.level.activated.connect(lambda _: self._commit("meta.level", self.level.currentData()))
        document.changed.connect(self._load)
        self._load(())

    def _commit(self, key: str, raw: object) -> None:
        self.document.set_value(key, raw)
        self._load(())  # show the value as the report holds it: refused, or 2025/1/5 as 2025-01-05

    def _load(self, keys: tuple[str, ...]) -> None:
        meta = self.document.report.meta
        if self.agency.text() != meta.agency:
            self.agency.setText(meta.agency)
        self.level.setCurrentIndex(self.level.findData(meta.level.value))
        if self.year.text() != str(meta.year):
            self.year.setText(str(meta.year))
        date_text = meta.date.isoformat() if meta.date else ""
        if self.date.text() != date_text:
            self.date.setText(date_text)
        self.title.setText(self.document.report.title)
