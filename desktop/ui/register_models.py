"""Qt models over a register's account: one table's figures (spec rows × spec columns, marked where the
report holds another typed figure) and the register rows behind one figure. Adapters only: the figures,
the rows and the labels come from core."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.core.checks import Severity
from desktop.core.grid import Axis, TableSpec
from desktop.core.register.tally import Entry, Tally
from desktop.core.report import Report
from desktop.core.tablespec import CELLS, TABLE_BY_ID, cell_key
from desktop.ui import palette

Index = QModelIndex | QPersistentModelIndex
DIFFERS = palette.SEVERITY_BACKGROUND[Severity.WARNING]
_ROLES = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole]


class RegisterGridModel(QAbstractTableModel):
    def __init__(self, tally: Tally, report: Report) -> None:
        super().__init__()
        self.tally = tally
        self.report = report
        self.spec = TABLE_BY_ID[tally.table]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.spec.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.spec.columns)

    def key_at(self, index: Index) -> str:
        return cell_key(self.spec.id, self.spec.rows[index.row()], self.spec.columns[index.column()])

    def index_of(self, key: str) -> QModelIndex:
        spec = CELLS[key]
        rows, columns = [r.key for r in self.spec.rows], [c.key for c in self.spec.columns]
        return self.index(rows.index(spec.row), columns.index(spec.column))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key = self.key_at(index)
        counted, typed = self.tally.cells[key], self.report.cells[key]
        differs = typed is not None and typed != counted
        if role == Qt.ItemDataRole.DisplayRole:
            return str(counted)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            return DIFFERS if differs else palette.TOTAL_BACKGROUND if CELLS[key].is_total else None
        if role == Qt.ItemDataRole.ToolTipRole and differs:
            return self.tr("报告中填的是%1").replace("%1", str(typed))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            return self.spec.columns[section].label if role == Qt.ItemDataRole.DisplayRole else None
        row = self.spec.rows[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return row_name(self.spec, row)
        return row.label if role == Qt.ItemDataRole.ToolTipRole else None

    def report_changed(self) -> None:
        self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1), _ROLES)


def row_name(spec: TableSpec, row: Axis) -> str:
    """A row as the narrow grid names it: 「不予公开 1.属于国家秘密」, 「部分公开」; the full label is its tooltip."""
    if spec.id != "t3" or row.group is None:
        return row.short.split("（")[0]
    group = next(g for g in spec.groups if g.key == row.group)
    name = group.short.split("（")[0]
    return name if len(group.rows) == 1 else f"{name} {row.printed}"


class RegisterRowsModel(QAbstractTableModel):
    """The register rows behind one figure: 行号, then the mapped columns as the clerk wrote them."""

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[Entry] = []

    def show(self, entries: list[Entry]) -> None:
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self.entries else 1 + len(self.entries[0].shown)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        entry = self.entries[index.row()]
        return str(entry.line) if index.column() == 0 else entry.shown[index.column() - 1][1]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal or not self.entries:
            return None
        return self.tr("行号") if section == 0 else self.entries[0].shown[section - 1][0]
