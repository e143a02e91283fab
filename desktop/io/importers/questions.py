"""What the window asks after an import that did not find the year, the agency or the level.

Kept free of Qt so that the question (what to ask, what to pre-fill, whether an answer is complete) is
the core's and the dialog only shows it.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.fields import Level
from desktop.io.importers.identity import AGENCY, LEVEL, MISSING_NAMES, YEAR, Known


@dataclass(frozen=True)
class Question:
    missing: frozenset[str]  # YEAR, AGENCY, LEVEL
    year: int | None  # pre-filled with what was found; None where nothing was
    agency: str
    level: Level | None

    @property
    def missing_names(self) -> str:
        """「报告年度、机关层级」: what is asked, as the clerk reads it."""
        return "、".join(MISSING_NAMES[k] for k in (YEAR, AGENCY, LEVEL) if k in self.missing)

    def complete(self, known: Known) -> bool:
        return known.year is not None and bool((known.agency or "").strip()) and known.level is not None


def question_for(result_missing: frozenset[str], year: int, agency: str, level: Level) -> Question | None:
    """The question for an import result's ``missing`` and the report's meta, or None when nothing is."""
    if not result_missing:
        return None
    return Question(
        result_missing,
        None if YEAR in result_missing else year,
        "" if AGENCY in result_missing else agency,
        None if LEVEL in result_missing else level,
    )
