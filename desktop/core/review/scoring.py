"""Deductions come from a scoring file, not from code, so that a county can follow its own evaluators.

The file (JSON, UTF-8) lists deductions; each says when it applies and names the rule it comes from:

- ``"when": "late"``: the 成文日期 is after the deadline of the report's level (rule S-07);
- ``"when": "no_date"``: the report gives no 成文日期, so timeliness cannot be shown (rule S-07);
- ``"when": "repetition"``: more than ``threshold`` (0–1) of the text repeats last year's report (S-04);
- ``"when": "findings"``: the report has an error of one of ``rules`` (such as the cross-sums T3-01 …).

``points`` is negative: −1 takes one point off. The shipped file is resources/review/scoring.json.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from desktop.core.checks.catalogue import HOUSE_RULES, RULES
from desktop.core.file_errors import describe

KINDS = {"late": "逾期公开", "no_date": "未注明成文日期", "repetition": "与上年重复", "findings": "出现错误"}
MAX_ITEMS = 100
MAX_FILE_BYTES = 1024 * 1024


class ScoringError(Exception):
    """A scoring file that cannot be used; ``str(error)`` says why, in Chinese."""


@dataclass(frozen=True)
class ScoringItem:
    when: str
    title: str
    points: Decimal
    rules: tuple[str, ...] = ()
    threshold: float = 0.5


@dataclass(frozen=True)
class Scoring:
    name: str
    items: tuple[ScoringItem, ...]


def load_scoring(path: str | Path) -> Scoring:
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ScoringError(f"扣分标准文件“{path.name}”过大，不像是扣分标准")
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise ScoringError(f"无法读取扣分标准文件“{path.name}”：{describe(error)}") from None
    except UnicodeDecodeError:
        raise ScoringError(f"扣分标准文件“{path.name}”不是UTF-8编码的文本") from None
    return parse_scoring(text, path.name)


def parse_scoring(text: str, name: str = "扣分标准") -> Scoring:
    try:
        data = json.loads(text, parse_float=Decimal)
    except (json.JSONDecodeError, RecursionError) as error:
        line = getattr(error, "lineno", 0)
        raise ScoringError(f"“{name}”不是有效的JSON（第{line}行附近有误）") from None
    if not isinstance(data, dict) or not isinstance(data.get("deductions"), list):
        raise ScoringError(f"“{name}”中缺少扣分项列表（deductions）")
    raw_items = data["deductions"]
    if len(raw_items) > MAX_ITEMS:
        raise ScoringError(f"“{name}”中的扣分项超过{MAX_ITEMS}条")
    items = tuple(_item(raw, number) for number, raw in enumerate(raw_items, 1))
    return Scoring(str(data.get("name", name)), items)


def _item(raw: Any, number: int) -> ScoringItem:
    where = f"第{number}个扣分项"
    if not isinstance(raw, dict):
        raise ScoringError(f"{where}格式不正确")
    when = raw.get("when")
    if when not in KINDS:
        raise ScoringError(f"{where}的 when 应为 {'、'.join(KINDS)} 之一")
    try:
        points = Decimal(str(raw.get("points")))
    except InvalidOperation:
        raise ScoringError(f"{where}的 points 应为数字，如 -0.5") from None
    if not points.is_finite() or points > 0:
        raise ScoringError(f"{where}的 points 应为零或负数（扣0.5分写作 -0.5）")
    rules = raw.get("rules", [])
    if when == "findings":
        if not isinstance(rules, list) or not rules or not all(isinstance(r, str) for r in rules):
            raise ScoringError(f"{where}须在 rules 中列出规则编号，如 [\"T3-01\"]")
        unknown = [r for r in rules if r not in RULES and r not in HOUSE_RULES]
        if unknown:
            raise ScoringError(f"{where}中的规则编号{'、'.join(unknown)}不存在")
    threshold = raw.get("threshold", 0.5)
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float, Decimal)) or not 0 <= threshold <= 1:
        raise ScoringError(f"{where}的 threshold 应为0到1之间的数，如 0.5 表示50%")
    title = raw.get("title") or KINDS[when]
    return ScoringItem(when, str(title), points, tuple(rules) if when == "findings" else (), float(threshold))
