"""Parsing the report's metadata as a clerk or a script types it."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from desktop.core.fields import LEVEL_LABELS, Level

MIN_YEAR, MAX_YEAR = 2008, 2100  # the 条例 took effect in 2008
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$|^(\d{4})(\d{2})(\d{2})$")


def parse_agency(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("机关名称必须是文字")
    return value.strip()


def _level_names() -> dict[str, Level]:
    """A level by its code, its label, or one name of a joined label that no other level shares:
    乡镇 and 街道 for 乡镇、街道, but not 设区的市, which begins two labels."""
    parts: dict[str, set[Level]] = {}
    for level in Level:
        for part in LEVEL_LABELS[level].split("、"):
            parts.setdefault(part, set()).add(level)
    names = {part: next(iter(levels)) for part, levels in parts.items() if len(levels) == 1}
    names.update({level.value: level for level in Level} | {LEVEL_LABELS[level]: level for level in Level})
    return names


_LEVEL_NAMES = _level_names()


def parse_level(value: Any) -> Level:
    if isinstance(value, Level):
        return value
    text = str(value).strip()
    if text in _LEVEL_NAMES:
        return _LEVEL_NAMES[text]
    choices = "、".join(f"{level.value}（{LEVEL_LABELS[level]}）" for level in Level)
    raise ValueError(f"机关层级“{text}”无法识别，可选：{choices}")


def parse_year(value: Any) -> int:
    text = unicodedata.normalize("NFKC", str(value)).strip().removesuffix("年")
    if isinstance(value, bool) or not text.isdigit() or not MIN_YEAR <= int(text) <= MAX_YEAR:
        raise ValueError(f"报告年度必须是{MIN_YEAR}到{MAX_YEAR}之间的四位年份")
    return int(text)


def parse_date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if not text:
        return None
    match = _DATE.match(text)
    if match:
        try:
            return dt.date(*(int(g) for g in match.groups() if g is not None))
        except ValueError:
            pass
    raise ValueError(f"成文日期“{text}”无法识别，请写成 2024-01-04 或 2024年1月4日")
