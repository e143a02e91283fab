"""Checks a clerk noticed: an introduction opening with last year, a blank total under 手工填写合计, and
text against table corrected on either side."""

from __future__ import annotations

import datetime as dt

from desktop.core.checks import Finding, check
from desktop.core.edits import apply, plan_many
from desktop.core.report import Report
from tests.core.test_narrative_texts import huaian_with_text
from tests.fixtures.reports import seed

TODAY = dt.date(2025, 1, 10)


def rules(report: Report, rule: str) -> list[Finding]:
    return [f for f in check(report, today=TODAY) if f.rule == rule]


def test_an_introduction_opening_with_last_year_and_the_agency_is_flagged_like_part_one() -> None:
    report = seed()  # 「2023年耳口乡坚持…」 and 「2023年，耳口乡全年…」
    assert rules(report, "N-07") == []
    report.meta.year = 2024
    flagged = {f.cells[0] for f in rules(report, "N-07")}
    assert {"text.s1.intro", "text.s1.proactive"} <= flagged
    (intro,) = [f for f in rules(report, "N-07") if f.cells[0] == "text.s1.intro"]
    assert intro.message == "“总体情况开头”一段以2023年开头，报告年度为2024年"
    assert report.text["text.s1.intro"][intro.spans[0].start:intro.spans[0].end] == "2023"
    report.meta.agency = "耳口乡人民政府"  # the name as the title gives it, shorter in the text
    assert "text.s1.intro" in {f.cells[0] for f in rules(report, "N-07")}


def test_a_blank_total_under_manual_totals_is_read_from_its_parts() -> None:
    report = huaian_with_text()  # 「受理政府信息公开申请3119件」
    report.manual_totals = True
    report.cells["t3.new.total"] = None
    assert rules(report, "N-02") == []  # the parts add up to what the text says
    report.cells["t3.new.natural"] += 1  # type: ignore[operator]
    (finding,) = rules(report, "N-02")
    assert "3119件" in finding.message and "（3120件）" in finding.message
    report.cells["t3.new.business"] = None
    assert rules(report, "N-02") == []  # a blank part: nothing to compare yet (T3-04 says so)


def test_text_against_a_typed_cell_offers_both_sides() -> None:
    report = huaian_with_text()
    report.text["text.s1.proactive"] = report.text["text.s1.proactive"].replace("市政府规章1件", "市政府规章2件")
    (finding,) = rules(report, "N-06")
    assert finding.fix is not None and finding.fix.label == "将文中的“2件”改为“1件”"
    assert finding.table_fix is not None and finding.table_fix.values == (("t2.regulations.issued", 2),)
    assert finding.as_json()["table_fix"]["values"] == {"t2.regulations.issued": "2"}
    apply(report, plan_many(report, finding.table_fix.values))
    assert rules(report, "N-06") == []


def test_no_table_side_where_the_table_is_computed_or_would_contradict_itself() -> None:
    report = huaian_with_text()
    report.text["text.s1.on_request"] = report.text["text.s1.on_request"].replace("行政复议351件", "行政复议350件")
    (computed,) = rules(report, "N-05")
    assert computed.fix is not None and computed.table_fix is None  # 总计 is added up from its parts
    report.manual_totals = True
    (typed,) = rules(report, "N-05")
    assert typed.table_fix is None  # 350 would disagree with the four results that make 351


def test_no_table_side_where_correcting_it_would_contradict_another_sentence() -> None:
    report = huaian_with_text()  # 「行政复议351件，其中结果维持72件…」
    report.text["text.s1.on_request"] = report.text["text.s1.on_request"].replace("结果维持72件", "结果维持73件")
    (upheld,) = rules(report, "N-05")
    assert upheld.table_fix is None  # 73 would make 352 cases where the text says 351
    report.text["text.s1.on_request"] = report.text["text.s1.on_request"].replace("行政复议351件", "行政复议352件")
    total, upheld = sorted(rules(report, "N-05"), key=lambda f: f.table_fix is not None)
    assert total.table_fix is None  # 总计 is added up from its parts
    assert upheld.table_fix is not None and upheld.table_fix.values == (("t4.review.upheld", 73),)
