"""A text field read once: its sentences, clauses and every quoted count or percentage, with positions.

Rules decide what a number is about from the clause around it, so a date, a phone number or 国令第711号
never becomes a count: only a numeral followed by a counting unit (件, 条, 个 …) does.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache, partial
from itertools import accumulate, compress, groupby, repeat
from operator import add, attrgetter, eq, ge, gt, le, or_, sub
from typing import Any, NamedTuple, overload

from desktop.core.leading import leading
from desktop.core.narrative.numerals import (
    CHINESE_DIGITS,
    CHINESE_NUMERAL,
    NUMERAL,
    chinese_value,
    fold,
    is_chinese,
    numeral_value,
)

UNITS = "件|条|个|篇|期|场|次|项|份|起|宗|例|批|家|名|人次|人"
_COUNT = leading(
    rf"(?P<pre>约|近|将近|超过|逾|不足|不到)?"
    rf"(?<![\d.第每统唯之逐同任单零〇一二两三四五六七八九十百千万亿A-Za-z/\-])"
    rf"(?P<num>{NUMERAL})\s*(?P<approx>余|多)?\s*(?P<unit>{UNITS})(?P<post>左右|以上|以下)?"
)
_PERCENT = leading(
    rf"(?<![\d.])(?P<num>\d+(?:\.\d+)?)\s*%|百分之(?P<cn>{CHINESE_NUMERAL}(?:点[零〇一二三四五六七八九]+)?|\d+(?:\.\d+)?)"
)
# Sentence, segment (；) and clause boundaries. A comma or full stop between digits is part of a number
# (「1,234」「44.7」). ``leading`` lets the engine skip to the next mark of either kind.
_MARKS = "。！？!?\n；;，、：:（）()"
_BOUNDARY = leading(rf"[{_MARKS}]|(?<!\d)[.,]|[.,](?!\d)")
_SENTENCE_END = set("。！？!?\n.")
_SEGMENT_END = set("；;")
_OPEN = set("（(")
_CLOSE = set("）)")


class Clause(NamedTuple):
    start: int
    end: int
    sentence: int
    segment: int  # a part of a sentence between semicolons
    depth: int  # inside how many brackets
    opener: str  # the punctuation just before the clause, "" at the start of a sentence


class Clauses(Sequence[Clause]):
    """A text's clauses, kept as one list per field: rules read ``s.clauses.sentence[i]``. A long text has
    hundreds of thousands of clauses; as objects, making them and the collector's walk over them cost a
    tenth of a check. Indexing gives a Clause, made on the spot."""

    __slots__ = ("start", "end", "sentence", "segment", "depth", "opener")

    def __init__(self, start: list[int], end: list[int], sentence: list[int], segment: list[int],
                 depth: list[int], opener: list[str]) -> None:
        self.start, self.end, self.sentence, self.segment, self.depth, self.opener = (
            start, end, sentence, segment, depth, opener)

    def __len__(self) -> int:
        return len(self.start)

    @overload
    def __getitem__(self, index: int) -> Clause: ...
    @overload
    def __getitem__(self, index: slice) -> list[Clause]: ...
    def __getitem__(self, index: int | slice) -> Clause | list[Clause]:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        return Clause(self.start[index], self.end[index], self.sentence[index], self.segment[index],
                      self.depth[index], self.opener[index])


class Count(NamedTuple):
    """A numeral with its counting unit: 「3119件」, 「两件」, 「5500余条」."""

    value: int | Decimal
    start: int  # first character of the numeral
    number_end: int  # just after the numeral
    end: int  # just after the unit (and 余/左右)
    unit: str
    approx: bool  # 约/余/多/左右, 1.2万: not a figure to compare
    chinese: bool
    clause: int


class Percent(NamedTuple):
    value: Decimal
    start: int
    end: int
    decimals: int  # as written: 44.7% has 1
    clause: int


@dataclass(frozen=True)
class Scan:
    text: str  # folded: full-width digits as ASCII, same length as the original
    clauses: Clauses
    counts: tuple[Count, ...]
    percents: tuple[Percent, ...]
    sentence_spans: Spans
    segment_spans: Spans
    _counts_by_clause: dict[int, tuple[Count, ...]] = field(repr=False)
    # The counts' first and last characters, ascending: rules find the counts near a place by bisection.
    count_starts: tuple[int, ...] = field(repr=False, default=())
    count_ends: tuple[int, ...] = field(repr=False, default=())
    _stretches_saying: dict[tuple[str, str], frozenset[int]] = field(repr=False, compare=False,
                                                                     default_factory=dict)
    # Sets of counts' starts that a rule works out once per text for all its counts, by name and year
    # (guards.not_this_years_figure).
    memo: dict[tuple[str, int], frozenset[int]] = field(repr=False, compare=False, default_factory=dict)

    def clause_of(self, position: int) -> int:
        return max(0, bisect_right(self.clauses.start, position) - 1)

    def clause_text(self, index: int) -> str:
        return self.text[self.clauses.start[index]:self.clauses.end[index]]

    def sentence_text(self, clause: int) -> str:
        sentence = self.clauses.sentence[clause]
        return self.text[self.sentence_spans.starts[sentence]:self.sentence_spans.ends[sentence]]

    def segment_text(self, clause: int) -> str:
        segment = self.clauses.segment[clause]
        return self.text[self.segment_spans.starts[segment]:self.segment_spans.ends[segment]]

    def segments_saying(self, word: str) -> frozenset[int]:
        """The segments whose text holds ``word`` (which has no boundary in it), found once for all clauses."""
        return self._saying(word, self.segment_spans)

    def sentences_saying(self, word: str) -> frozenset[int]:
        """The sentences whose text holds ``word``, as ``segments_saying``."""
        return self._saying(word, self.sentence_spans)

    def _saying(self, word: str, spans: Spans) -> frozenset[int]:
        """The stretches holding ``word``, which cannot overlap itself (申请, 分别): found column by column, as
        a long text says 申请 tens of thousands of times."""
        key = (word, "sentences" if spans is self.sentence_spans else "segments")
        found = self._stretches_saying.get(key)
        if found is None and word not in self.text:
            found = self._stretches_saying[key] = frozenset()
        if found is None:
            pieces = self.text.split(word)
            ends = list(accumulate(map(add, map(len, pieces[:-1]), repeat(len(word)))))  # of each occurrence
            starts = list(map(sub, ends, repeat(len(word))))
            stretches = list(map(sub, map(bisect_right, repeat(spans.starts), starts), repeat(1)))
            # not across a cut between two characters
            whole = map(le, ends, map(spans.ends.__getitem__, stretches))
            found = self._stretches_saying[key] = frozenset(compress(stretches, whole))
        return found

    def counts_in(self, clause: int) -> tuple[Count, ...]:
        return self._counts_by_clause.get(clause, ())

    def next_clause(self, clause: int) -> int | None:
        """The following clause of the same sentence."""
        sentence = self.clauses.sentence
        if clause + 1 < len(sentence) and sentence[clause + 1] == sentence[clause]:
            return clause + 1
        return None

    def previous_clause(self, clause: int) -> int | None:
        sentence = self.clauses.sentence
        if clause > 0 and sentence[clause - 1] == sentence[clause]:
            return clause - 1
        return None


def _boundaries(text: str) -> list[int]:
    return list(map(re.Match.start, _BOUNDARY.finditer(text)))


# What each boundary does: 0 ends a clause, 1 opens a bracket, 2 closes one, 3 ends a segment, 4 ends a
# sentence.
_KIND = {**dict.fromkeys("，、：:,", 0), **dict.fromkeys(_OPEN, 1), **dict.fromkeys(_CLOSE, 2),
         **dict.fromkeys(_SEGMENT_END, 3), **dict.fromkeys(_SENTENCE_END, 4)}
# The opener a boundary leaves to the clause after it: none after the end of a segment or sentence.
_OPENER = {char: "" if kind >= 3 else char for char, kind in _KIND.items()}
assert set(_KIND) == {*_MARKS, ".", ","}
MAX_SENTENCE = 2000  # characters; a real report's longest sentence has a few hundred
MAX_CLAUSE = 400  # characters between two punctuation marks; a real report's longest has about a hundred


def _depths(kinds: list[int]) -> list[int]:
    """The bracket depth after each boundary; a sentence end closes every bracket still open."""
    depths = [0] * len(kinds)
    depth = 0
    for j, kind in enumerate(kinds):
        if kind == 1:
            depth += 1
        elif kind == 2:
            depth = max(0, depth - 1)
        elif kind == 4:
            depth = 0
        depths[j] = depth
    return depths


class Spans(Sequence[tuple[int, int]]):
    """Stretches of a text (its sentences, or its segments), kept as a list of starts and a list of ends;
    indexing gives (start, end)."""

    __slots__ = ("starts", "ends")

    def __init__(self, starts: list[int], ends: list[int]) -> None:
        self.starts, self.ends = starts, ends

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, index: int) -> tuple[int, int]: ...
    @overload
    def __getitem__(self, index: slice) -> list[tuple[int, int]]: ...
    def __getitem__(self, index: int | slice) -> tuple[int, int] | list[tuple[int, int]]:
        if isinstance(index, slice):
            return list(zip(self.starts[index], self.ends[index], strict=True))
        return self.starts[index], self.ends[index]

    def __eq__(self, other: object) -> bool:
        return list(self) == list(other) if isinstance(other, Sequence) else NotImplemented

    __hash__ = None  # type: ignore[assignment]


def _spans(positions: list[int], kinds: list[int], widths: list[int] | None, kind: int, length: int) -> Spans:
    """The stretches of text ending at each boundary of ``kind`` or above, and the rest of the text.
    ``widths`` are the boundaries' widths where some are cuts between characters (None: all 1)."""
    if widths is None:
        ends = list(compress(positions, map(ge, kinds, repeat(kind))))
        return Spans([0, *map(add, ends, repeat(1))], [*ends, length])
    ending = list(map(ge, kinds, repeat(kind)))
    ends = list(compress(positions, ending))
    return Spans([0, *map(add, ends, compress(widths, ending))], [*ends, length])


