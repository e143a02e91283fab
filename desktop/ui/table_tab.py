"""A table tab: the table title, the 手工填写合计 switch and the spec-driven table editor."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.core.fields import OPTION_MANUAL_TOTALS
from desktop.core.grid import TableSpec
from desktop.ui.document import ReportDocument
from desktop.ui.table_model import SpecTableModel
from desktop.ui.table_view import SpecTableView


class TableTab(QWidget):
    def __init__(self, document: ReportDocument, spec: TableSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.model = SpecTableModel(document, spec)
        self.view = SpecTableView(self.model)
        title = QLabel(spec.title)
        title.setObjectName("sectionHeading")
        self.manual = QCheckBox(self.tr("手工填写合计"))
        self.manual.setToolTip(self.tr("照抄已发布的报告时使用：合计栏可以直接填写，不再自动计算"))
        self.manual.toggled.connect(self._on_toggled)
        self.manual.setVisible(any(cell.is_total for cell in spec.cells))
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.manual)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        document.changed.connect(self._sync)
        self._sync((OPTION_MANUAL_TOTALS,))

    def _on_toggled(self, checked: bool) -> None:
        if checked != self.document.report.manual_totals:
            self.document.set_manual_totals(checked)

    def _sync(self, keys: tuple[str, ...]) -> None:
        if OPTION_MANUAL_TOTALS in keys:
            self.manual.blockSignals(True)
            self.manual.setChecked(self.document.report.manual_totals)
            self.manual.blockSignals(False)
