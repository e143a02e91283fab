"""What a sentence says about a table figure, and how a disagreement becomes a finding.

A claim is only made where the wording is unambiguous. Judging is lenient in two more ways: a figure with a
blank cell is not compared, and when one sentence quotes the same figure twice with different numbers and one
of them agrees with the table, neither is reported (the wording was not the checker's to resolve). A
sentence saying there were none (「未收到申请」) is reported all the same when the figure is not 0. A count the
sentence gives for other agencies or a wider place (「全县各部门」, 「全县」 in a township's report) is not
the agency's own, and is not compared (``scope``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import Enum
from functools import partial
from typing import Any, NamedTuple

from desktop.core.checks.findings import Finding, Fix, Severity, TextSpan
from desktop.core.fields import Level
from desktop.core.narrative.figures import Figure
from desktop.core.narrative.quotes import scan
from desktop.core.narrative.scope import of_other_agencies
from desktop.core.tablespec import CELLS
from desktop.core.values import CellValue


class Wording(str, Enum):
    COUNT = "count"  # 「受理3件」: the number must equal the figure
    NONE = "none"  # 「未收到申请」「未发生行政复议」: the figure must be 0
    ALL_UPHELD = "all_upheld"  # 「均获维持」: the other results must be 0


class Claim(NamedTuple):
    """One figure quoted by the text. A tuple, not a dataclass: a long text makes tens of thousands, and a
    frozen dataclass sets each field through ``object.__setattr__``."""

    rule: str
    figure: Figure
    value: int
    start: int  # characters of the text the finding points at
    end: int
    quote: str  # the words quoted in the message
    sentence: int
    wording: Wording = Wording.COUNT
    # Also accepted: the figure plus these (「受理37件（含上年结转3件）」 counts carried-in cases too).
    plus: tuple[Figure, ...] = ()
    number_end: int | None = None  # the numeral ends here (it starts at ``start``), when a fix may rewrite it
    # A fix writes the figure itself; not where the sentence says what its number includes (「（含…）」).
    fixable: bool = True


# A Claim from all its fields, in order, without the Python call a NamedTuple's constructor makes: the rules
# reading every count of a long text make tens of thousands.
claim_of = partial(tuple.__new__, Claim)
assert Claim._fields == ("rule", "figure", "value", "start", "end", "quote", "sentence", "wording", "plus",
                         "number_end", "fixable")  # as the callers of claim_of give them


def _accepted(claim: Claim, cells: Mapping[str, CellValue]) -> set[int] | None:
    readings = claim.figure.readings(cells)
    if not readings:
        return None
    accepted = set(readings)
    if claim.plus:
        extra = [f.value(cells) for f in claim.plus]
        if any(v is None for v in extra):
            return None
        accepted |= {r + sum(extra) for r in readings}  # type: ignore[arg-type]
    return accepted


def _cell_list(figure: Figure, cells: Mapping[str, CellValue]) -> str:
    parts = [f"“{CELLS[k].row_label}”{CELLS[k].column_label}{cells[k]}件" for k in figure.cells if cells.get(k)]
    return "、".join(parts)


def _message(claim: Claim, expected: int, cells: Mapping[str, CellValue]) -> str:
    if claim.wording is Wording.NONE:
        return f"文中说“{claim.quote}”，但{claim.figure.label}为{expected}件"
    if claim.wording is Wording.ALL_UPHELD:
        return f"文中说“{claim.quote}”，但表四填有{_cell_list(claim.figure, cells)}"
    return f"文中“{claim.quote}”与{claim.figure.label}（{expected}件）不一致"


class SpliceFix(Fix):
    """A fix that rewrites a few characters of one text field.

    The corrected field is written out only when the fix is used: a long text with many disagreeing
    numbers would otherwise hold one full copy of the field per finding, memory growing with the square of
    the text. It keeps a reference to the checked text (shared, not copied) and the characters to replace.
    """

    _splice: tuple[str, str, int, int, str]

    def __init__(self, label: str, key: str, text: str, start: int, end: int, replacement: str) -> None:
        object.__setattr__(self, "label", label)
        object.__setattr__(self, "_splice", (key, text, start, end, replacement))

    @property  # type: ignore[override]
    def values(self) -> tuple[tuple[str, Any], ...]:
        key, text, start, end, replacement = self._splice
        return ((key, text[:start] + replacement + text[end:]),)

    def __eq__(self, other: object) -> bool:
        """As a Fix's, by label and values; two splices are compared without writing the fields out, which
        for the thousands of findings of a long text took seconds after every check."""
        if not isinstance(other, Fix) or self.label != other.label:
            return False
        if isinstance(other, SpliceFix):
            key, text, start, end, replacement = self._splice
            other_key, other_text, other_start, other_end, other_replacement = other._splice
            if key != other_key:
                return False
            if (start, end, replacement) == (other_start, other_end, other_replacement) and text == other_text:
                return True  # the same text (mostly the very same string): the same splice
            if len(text) - (end - start) + len(replacement) != (len(other_text) - (other_end - other_start)
                                                                 + len(other_replacement)):
                return False  # results of different lengths
        return self.values == other.values

    def __hash__(self) -> int:  # as a Fix's: equal fixes hash alike
        return hash((self.label, self.values))

    def as_json(self) -> dict[str, Any]:
        """The characters to replace, not the corrected field: a long text's thousands of findings would
        otherwise print the whole field each."""
        key, _, start, end, replacement = self._splice
        return {"label": self.label, "splice": {"key": key, "start": start, "end": end, "text": replacement}}

    def __repr__(self) -> str:
        key, _, start, end, replacement = self._splice
        return f"SpliceFix({self.label!r}, {key!r}[{start}:{end}] = {replacement!r})"


def _fix(claim: Claim, key: str, text: str, expected: int) -> Fix | None:
    if claim.number_end is None or not claim.fixable:
        return None
    start, end = claim.start, claim.number_end
    old = text[start:claim.end]
    new = f"{expected}{text[end:claim.end]}"
    return SpliceFix(f"将文中的“{old}”改为“{new}”", key, text, start, end, str(expected))


def judge(claims: Iterable[Claim], key: str, text: str, cells: Mapping[str, CellValue],
          severity: Severity, level: Level) -> list[Finding]:
    """Findings for the claims of one text field of an agency of ``level`` that disagree with the tables. A
    long text makes thousands of claims about a few figures: each claim looks its figure up once, and what a
    finding names is worked out once per figure, for the figures that have one."""
    accepted_of: dict[tuple[Figure, tuple[Figure, ...]], set[int] | None] = {}
    disagreeing: list[tuple[Claim, tuple[Figure, tuple[Figure, ...]]]] = []
    agreeing: set[tuple[int, Figure]] = set()
    for claim in claims:
        figure = (claim.figure, claim.plus)
        accepted = accepted_of.get(figure, _UNSEEN)
        if accepted is _UNSEEN:
            accepted = accepted_of[figure] = _accepted(claim, cells)
        if accepted is None:
            continue  # a blank cell: nothing to compare
        if claim.value in accepted:
            agreeing.add((claim.sentence, claim.figure))
        else:
            disagreeing.append((claim, figure))
    found = []
    named: dict[tuple[Figure, tuple[Figure, ...]], tuple[int, tuple[str, ...]]] = {}
    spans = scan(text).sentence_spans if disagreeing else None
    for claim, figure in disagreeing:
        # 「未收到申请，受理申请5件」 contradicts itself: an agreeing count does not excuse 「未收到」.
        if agreeing and claim.wording is Wording.COUNT and (claim.sentence, claim.figure) in agreeing:
            continue
        assert spans is not None
        start, end = spans[claim.sentence]
        if of_other_agencies(text[start:claim.start], text[start:end], level):
            continue
        if figure not in named:
            expected_value = claim.figure.value(cells)
            assert expected_value is not None
            named[figure] = expected_value, (key, *dict.fromkeys(
                (*claim.figure.cells, *(k for f in claim.plus for k in f.cells))))
        expected, cells_named = named[figure]
        found.append(Finding(
            claim.rule, severity, cells_named, _message(claim, expected, cells),
            _fix(claim, key, text, expected), (TextSpan(key, claim.start, claim.end),),
        ))
    return found


_UNSEEN: Any = object()  # a figure not looked up yet (None means a blank cell)
