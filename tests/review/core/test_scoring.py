"""The scoring file: the shipped deductions, and a county's own file refused with a reason when wrong."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.core.checks.findings import Severity
from desktop.core.fields import Level
from desktop.core.review.outcome import ReportReview, ReviewedFinding
from desktop.core.review.scoring import ScoringError, load_scoring, parse_scoring
from desktop.core.review.summary import summarise, worst_first
from desktop.resources import resource

SHIPPED = resource("review", "scoring.json")


def review(**values: object) -> ReportReview:
    base: dict[str, object] = {"file": "a.txt", "agency": "某县统计局", "level": Level.COUNTY_DEPT, "year": 2024}
    return ReportReview(**{**base, **values})  # type: ignore[arg-type]


def sum_error(rule: str = "T3-02") -> ReviewedFinding:
    return ReviewedFinding(rule, Severity.ERROR, "办理结果总计与各项之和不一致")


def test_the_shipped_file_deducts_as_the_evaluators_do() -> None:
    import datetime as dt

    scoring = load_scoring(SHIPPED)
    assert [(i.when, i.points) for i in scoring.items] == [
        ("late", Decimal(-1)), ("repetition", Decimal("-0.5")), ("findings", Decimal("-0.5"))]
    row = summarise(review(date=dt.date(2025, 2, 3), repetition=0.62, findings=(sum_error(), sum_error("T4-01"))),
                    scoring)
    assert [(d.rule, d.points) for d in row.deductions] == [
        ("S-07", Decimal(-1)), ("S-04", Decimal("-0.5")), ("T3-02、T4-01", Decimal("-0.5"))]
    assert row.points == Decimal(-2)
    assert "晚于公开期限2025年1月31日3天" in row.deductions[0].reason
    assert "重复62%" in row.deductions[1].reason


def test_no_deduction_at_the_threshold_or_for_warnings_or_other_rules() -> None:
    import datetime as dt

    scoring = load_scoring(SHIPPED)
    warning = ReviewedFinding("T3-02", Severity.WARNING, "x")
    row = summarise(review(date=dt.date(2025, 1, 31), repetition=0.5,
                           findings=(warning, sum_error("T3-04"), sum_error("N-02"))), scoring)
    assert row.deductions == ()
    assert summarise(review(refused="坏文件"), scoring).deductions == ()


def test_a_county_file_changes_the_points_and_adds_its_own(tmp_path: Path) -> None:
    data = json.loads(SHIPPED.read_text(encoding="utf-8"))
    data["deductions"][0]["points"] = -2
    data["deductions"].append({"when": "no_date", "points": -0.25})
    own = tmp_path / "本县.json"
    own.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    row = summarise(review(), load_scoring(own))
    assert [(d.title, d.points) for d in row.deductions] == [("未注明成文日期", Decimal("-0.25"))]


@pytest.mark.parametrize(("text", "reason"), [
    ("{", "不是有效的JSON"),
    ('{"name": "x"}', "缺少扣分项列表"),
    ('{"deductions": [{"when": "sometimes", "points": -1}]}', "when 应为"),
    ('{"deductions": [{"when": "late", "points": 1}]}', "零或负数"),
    ('{"deductions": [{"when": "late", "points": "一分"}]}', "应为数字"),
    ('{"deductions": [{"when": "findings", "points": -1, "rules": ["T9-99"]}]}', "T9-99不存在"),
    ('{"deductions": [{"when": "findings", "points": -1}]}', "rules"),
    ('{"deductions": [{"when": "repetition", "points": -1, "threshold": 50}]}', "0到1之间"),
])
def test_a_wrong_file_is_refused_with_the_reason(text: str, reason: str) -> None:
    with pytest.raises(ScoringError, match=reason):
        parse_scoring(text)


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ScoringError, match="无法读取扣分标准文件“无.json”：文件或文件夹不存在"):
        load_scoring(tmp_path / "无.json")


def test_the_worst_come_first() -> None:
    scoring = load_scoring(SHIPPED)
    rows = [summarise(r, scoring) for r in (
        review(file="clean"), review(file="unreadable", refused="坏"), review(file="sum", findings=(sum_error(),)),
        review(file="warned", findings=(ReviewedFinding("S-05", Severity.WARNING, "x"),)))]
    assert [r.review.file for r in worst_first(rows)] == ["unreadable", "sum", "warned", "clean"]
