"""Chinese punctuation as printed, and the rule that reports half-width or doubled marks (X-02)."""

from __future__ import annotations

import pytest

from desktop.core.checks import check
from desktop.core.checks.house_rules import report_punctuation_fix
from desktop.core.edits import apply, plan_many
from desktop.core.typography import fix_punctuation, punctuation_issues
from tests.fixtures.reports import huaian


@pytest.mark.parametrize(("pasted", "printed"), [
    ("(一)主动公开:本年,我乡共受理5,500件;", "（一）主动公开：本年，我乡共受理5,500件；"),
    ("会议于10:30召开,,效果很好，。", "会议于10:30召开，效果很好。"),
    ("是否公开??", "是否公开？"),
    ("共受理２３１,６６７件,全部办结", "共受理２３１,６６７件，全部办结"),
    ("详见http://www.gov.cn。", "详见http://www.gov.cn。"),
    ("……——", "……——"),
    ("一、总体情况", "一、总体情况"),
])
def test_fix_punctuation(pasted: str, printed: str) -> None:
    assert fix_punctuation(pasted) == printed
    assert fix_punctuation(printed) == printed
    assert bool(punctuation_issues(pasted)) == (pasted != printed)


def test_issues_point_at_the_marks() -> None:
    text = "本年,共3件,,"
    assert [(i.start, i.end, i.found) for i in punctuation_issues(text)] == [(2, 3, ","), (6, 8, ",,")]


def test_the_rule_warns_per_field_with_a_fix_and_the_report_fix_takes_all() -> None:
    report = huaian()
    report.text["text.s5"] = "存在的问题:公开质量有待提高。改进措施:加强培训。"
    report.text["text.s6"] = "无其他需要报告的事项,,"
    findings = [f for f in check(report) if f.rule == "X-02"]
    assert [f.cells for f in findings] == [("text.s5",), ("text.s6",)]
    assert findings[0].severity.value == "warning" and "“:”" in findings[0].message
    assert findings[0].spans[0].start == 5
    fix = report_punctuation_fix(report)
    assert fix is not None and {k for k, _ in fix.values} == {"text.s5", "text.s6"}
    apply(report, plan_many(report, fix.values))
    assert not [f for f in check(report) if f.rule == "X-02"]
    assert report.text["text.s6"] == "无其他需要报告的事项，"
