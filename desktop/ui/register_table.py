"""One table as the register gives it, read-only, over the table spec's rows and columns: a click on a
cell lists the register rows behind it. Cells where the report's typed figure differs are marked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QHeaderView, QLabel, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from desktop.core.checks import Severity
from desktop.core.grid import Axis, TableSpec
from desktop.core.register.tally import Tally
from desktop.core.report import Report
from desktop.core.tablespec import CELLS, TABLE_BY_ID, cell_key
from desktop.ui import palette

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_LABEL_PX = 300
DIFFERS = palette.SEVERITY_BACKGROUND[Severity.WARNING]


class RegisterTable(QWidget):
    def __init__(self, tally: Tally, report: Report, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tally = tally
        spec = TABLE_BY_ID[tally.table]
        self.grid = QTableWidget(len(spec.rows), len(spec.columns))
        self.grid.setHorizontalHeaderLabels([c.label for c in spec.columns])
        self.grid.setVerticalHeaderLabels([_row_name(spec, r) for r in spec.rows])
        for r, row in enumerate(spec.rows):
            header_item = self.grid.verticalHeaderItem(r)
            if header_item is not None:
                header_item.setToolTip(row.label)
        self.grid.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.grid.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.grid.horizontalHeader().setMinimumSectionSize(52)
        self.grid.verticalHeader().setMaximumWidth(MAX_LABEL_PX)  # the longest labels are elided; tooltips hold them
        self.items: dict[str, QTableWidgetItem] = {}
        for r, row in enumerate(spec.rows):
            for c, column in enumerate(spec.columns):
                item = QTableWidgetItem()
                key = cell_key(spec.id, row, column)
                item.setData(KEY_ROLE, key)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.grid.setItem(r, c, item)
                self.items[key] = item
        self.caption = QLabel(self.tr("点击一个数字，查看台账中对应的行"))
        self.sources = QTableWidget(0, 1)
        self.sources.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.sources.verticalHeader().hide()
        self.sources.horizontalHeader().setStretchLastSection(True)
        below = QWidget()
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.addWidget(self.caption)
        below_layout.addWidget(self.sources)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.grid)
        splitter.addWidget(below)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.grid.currentItemChanged.connect(self._current_changed)
        self.refresh(report)

    def refresh(self, report: Report) -> None:
        """The register's figures, marked where the report holds another typed figure."""
        for key, item in self.items.items():
            counted, typed = self.tally.cells[key], report.cells[key]
            item.setText(str(counted))
            differs = typed is not None and typed != counted
            item.setBackground(DIFFERS if differs else palette.TOTAL_BACKGROUND if CELLS[key].is_total else QBrush())
            item.setToolTip(self.tr("报告中填的是%1").replace("%1", str(typed)) if differs else "")

    def select(self, key: str) -> None:
        self.grid.setCurrentItem(self.items[key])

    def _current_changed(self, item: QTableWidgetItem | None, _previous: QTableWidgetItem | None) -> None:
        if item is not None:
            self.show_sources(item.data(KEY_ROLE))

    def show_sources(self, key: str) -> None:
        entries = self.tally.rows_behind(key)
        self.caption.setText(self.tr("%1：%2件，来自台账中的以下行").replace("%1", CELLS[key].label)
                             .replace("%2", str(len(entries))) if entries else
                             self.tr("%1：台账中没有这类记录").replace("%1", CELLS[key].label))
        labels = [label for label, _ in entries[0].shown] if entries else []
        self.sources.clear()
        self.sources.setColumnCount(1 + len(labels))
        self.sources.setHorizontalHeaderLabels([self.tr("行号"), *labels])
        self.sources.setRowCount(len(entries))
        for r, entry in enumerate(entries):
            self.sources.setItem(r, 0, QTableWidgetItem(str(entry.line)))
            for c, (_label, text) in enumerate(entry.shown, start=1):
                self.sources.setItem(r, c, QTableWidgetItem(text))
        self.sources.resizeColumnsToContents()


def _row_name(spec: TableSpec, row: Axis) -> str:
    """A row as the narrow grid names it: 「不予公开 1.属于国家秘密」, 「部分公开」; the full label is its tooltip."""
    if spec.id != "t3" or row.group is None:
        return row.short.split("（")[0]
    group = next(g for g in spec.groups if g.key == row.group)
    name = group.short.split("（")[0]
    return name if len(group.rows) == 1 else f"{name} {row.printed}"
