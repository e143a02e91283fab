"""Which column of a sheet is which, and which word means which row or column of the table: guessed from
the sheet, confirmed or corrected by the clerk, and remembered for the layout (as JSON in the settings)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field

from desktop.core.register.columns import COLUMNS, Kind, guess_columns
from desktop.core.register.sheet import RawRow, RawSheet
from desktop.core.register.words import (
    OPEN,
    applicant_choices,
    case_kind_choices,
    case_result_choices,
    guess_applicant,
    guess_case_kind,
    guess_case_result,
    guess_result,
    result_choices,
)

Guess = Callable[[object], str | None]

# The columns whose words map to the table, their guesses and the targets the clerk may choose.
VALUE_COLUMNS: dict[Kind, dict[str, tuple[Guess, Callable[[], list[tuple[str, str]]]]]] = {
    Kind.APPLICATIONS: {"applicant": (guess_applicant, applicant_choices), "result": (guess_result, result_choices)},
    Kind.CASES: {"kind": (guess_case_kind, case_kind_choices), "result": (guess_case_result, case_result_choices)},
}
MAX_STORED_WORDS = 2_000


def word_of(value: object) -> str:
    return "" if value is None else str(value).strip()


@dataclass
class Mapping:
    kind: Kind
    columns: dict[str, int | None]
    values: dict[str, dict[str, str | None]] = field(default_factory=dict)  # column → word → target

    def word(self, column: str, row: RawRow) -> str:
        """A row's word in a value column; a result with its reason in a column of its own reads as one
        word, 「不予公开–属于国家秘密」."""
        word = word_of(row.get(self.columns.get(column)))
        if column == "result" and self.kind is Kind.APPLICATIONS:
            reason = word_of(row.get(self.columns.get("reason")))
            if reason:
                return f"{word}–{reason}" if word else reason
        return word

    def target(self, column: str, row: RawRow) -> str | None:
        return self.values.get(column, {}).get(self.word(column, row))

    def words(self, sheet: RawSheet, column: str) -> list[tuple[str, int]]:
        if self.columns.get(column) is None:
            return []
        return sheet.distinct(lambda row: self.word(column, row))

    def missing_columns(self) -> list[str]:
        return [c.label for c in COLUMNS[self.kind] if c.required and self.columns.get(c.key) is None]

    def to_json(self) -> str:
        return json.dumps({"kind": self.kind.value, "columns": self.columns, "values": self.values},
                          ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Mapping | None:
        """A stored mapping, or None when it cannot be one (an older or damaged setting)."""
        try:
            data = json.loads(text)
            kind = Kind(data["kind"])
            columns = {c.key: data["columns"].get(c.key) for c in COLUMNS[kind]}
            values = {col: {str(w): (None if t is None else str(t)) for w, t in list(words.items())[:MAX_STORED_WORDS]}
                      for col, words in data.get("values", {}).items() if col in VALUE_COLUMNS[kind]}
        except (ValueError, KeyError, TypeError, AttributeError):
            return None
        if not all(v is None or (isinstance(v, int) and v >= 0) for v in columns.values()):
            return None
        return cls(kind, columns, values)


def guess_values(sheet: RawSheet, columns: dict[str, int | None], column: str,
                 known: dict[str, str | None] | None = None) -> dict[str, str | None]:
    """Each word of a column → its guessed target; words the clerk already mapped keep their mapping."""
    guess, choices = VALUE_COLUMNS[sheet.kind][column]
    allowed = {key for key, _ in choices()}
    known = known or {}
    result: dict[str, str | None] = {}
    for word, _count in Mapping(sheet.kind, columns).words(sheet, column):
        target = known[word] if word in known else guess(word)
        result[word] = target if target in allowed else None
    return result


def guess_mapping(sheet: RawSheet, remembered: Mapping | None = None) -> Mapping:
    """The remembered mapping of this layout, completed with guesses for words it has not seen."""
    if remembered is not None and remembered.kind is sheet.kind and all(
            v is None or v < len(sheet.headers) for v in remembered.columns.values()):
        columns = dict(remembered.columns)
    else:
        remembered, columns = None, guess_columns(sheet.kind, sheet.headers)
    values = {col: guess_values(sheet, columns, col, remembered.values.get(col) if remembered else None)
              for col in VALUE_COLUMNS[sheet.kind]}
    return Mapping(sheet.kind, columns, values)


__all__ = ["Mapping", "guess_mapping", "guess_values", "OPEN", "VALUE_COLUMNS", "word_of"]
