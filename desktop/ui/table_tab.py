"""A table tab: the table title, 空白填0, the 手工填写合计 switch and the spec-driven table editor."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.core.fields import OPTION_MANUAL_TOTALS
from desktop.core.grid import TableSpec
from desktop.core.table_edits import blank_cells
from desktop.ui.document import ReportDocument
from desktop.ui.register_sources import add_source_action
from desktop.ui.table_model import SpecTableModel
from desktop.ui.table_view import SpecTableView


class TableTab(QWidget):
    def __init__(self, document: ReportDocument, spec: TableSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.model = SpecTableModel(document, spec)
        self.view = SpecTableView(self.model)
        self.sources_action = add_source_action(self.view, document)  # a figure computed from a register
        title = QLabel(spec.title)
        title.setObjectName("sectionHeading")
        self.manual = QCheckBox(self.tr("手工填写合计"))
        self.manual.setToolTip(self.tr("照抄已发布的报告时使用：合计栏可以直接填写，不再自动计算"))
        self.manual.toggled.connect(self._on_toggled)
        self.manual.setVisible(any(cell.is_total for cell in spec.cells))
        self.fill_zeros = QPushButton(self.tr("空白填0"))
        self.fill_zeros.setToolTip(self.tr("把本表所有空白单元格填为0，一步完成，可以撤销"))
        self.fill_zeros.clicked.connect(self.fill_blanks_with_zero)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.fill_zeros)
        top.addWidget(self.manual)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        document.changed.connect(self._sync)
        self._sync((OPTION_MANUAL_TOTALS,))

    def fill_blanks_with_zero(self) -> int:
        """Most township tables are nearly all 0: fill what is still blank in one undoable step."""
        blanks = blank_cells(self.document.report, self.model.spec)
        if blanks:
            self.document.set_many([(key, "0") for key in blanks], self.tr("空白填0"))
        message = self.tr("已将%1个空白单元格填为0").replace("%1", str(len(blanks))) if blanks else \
            self.tr("本表没有空白单元格")
        self.document.done.emit(message)
        return len(blanks)

    def _on_toggled(self, checked: bool) -> None:
        if checked != self.document.report.manual_totals:
            self.document.set_manual_totals(checked)

    def _sync(self, keys: tuple[str, ...]) -> None:
        if OPTION_MANUAL_TOTALS in keys:
            self.manual.blockSignals(True)
            self.manual.setChecked(self.document.report.manual_totals)
            self.manual.blockSignals(False)
