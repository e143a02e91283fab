"""Which of last year's reports is a received report's: the same agency, named with the usual variants
(耳口乡 / 耳口乡人民政府, 县政府办公室 / 县人民政府办公室, 衡东县杨林镇 / 杨林镇人民政府), of the year before."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")
_DROPPED = re.compile(r"[\W_]+")
_VARIANTS = (("人民政府", "政府"), ("办公室", "办"), ("委员会", "委"), ("街道办事处", "街道"))
MIN_SUFFIX = 3  # a shorter name inside a longer one counts only from 3 characters on (杨林镇)


def agency_key(name: str) -> str:
    """The comparable core of an agency's name: half-width, no spaces or punctuation, the long forms of
    人民政府, 办公室, 委员会 shortened, and a trailing 政府 dropped (耳口乡政府 is 耳口乡)."""
    key = _DROPPED.sub("", unicodedata.normalize("NFKC", name))
    for long, short in _VARIANTS:
        key = key.replace(long, short)
    stripped = key.removesuffix("政府")
    return stripped if len(stripped) >= 2 else key


@dataclass(frozen=True)
class Candidate(Generic[T]):
    agency: str
    year: int
    item: T
    key: str = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", agency_key(self.agency))


def _same_agency(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= MIN_SUFFIX and long.endswith(short)


@dataclass(frozen=True)
class Match(Generic[T]):
    candidate: Candidate[T] | None
    note: str = ""  # why none was taken


def match_last_year(agency: str, year: int, candidates: list[Candidate[T]]) -> Match[T]:
    """The one candidate of the same agency and of ``year - 1``; an exact name wins over a longer one."""
    key = agency_key(agency)
    same = [c for c in candidates if c.key == key] or [c for c in candidates if _same_agency(key, c.key)]
    if not same:
        return Match(None, "上年度文件夹中没有该机关的报告")
    of_last_year = [c for c in same if c.year == year - 1]
    exact = [c for c in of_last_year if c.key == key]
    chosen = exact if exact else of_last_year
    if len(chosen) == 1:
        return Match(chosen[0])
    if len(chosen) > 1:
        return Match(None, f"上年度文件夹中有{len(chosen)}份该机关{year - 1}年度的报告，无法确定用哪一份")
    years = "、".join(str(y) for y in sorted({c.year for c in same}))
    return Match(None, f"上年度文件夹中该机关的报告是{years}年度的，不是{year - 1}年度")
