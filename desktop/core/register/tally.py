"""What a register gives a table: every cell's count, the register rows behind it, and what was not counted
(unrecognised words, and rows whose dates are missing or wrong), each with its row numbers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from desktop.core.register.columns import COLUMNS, Kind
from desktop.core.register.dates import BadDate, parse_register_date
from desktop.core.register.mapping import Mapping
from desktop.core.register.sheet import RawRow
from desktop.core.tablespec import TABLE_BY_ID

TABLE_OF = {Kind.APPLICATIONS: "t3", Kind.CASES: "t4"}


@dataclass(frozen=True)
class Skipped:
    line: int
    reason: str


@dataclass(frozen=True)
class Entry:
    """A register row as the clerk wrote it, for the drill-down: its number and its mapped columns' text."""

    line: int
    shown: tuple[tuple[str, str], ...]  # (column label, text)


@dataclass
class Tally:
    kind: Kind
    year: int
    source: str
    cells: dict[str, int]
    sources: dict[str, list[int]]
    entries: dict[int, Entry] = field(default_factory=dict)
    unrecognised: dict[str, dict[str, list[int]]] = field(default_factory=dict)  # column label → word → lines
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[Skipped] = field(default_factory=list)  # counted, with an assumption the clerk should know
    outside_year: int = 0  # rows received after the year, or closed before it

    @property
    def table(self) -> str:
        return TABLE_OF[self.kind]

    def add(self, row: str, column: str, line: int) -> None:
        key = f"{self.table}.{row}.{column}"
        self.cells[key] += 1
        self.sources[key].append(line)

    def rows_behind(self, key: str) -> list[Entry]:
        return [self.entries[line] for line in self.sources.get(key, ())]

    @property
    def counted(self) -> int:
        return len({line for lines in self.sources.values() for line in lines})


def empty_tally(kind: Kind, year: int, source: str) -> Tally:
    keys = [c.key for c in TABLE_BY_ID[TABLE_OF[kind]].cells]
    return Tally(kind, year, source, dict.fromkeys(keys, 0), {k: [] for k in keys})


def shown(kind: Kind, mapping: Mapping, row: RawRow) -> Entry:
    def text(value: object) -> str:
        if value is None:
            return ""
        return value.isoformat()[:10] if hasattr(value, "isoformat") else str(value).strip()

    return Entry(row.line, tuple((c.label, text(row.get(mapping.columns.get(c.key)))) for c in COLUMNS[kind]
                                 if mapping.columns.get(c.key) is not None))


class RowProblem(Exception):
    """A row that cannot be counted; the message says why, for the list of rows not counted."""


def read_date(row: RawRow, mapping: Mapping, column: str, label: str) -> dt.date | None:
    try:
        return parse_register_date(row.get(mapping.columns.get(column)))
    except BadDate as error:
        raise RowProblem(f"{label}“{error}”无法识别为日期") from None


def mapped(tally: Tally, mapping: Mapping, row: RawRow, column: str, label: str) -> str | None:
    """The row's word in a value column as mapped; an unmapped word is listed under its column."""
    target = mapping.target(column, row)
    if target is None:
        tally.unrecognised.setdefault(label, {}).setdefault(mapping.word(column, row), []).append(row.line)
    return target
