"""What reading one table found, for the report and for the clerk's account."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.io.importers.table_stream import Token


@dataclass
class TableRead:
    values: dict[str, str] = field(default_factory=dict)  # key → number text, "" for a blank cell
    rows_found: set[str] = field(default_factory=set)
    trial_2019: list[str] = field(default_factory=list)
    extra_labels: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # Chinese lines for the account

    def add_trial(self, header: str) -> None:
        if header not in self.trial_2019:
            self.trial_2019.append(header)


def fit(values: list[Token], wanted: int) -> list[Token] | None:
    """Exactly ``wanted`` values in order. Filler blanks that flattening left for merged cells are
    dropped: after the row (「| |||」) or, failing that, right after the label; in a Markdown table, right after
    the label first (its colspans).
    More real values than columns is a foreign column, and the row cannot be placed by order."""
    trimmed = list(values)
    if trimmed and trimmed[0].right_aligned:  # a Markdown row: the label's span first
        while len(trimmed) > wanted and trimmed[0].value == "":
            trimmed.pop(0)
    while len(trimmed) > wanted and trimmed[-1].value == "":
        trimmed.pop()
    while len(trimmed) > wanted and trimmed[0].value == "":
        trimmed.pop(0)
    if len(trimmed) != wanted:
        return None
    return trimmed