def _runs_too_long(positions: list[int], kinds: list[int], length: int) -> bool:
    """A sentence longer than MAX_SENTENCE, or a clause longer than MAX_CLAUSE: the clauses are measured
    only in the sentences longer than that, which a real report has few of."""
    bounds = [-1, *compress(positions, map(eq, kinds, repeat(4))), length]
    lengths = list(map(sub, bounds[1:], bounds))
    if max(lengths) > MAX_SENTENCE:
        return True
    for sentence in compress(range(len(lengths)), map(gt, lengths, repeat(MAX_CLAUSE))):
        start, end = bounds[sentence], bounds[sentence + 1]
        inside = [start, *positions[bisect_right(positions, start):bisect_left(positions, end)], end]
        if max(map(sub, inside[1:], inside)) > MAX_CLAUSE:
            return True
    return False


def _cut(positions: list[int], kinds: list[int], openers: list[str], length: int
         ) -> tuple[list[int], list[int], list[str], list[int]]:
    """Boundaries for a text with a run of more than MAX_CLAUSE characters without any punctuation, or of
    more than MAX_SENTENCE without a sentence end (a paste that lost its punctuation): such a run is cut into
    clauses of MAX_CLAUSE characters, and a clause boundary ends the sentence once it has run MAX_SENTENCE.
    Rules read a clause, and look back over a sentence, for each count in it: a run without end would make
    the check grow with the square of its length. Also each boundary's width: 1 for a punctuation mark,
    0 for a cut between two characters."""
    cut_positions: list[int] = []
    cut_kinds: list[int] = []
    cut_openers = [""]
    widths: list[int] = []
    clause_start = sentence_start = 0
    for position, kind, opener in zip([*positions, length], [*kinds, -1], [*openers[1:], ""], strict=True):
        while position - clause_start > MAX_CLAUSE:
            clause_start += MAX_CLAUSE
            ends_sentence = clause_start - sentence_start >= MAX_SENTENCE
            cut_positions.append(clause_start)
            cut_kinds.append(4 if ends_sentence else 0)
            cut_openers.append("")
            widths.append(0)
            sentence_start = clause_start if ends_sentence else sentence_start
        if kind < 0:
            break
        if kind < 4 and position - sentence_start >= MAX_SENTENCE:
            kind, opener = 4, ""
        cut_positions.append(position)
        cut_kinds.append(kind)
        cut_openers.append(opener)
        widths.append(1)
        clause_start = position + 1
        sentence_start = position + 1 if kind == 4 else sentence_start
    return cut_positions, cut_kinds, cut_openers, widths


