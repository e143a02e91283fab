"""S-04: how much of this year's text repeats last year's report.

The measure is 8-character coverage: after dropping blanks and punctuation and writing every digit as 0
(so that 2023年 → 2024年 and changed counts still read as the same sentence), a character of this year's
text counts as repeated when it lies inside some run of 8 characters that also occurs anywhere in last
year's text. The share of repeated characters is the similarity, from 0 (all new) to 1 (all copied).
Eight Chinese characters make a phrase, so shared set phrases (政府信息公开) alone do not make a text
similar, while a copied sentence is caught even when it moved to another section.

Sections: 一 (its five parts and opening together), 五, 六, and 全文 for all three. The preamble is left out:
its basis and contact lines rightly repeat every year.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, compress, count

from desktop.core.checks.context import CheckContext
from desktop.core.checks.findings import Finding, Severity, TextSpan
from desktop.core.fields import SECTIONS
from desktop.core.lastyear import last_year_of
from desktop.core.leading import leading
from desktop.core.report import Report

W = Severity.WARNING
N = 8
THRESHOLD = 0.5
MIN_LENGTH = 100  # normalised characters; shorter texts are drafts, not copies
WHOLE = "全文"
SECTION_KEYS: dict[str, tuple[str, ...]] = {s.number: s.text_keys for s in SECTIONS if s.text_keys}
PARTS: tuple[str, ...] = (*SECTION_KEYS, WHOLE)
_DROPPED = leading(r"[\W_]+")
_DIGIT = leading(r"\d")
_KEPT = leading(r"[^\W_]+")
_WINDOW = leading(f"(?=(.{{{N}}}))", re.S)
SPAN_LENGTH = 16  # repeated runs at least this long are pointed at in the text


@lru_cache(maxsize=64)
def normalised(text: str) -> str:
    """Letters, digits (as 0) and hanzi only, one for one with the characters ``positions`` lists."""
    return _DIGIT.sub("0", _DROPPED.sub("", text))


@lru_cache(maxsize=16)
def positions(text: str) -> tuple[int, ...]:
    """Where each character of ``normalised(text)`` stands in ``text``."""
    return tuple(i for match in _KEPT.finditer(text) for i in range(match.start(), match.end()))


def _windows(normal: str) -> list[str]:
    """Every run of N characters, in order (the regex engine slices faster than a Python loop)."""
    return _WINDOW.findall(normal)


@lru_cache(maxsize=8)
def last_year_windows(last_year: tuple[str, ...]) -> frozenset[str]:
    return frozenset(chain.from_iterable(_windows(normalised(text)) for text in last_year))


@lru_cache(maxsize=64)
def repeated_runs(normal: str, grams: frozenset[str]) -> tuple[tuple[int, int], ...]:
    """Repeated stretches of ``normal``, merged, as (start, end)."""
    runs: list[list[int]] = []
    hits = map(grams.__contains__, _windows(normal))
    for i in compress(count(), hits):
        if runs and runs[-1][1] >= i:
            runs[-1][1] = i + N
        else:
            runs.append([i, i + N])
    return tuple((a, b) for a, b in runs)


@dataclass(frozen=True)
class Repetition:
    shares: dict[str, float]  # by part: 一, 五, 六, 全文
    runs: dict[str, tuple[tuple[int, int], ...]]  # by text key, in normalised characters


def _repetition(this_year: tuple[tuple[str, str], ...], last_year: tuple[str, ...]) -> Repetition | None:
    grams = last_year_windows(last_year)
    if not grams:
        return None
    sizes: dict[str, int] = {}
    repeated: dict[str, int] = {}
    runs: dict[str, tuple[tuple[int, int], ...]] = {}
    for key, text in this_year:
        normal = normalised(text)
        runs[key] = repeated_runs(normal, grams)
        sizes[key] = len(normal)
        repeated[key] = sum(end - start for start, end in runs[key])
    shares = {}
    for part, keys in (*SECTION_KEYS.items(), (WHOLE, tuple(sizes))):
        size = sum(sizes[k] for k in keys)
        shares[part] = sum(repeated[k] for k in keys) / size if size else 0.0
    return Repetition(shares, runs)


def _texts(report_text: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple((k, report_text.get(k, "")) for keys in SECTION_KEYS.values() for k in keys)


def repetition(text: Mapping[str, str], last_year: Mapping[str, str]) -> Repetition | None:
    """Shares and repeated stretches; None when last year's text is too short to compare with."""
    last = tuple(t for _, t in _texts(last_year))
    if sum(len(normalised(t)) for t in last) < MIN_LENGTH:
        return None
    return _repetition(_texts(text), last)


def similarity_by_section(report: Report) -> dict[str, float]:
    """Share of this year's text (0–1) repeating last year's, for 一, 五, 六 and 全文.

    Empty when last year's report, with text, is not linked (``report.previous`` of the year before).
    """
    previous = last_year_of(report)
    if previous is None or not previous.text:
        return {}
    result = repetition(report.text, previous.text)
    return dict(result.shares) if result else {}


def _percent(share: float) -> str:
    return f"{share * 100:.0f}%"


def repeats_last_year(ctx: CheckContext) -> list[Finding]:
    """S-04."""
    if ctx.previous is None or not ctx.previous.text:
        return []
    result = repetition(ctx.report.text, ctx.previous.text)
    if result is None or result.shares[WHOLE] <= THRESHOLD:
        return []
    this_length = sum(len(normalised(t)) for _, t in _texts(ctx.report.text))
    if this_length < MIN_LENGTH:
        return []
    by_section = "，".join(f"第{part}部分{_percent(result.shares[part])}" for part in SECTION_KEYS)
    keys = tuple(k for part, ks in SECTION_KEYS.items() if result.shares[part] > THRESHOLD for k in ks
                 if ctx.report.text.get(k))
    message = (f"与{ctx.previous.year}年报告重复的文字占全文{_percent(result.shares[WHOLE])}（{by_section}），"
               "请结合本年度工作重新撰写")
    spans = []
    for key, runs in result.runs.items():
        long_runs = [(a, b) for a, b in runs if b - a >= SPAN_LENGTH]
        if long_runs:
            where = positions(ctx.report.text[key])
            spans += [TextSpan(key, where[a], where[b - 1] + 1) for a, b in long_runs]
    return [Finding("S-04", W, keys, message, None, tuple(spans))]
