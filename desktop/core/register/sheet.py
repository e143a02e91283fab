"""A register as read from a file, before any meaning is given to it: headers and rows of raw values."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from desktop.core.register.columns import COLUMNS, Kind, header_key


@dataclass(frozen=True)
class RawRow:
    line: int  # the row's number as the spreadsheet shows it, for the clerk to find it
    values: tuple[object, ...]

    def get(self, index: int | None) -> object:
        if index is None or index >= len(self.values):
            return None
        return self.values[index]

    @property
    def blank(self) -> bool:
        return all(v is None or str(v).strip() == "" for v in self.values)


@dataclass(frozen=True)
class RawSheet:
    source: str  # file name and sheet, for messages: 台账.xlsx（2024年）
    kind: Kind
    headers: tuple[str, ...]
    header_line: int
    rows: tuple[RawRow, ...]

    @property
    def layout(self) -> str:
        """What identifies a sheet layout for the remembered mapping: its kind and headers, as compared."""
        return "|".join([self.kind.value, *(header_key(h) for h in self.headers)])

    def distinct(self, word: Callable[[RawRow], str], limit: int = 500) -> list[tuple[str, int]]:
        """The different words of a column (as ``word`` reads them from a row) with how often each occurs,
        most frequent first."""
        counts: dict[str, int] = {}
        for row in self.rows:
            if row.blank:
                continue
            text = word(row)
            if text in counts or len(counts) < limit:
                counts[text] = counts.get(text, 0) + 1
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def column_labels(kind: Kind) -> dict[str, str]:
    return {c.key: c.label for c in COLUMNS[kind]}