def _split(text: str) -> tuple[Clauses, Spans, Spans]:
    """The clauses between boundaries, built column by column and without a Python step per clause."""
    positions = _boundaries(text)
    chars = list(map(text.__getitem__, positions))
    kinds = list(map(_KIND.__getitem__, chars))
    openers = ["", *map(_OPENER.__getitem__, chars)]
    widths = None
    if _runs_too_long(positions, kinds, len(text)):
        positions, kinds, openers, widths = _cut(positions, kinds, openers, len(text))
    # Clause j runs from just after boundary j-1 to boundary j; the last one to the end of the text.
    starts = [0, *map(add, positions, repeat(1) if widths is None else widths)]
    ends = [*positions, len(text)]
    columns: list[list[Any]] = [  # start, end, sentence, segment, depth, opener
        starts, ends, list(accumulate(map(eq, kinds, repeat(4)), initial=0)),
        list(accumulate(map(ge, kinds, repeat(3)), initial=0)),
        [0, *_depths(kinds)] if 1 in kinds or 2 in kinds else [0] * len(starts), openers]
    kept = list(map(gt, ends, starts))  # not the empty ones
    if not all(kept):
        columns = [list(compress(column, kept)) for column in columns]
    clauses = Clauses(*columns)
    sentences = _spans(positions, kinds, widths, 4, len(text))
    segments = _spans(positions, kinds, widths, 3, len(text))
    return clauses, sentences, segments


