"""One table model for all three official tables, driven by the core's TableSpec.

The grid includes the header rows, so merged headers and row labels look like the official template.
The model only translates: edits go to the document, values and findings come from it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.core.checks import Finding, Severity
from desktop.core.fields import OPTION_MANUAL_TOTALS
from desktop.core.grid import LabelRole, Placed, TableSpec
from desktop.core.table_edits import takes_typing
from desktop.core.tablespec import CELLS
from desktop.core.values import format_value
from desktop.ui import palette
from desktop.ui.document import ReportDocument

Index = QModelIndex | QPersistentModelIndex
VALUE_ROLES = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole]
TOOLTIP_FINDINGS = 20  # lines of findings in a cell's tooltip
FINDING_ROLES = [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole]


class SpecTableModel(QAbstractTableModel):
    def __init__(self, document: ReportDocument, spec: TableSpec) -> None:
        super().__init__(document)
        self.document = document
        self.spec = spec
        self._anchors = {(p.row, p.col): p for p in spec.placed}
        self._key_cells = {p.key: p for p in spec.placed if p.key}
        self._findings: dict[str, list[Finding]] = {}
        self._collect_findings()
        document.changed.connect(self._on_changed)
        document.findings_changed.connect(self._on_findings)
        document.rejected_changed.connect(self._on_rejected)

    # ---- structure

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.spec.n_rows

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.spec.n_cols

    def placed_at(self, index: Index) -> Placed | None:
        """The label or value anchored at this index; None for cells covered by a merge."""
        return self._anchors.get((index.row(), index.column()))

    def key_at(self, index: Index) -> str | None:
        placed = self.placed_at(index)
        return placed.key if placed else None

    def holds(self, key: str) -> bool:
        return key in self._key_cells

    def index_of(self, key: str) -> QModelIndex:
        placed = self._key_cells[key]
        return self.index(placed.row, placed.col)

    def is_editable_key(self, key: str) -> bool:
        return takes_typing(key, self.document.report.manual_totals)

    # ---- data

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        placed = self.placed_at(index)
        if placed is None or placed.key is None:
            return Qt.ItemFlag.ItemIsEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.is_editable_key(placed.key):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        placed = self.placed_at(index)
        if placed is None:
            return None
        if placed.key is None:
            return self._label_data(placed, role)
        key = placed.key
        rejected = self.document.rejected.get(key)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return rejected[0] if rejected else format_value(self.document.report.cells[key])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ForegroundRole and rejected:
            return palette.REJECTED_TEXT
        if role == Qt.ItemDataRole.BackgroundRole:
            findings = self._findings.get(key)
            if findings:
                return palette.SEVERITY_BACKGROUND[findings[0].severity]
            if not self.is_editable_key(key):
                return palette.TOTAL_BACKGROUND
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [CELLS[key].label]
            if not self.is_editable_key(key):
                lines.append(self.tr("合计，自动计算"))
            found = self._findings.get(key, ())
            lines += [f"【{f.severity.label}】{f.message}" for f in found[:TOOLTIP_FINDINGS]]
            if len(found) > TOOLTIP_FINDINGS:
                lines.append(self.tr("……另有%1条，见问题面板").replace("%1", str(len(found) - TOOLTIP_FINDINGS)))
            return "\n".join(lines)
        return None

    def _label_data(self, placed: Placed, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return "\n".join(placed.text or "") if placed.vertical else placed.text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if placed.role is LabelRole.ROW and not placed.vertical:
                return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.BackgroundRole:
            return palette.LABEL_BACKGROUND if placed.role is LabelRole.ROW else palette.HEADER_BACKGROUND
        if role == Qt.ItemDataRole.ToolTipRole:
            return placed.text
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        key = self.key_at(index)
        if role != Qt.ItemDataRole.EditRole or key is None or not self.is_editable_key(key):
            return False
        return self.document.set_value(key, value)

    # ---- following the document

    def _on_changed(self, keys: tuple[str, ...]) -> None:
        mine = [self._key_cells[k] for k in keys if k in self._key_cells]
        if OPTION_MANUAL_TOTALS in keys:  # switching modes changes flags and colours
            self._emit_all(VALUE_ROLES + FINDING_ROLES)
            return
        if not mine:
            return
        top = min(p.row for p in mine)
        bottom = max(p.row for p in mine)
        left = min(p.col for p in mine)
        right = max(p.col for p in mine)
        self.dataChanged.emit(self.index(top, left), self.index(bottom, right), VALUE_ROLES)

    def _on_rejected(self, key: str) -> None:
        if key in self._key_cells:
            index = self.index_of(key)
            self.dataChanged.emit(index, index, [*VALUE_ROLES, Qt.ItemDataRole.ForegroundRole])

    def _collect_findings(self) -> None:
        self._findings = {}
        for finding in self.document.findings:
            for key in finding.cells:
                if key in self._key_cells:
                    self._findings.setdefault(key, []).append(finding)

    def _on_findings(self) -> None:
        """Repaint only the cells whose findings changed: a full repaint per keystroke is too slow."""
        before = self._findings
        self._collect_findings()
        for key in before.keys() | self._findings.keys():
            if _shown(before.get(key)) != _shown(self._findings.get(key)):
                index = self.index_of(key)
                self.dataChanged.emit(index, index, FINDING_ROLES)

    def _emit_all(self, roles: list[Qt.ItemDataRole]) -> None:
        self.dataChanged.emit(self.index(0, 0), self.index(self.spec.n_rows - 1, self.spec.n_cols - 1), roles)


def _shown(findings: list[Finding] | None) -> tuple[int, list[tuple[Severity, str]]] | None:
    """What a cell shows of its findings: the colour of the first and the tooltip's lines. Comparing only
    that keeps a long text's thousands of findings (and their fixes, which hold the whole field) out of
    the comparison made after every check."""
    if findings is None:
        return None
    return len(findings), [(f.severity, f.message) for f in findings[:TOOLTIP_FINDINGS]]
