"""The table figures a sentence can quote, each a sum of cells with a name taken from the table spec."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import NamedTuple

from desktop.core.tablespec import (
    CELLS,
    T3_CARRIED_OUT,
    T3_GROUP_LABELS,
    T3_GROUPS,
    T3_RESULTS_LABEL,
    T3_TOP_ROWS,
    T3_TOTAL_ROW,
    T4_GROUPS,
    T4_ITEMS,
    T4_SUIT,
    cell_key,
)
from desktop.core.values import CellValue


class Figure(NamedTuple):
    """One number in the tables, or the sum of several (a group of table 三, both kinds of 起诉). A tuple, so
    that it hashes and compares without a Python call: a long text makes thousands of claims about a few
    figures, each looked up by its figure."""

    label: str  # how a message names it: the table, the row's statutory label, the column
    cells: tuple[str, ...]

    def value(self, cells: Mapping[str, CellValue]) -> int | None:
        """The figure, or None while any of its cells is blank (then nothing can be compared). A total left
        blank while its parts are filled (手工填写合计 leaves totals to the clerk) reads as their sum."""
        values = [read_cell(k, cells) for k in self.cells]
        if any(v is None for v in values):
            return None
        return int(sum(values))  # type: ignore[arg-type]

    def readings(self, cells: Mapping[str, CellValue]) -> set[int]:
        """The figure as entered, and as its totals' parts add up where a total disagrees with them.

        A table that contradicts itself is the table rules' finding; text that agrees with either side of the
        contradiction is not reported a second time.
        """
        entered = self.value(cells)
        if entered is None:
            return set()
        added = 0
        for key in self.cells:
            parts = [read_cell(p, cells) for p in CELLS[key].parts]
            if parts and all(p is not None for p in parts):
                added += int(sum(parts))  # type: ignore[arg-type]
            else:
                added += int(read_cell(key, cells))  # type: ignore[arg-type]
        return {entered, added}


def read_cell(key: str, cells: Mapping[str, CellValue]) -> CellValue:
    value = cells.get(key)
    if value is not None or not CELLS[key].parts:
        return value
    parts = [read_cell(p, cells) for p in CELLS[key].parts]
    return None if any(p is None for p in parts) else sum(parts)  # type: ignore[return-value, arg-type]


def short_label(label: str) -> str:
    """（二）部分公开（区分处理的…） → 部分公开; 一、本年新收… → 本年新收…."""
    label = re.sub(r"^[（(][一二三四五六七八九十]+[）)]|^[一二三四五六七八九十]+、", "", label)
    return re.sub(r"[（(].*$", "", label)


_T3_ROWS = dict((*T3_TOP_ROWS, T3_CARRIED_OUT))


def t3_row(row: str) -> Figure:
    if row == T3_TOTAL_ROW[0]:
        return Figure(f"表三“{T3_RESULTS_LABEL}”{T3_TOTAL_ROW[1]}", (cell_key("t3", row, "total"),))
    return Figure(f"表三“{_T3_ROWS[row]}”总计", (cell_key("t3", row, "total"),))


def t3_group(group: str) -> Figure:
    rows = T3_GROUPS[group]
    which = "总计" if len(rows) == 1 else "各项总计之和"
    keys = tuple(cell_key("t3", r, "total") for r in rows)
    return Figure(f"表三“{short_label(T3_GROUP_LABELS[group])}”{which}", keys)


NEW, CARRIED_IN, TOTAL, CARRIED_OUT = (t3_row(r) for r in ("new", "carried_in", "total", "carried_out"))
GROUPS: dict[str, Figure] = {g: t3_group(g) for g in T3_GROUPS}
GROUP_NAMES: dict[str, str] = {g: short_label(label) for g, label in T3_GROUP_LABELS.items()}

T4_ITEM_LABELS = dict(T4_ITEMS)
SUIT_GROUPS = tuple(g for g, _ in T4_GROUPS if g != "review")
# Text speaks of 行政诉讼 as a whole: both kinds of 起诉 added up.
LITIGATION = "litigation"


@cache  # a few dozen figures, quoted thousands of times by a long text
def t4(group: str, item: str) -> Figure:
    """A cell of table 四, or for ``litigation`` the sum over both 起诉 groups."""
    if group == LITIGATION:
        return Figure(f"表四“{T4_SUIT}”两类起诉的{T4_ITEM_LABELS[item]}之和",
                      tuple(cell_key("t4", g, item) for g in SUIT_GROUPS))
    spec = CELLS[cell_key("t4", group, item)]
    return Figure(f"表四“{spec.row_label}”{spec.column_label}", (spec.key,))


@cache
def t2(row: str, column: str) -> Figure:
    spec = CELLS[cell_key("t2", row, column)]
    return Figure(f"表二“{spec.row_label}”{spec.column_label}", (spec.key,))
