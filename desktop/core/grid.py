"""The building blocks of a printed table: placed label and value cells on a grid.

Every renderer (editor, PDF, DOCX, HTML) walks the same placed cells, so a merge is written once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class ValueKind(str, Enum):
    COUNT = "count"
    MONEY = "money"


class LabelRole(str, Enum):
    CAPTION = "caption"  # a block caption spanning the table, e.g. 第二十条第（一）项
    HEADER = "header"  # a column header
    ROW = "row"  # a row label
    NOTE = "note"  # the printed note in table 三's corner


@dataclass(frozen=True)
class CellSpec:
    """One value cell of an official table."""

    key: str
    table: str
    row: str
    column: str
    kind: ValueKind
    label: str  # full name for messages: 表三, the row's label, then the column's
    row_label: str
    column_label: str
    parts: tuple[str, ...] = ()  # a total: the cells it sums

    @property
    def is_total(self) -> bool:
        return bool(self.parts)


@dataclass(frozen=True)
class Axis:
    """A row or a column of an official table, named once so that callers never retype a label or a key.

    Table 四's rows are its groups (review, the two kinds of suit) and its columns its items (upheld … total).
    """

    table: str  # t2, t3, t4
    key: str  # the middle (row) or last (column) part of a cell key
    label: str  # the full statutory name messages quote: CellSpec.row_label or column_label
    printed: str  # the text printed on the grid for this row or column
    short: str  # the printed text without its numbering, as prose quotes it
    group: str | None = None  # the key of the Group it belongs to (table 三's results, table 四), else None


@dataclass(frozen=True)
class Group:
    """A labelled run of rows: a result group of table 三 (（三）不予公开 …) or a heading of table 四."""

    key: str
    label: str  # statutory, with its numbering
    short: str  # without its numbering
    rows: tuple[str, ...]  # the row keys it spans, in order


@dataclass(frozen=True)
class Placed:
    """A rectangle on the printed grid holding a label or a value cell."""

    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    text: str | None = None
    key: str | None = None
    role: LabelRole | None = None
    vertical: bool = False

    @property
    def is_value(self) -> bool:
        return self.key is not None


@dataclass(frozen=True)
class TableSpec:
    id: str  # t2, t3, t4
    number: str  # 二
    title: str  # section heading printed above the table
    n_rows: int
    n_cols: int
    header_rows: int  # rows repeated when the table crosses a page
    placed: tuple[Placed, ...]
    cells: tuple[CellSpec, ...]
    col_weights: tuple[float, ...]  # relative printed column widths
    rows: tuple[Axis, ...] = ()  # in printed order
    columns: tuple[Axis, ...] = ()  # in printed order (table 二: each distinct column once)
    groups: tuple[Group, ...] = ()
    _by_pos: dict[tuple[int, int], Placed] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for p in self.placed:
            for r in range(p.row, p.row + p.rowspan):
                for c in range(p.col, p.col + p.colspan):
                    if (r, c) in self._by_pos:
                        raise ValueError(f"{self.id}: overlapping cells at {(r, c)}")
                    self._by_pos[(r, c)] = p

    def at(self, row: int, col: int) -> Placed | None:
        """The placed cell covering a grid position (the anchor of a merge covers its whole span)."""
        return self._by_pos.get((row, col))

    def row(self, key: str) -> Axis:
        return next(a for a in self.rows if a.key == key)

    def column(self, key: str) -> Axis:
        return next(a for a in self.columns if a.key == key)

    def group(self, key: str) -> Group:
        return next(g for g in self.groups if g.key == key)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.cells)
