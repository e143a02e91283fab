"""Last year's text as the clerk sees it beside this year's: which of its passages this year's report
still repeats, by S-04's measure (8-character phrases, digits as 0), as character positions to mark."""

from __future__ import annotations

from functools import lru_cache

from desktop.core.lastyear import last_year_of
from desktop.core.narrative.similarity import SECTION_KEYS, last_year_windows, normalised, positions, repeated_runs
from desktop.core.report import Report

Spans = tuple[tuple[int, int], ...]
_KEYS = tuple(k for keys in SECTION_KEYS.values() for k in keys)


@lru_cache(maxsize=4)
def _repeats(this_year: tuple[str, ...], last_year: tuple[str, ...]) -> tuple[Spans, ...]:
    grams = last_year_windows(this_year)  # this year's phrases, looked up in last year's text
    found = []
    for text in last_year:
        where = positions(text)
        found.append(tuple((where[a], where[b - 1] + 1) for a, b in repeated_runs(normalised(text), grams)))
    return tuple(found)


def last_year_repeats(report: Report) -> dict[str, Spans]:
    """For each section field, the stretches of last year's text that this year's report repeats; empty
    when last year's report, with text, is not linked."""
    previous = last_year_of(report)
    if previous is None or not any(previous.text.values()):
        return {}
    this_year = tuple(report.text[k] for k in _KEYS)
    last_year = tuple(previous.text.get(k, "") for k in _KEYS)
    return dict(zip(_KEYS, _repeats(this_year, last_year), strict=True))
