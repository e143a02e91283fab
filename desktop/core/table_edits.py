"""What a table edit means, decided once for the editor, the command line and the tests: which cells take
typing, what 空白填0 fills, and where a pasted block lands."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.core.grid import TableSpec
from desktop.core.labelled_paste import plan_by_labels
from desktop.core.report import Report
from desktop.core.tablespec import CELLS
from desktop.core.values import InvalidValue, parse_cell


def takes_typing(key: str, manual_totals: bool) -> bool:
    """A total is computed from its parts unless the clerk copies a published table (手工填写合计)."""
    return manual_totals or not CELLS[key].is_total


def blank_cells(report: Report, spec: TableSpec) -> list[str]:
    """The cells 空白填0 fills: blank and open to typing."""
    return [cell.key for cell in spec.cells
            if takes_typing(cell.key, report.manual_totals) and report.cells.get(cell.key) is None]


@dataclass
class PastePlan:
    """Where a block lands. ``totals`` are computed cells that received a value: it is only compared with
    the computed sum. ``outside`` counts values that fell past the table's edge or on a label."""

    items: list[tuple[str, str]] = field(default_factory=list)
    totals: list[tuple[str, str]] = field(default_factory=list)
    outside: int = 0
    rows: int = 0
    cols: int = 0
    by_labels: bool = False  # placed by the block's row labels, wherever the cursor was
    placed_rows: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    misfit: list[str] = field(default_factory=list)


def plan_paste(report: Report, spec: TableSpec, block: list[list[str]], row: int, col: int,
               selected: list[str]) -> PastePlan:
    """A block pasted with its top-left corner at grid cell (row, col), or by its row labels when it carries
    them. One value onto a selection of several cells fills the selection, as in a spreadsheet."""
    if len(block) == 1 and len(block[0]) == 1 and len(selected) > 1:
        return PastePlan(items=[(key, block[0][0]) for key in selected], rows=1, cols=1)
    labelled = plan_by_labels(spec, block)
    if labelled is not None:
        plan = PastePlan(by_labels=True, unmatched=labelled.unmatched, misfit=labelled.misfit,
                         placed_rows=labelled.placed_rows)
        for labelled_key, value in labelled.items:
            if takes_typing(labelled_key, report.manual_totals):
                plan.items.append((labelled_key, value))
            elif value.strip():
                plan.totals.append((labelled_key, value))
        return plan
    anchors = {(p.row, p.col): p.key for p in spec.placed}
    plan = PastePlan(rows=len(block), cols=max(map(len, block), default=0))
    for dr, values in enumerate(block):
        for dc, value in enumerate(values):
            key = anchors.get((row + dr, col + dc))
            if key is None:
                plan.outside += bool(value.strip())
            elif takes_typing(key, report.manual_totals):
                plan.items.append((key, value))
            elif value.strip():
                plan.totals.append((key, value))
    return plan


def differing_totals(report: Report, totals: list[tuple[str, str]]) -> list[str]:
    """A published table's total that disagrees with its parts must not vanish unnoticed."""
    differing = []
    for key, text in totals:
        try:
            pasted = parse_cell(key, text)
        except InvalidValue:
            continue
        if pasted != report.cells[key]:
            differing.append(f"{CELLS[key].label}粘贴的是{text.strip()}，各项相加为{report.cells[key]}")
    return differing