def _percent_value(match: re.Match[str]) -> tuple[Decimal, int] | None:
    if match.group("num"):
        raw = match.group("num")
        return Decimal(raw), len(raw.split(".")[1]) if "." in raw else 0
    raw = match.group("cn")
    if raw[0].isdigit():
        return Decimal(raw), len(raw.split(".")[1]) if "." in raw else 0
    whole, _, fraction = raw.partition("点")
    value = chinese_value(whole)
    if value is None:
        return None
    digits = "".join(str(CHINESE_DIGITS[c]) for c in fraction)
    return Decimal(f"{value}.{digits}" if digits else str(value)), len(digits)


class _Numeral(NamedTuple):
    """What a numeral as written gives every count that uses it."""

    value: int | Decimal
    rounded: bool  # 「1.2万件」: a figure in 万 or 千, or with decimals, is not an exact count
    chinese: bool


@lru_cache(maxsize=4096)
def _numeral(num: str) -> _Numeral | None:
    value = numeral_value(num)
    if value is None:
        return None
    return _Numeral(value, num[0].isdigit() and (num[-1] in "万千" or "." in num), is_chinese(num))


_group = re.Match.group
_span_start = re.Match.start
_new_count = partial(tuple.__new__, Count)


def _counts(text: str, starts: Sequence[int]) -> list[Count]:
    """Every count of the text, built column by column like the clauses: a long text has tens of thousands."""
    matches = list(_COUNT.finditer(text))
    numerals = list(map(_numeral, map(_group, matches, repeat("num"))))
    if None in numerals:  # a numeral that is no number (「四五件」): no count
        kept = [n is not None for n in numerals]
        matches, numerals = list(compress(matches, kept)), list(compress(numerals, kept))
    number_starts = list(map(_span_start, matches, repeat("num")))
    approx = map(or_, map(any, map(_group, matches, repeat("pre"), repeat("approx"), repeat("post"))),
                 map(attrgetter("rounded"), numerals))
    # The clause a count is in: the last clause starting at or before it.
    clauses = map(max, repeat(0), map(sub, map(bisect_right, repeat(starts), number_starts), repeat(1)))
    return list(map(_new_count, zip(
        map(attrgetter("value"), numerals), number_starts, map(re.Match.end, matches, repeat("num")),
        map(re.Match.end, matches), map(_group, matches, repeat("unit")), approx,
        map(attrgetter("chinese"), numerals), clauses, strict=True)))


@lru_cache(maxsize=256)
def scan(raw: str) -> Scan:
    """Read a text field. Cached: a recheck after a table edit reads no text again."""
    text = fold(raw)
    clauses, sentences, segments = _split(text)
    starts = clauses.start

    def clause_at(position: int) -> int:
        return max(0, bisect_right(starts, position) - 1)

    counts = _counts(text, starts)
    percents = []
    for match in _PERCENT.finditer(text) if "%" in text or "百分之" in text else ():
        parsed = _percent_value(match)
        if parsed is not None:
            percents.append(Percent(parsed[0], match.start(), match.end(), parsed[1], clause_at(match.start())))
    # The counts come in the order of the text, so those of one clause come together.
    by_clause = {clause: tuple(group) for clause, group in groupby(counts, key=attrgetter("clause"))}
    return Scan(text, clauses, tuple(counts), tuple(percents), sentences, segments,
                by_clause, tuple(map(attrgetter("start"), counts)), tuple(map(attrgetter("end"), counts)))
