"""Standard paragraphs from the tables: worded like real reports, read back cleanly by the narrative rules,
and reported as stale once a table changes."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.checks import check
from desktop.core.narrative.generate import IncompleteTables, on_request_paragraph, review_litigation_paragraph
from desktop.core.report import Report
from desktop.core.tablespec import T3_PART_COLUMNS, T3_RESULT_ROWS, T4_GROUPS, T4_PART_ITEMS
from desktop.core.totals import computed_totals
from tests.fixtures.reports import huaian, seed

TODAY = dt.date(2025, 1, 10)
ON_REQUEST = "text.s1.on_request"


def narrative_rules(report: Report) -> list[str]:
    return [f"{f.rule} {f.message}" for f in check(report, today=TODAY) if f.rule.startswith("N-")]


def with_paragraphs(report: Report) -> Report:
    report.text[ON_REQUEST] = on_request_paragraph(report) + review_litigation_paragraph(report)
    return report


def test_huaian_paragraphs_read_like_the_published_report() -> None:
    report = huaian()
    assert on_request_paragraph(report) == (
        "2024年，我市共收到政府信息公开申请3119件，上年结转34件；办结3050件，其中予以公开1362件，部分公开454件，"
        "不予公开178件，无法提供781件，不予处理88件，其他处理187件；结转下年度继续办理103件。"
    )
    assert review_litigation_paragraph(report) == (
        "2024年，我市因政府信息公开被申请行政复议351件，其中结果维持72件，结果纠正64件，其他结果178件，"
        "尚未审结37件；被提起政府信息公开行政诉讼46件（未经复议直接起诉26件，复议后起诉20件），其中结果维持25件，"
        "结果纠正5件，其他结果9件，尚未审结7件。"
    )
    assert narrative_rules(with_paragraphs(report)) == []


def test_zero_cases_read_naturally() -> None:
    report = seed()
    assert on_request_paragraph(report) == "2023年，我乡未收到政府信息公开申请，无上年结转申请。"
    assert review_litigation_paragraph(report) == "2023年，我乡未发生因政府信息公开引起的行政复议、行政诉讼。"
    assert narrative_rules(with_paragraphs(report)) == []


def test_only_carried_in_cases_and_only_litigation() -> None:
    report = seed()
    report.cells.update({"t3.carried_in.natural": 2, "t3.granted.natural": 1, "t3.carried_out.natural": 1,
                         "t4.suit_direct.pending": 1})
    report.cells.update(computed_totals(report.cells))
    assert on_request_paragraph(report) == (
        "2023年，我乡未收到新的政府信息公开申请，上年结转2件；办结1件，其中予以公开1件；结转下年度继续办理1件。"
    )
    assert review_litigation_paragraph(report) == (
        "2023年，我乡未发生因政府信息公开引起的行政复议；被提起政府信息公开行政诉讼1件，其中尚未审结1件。"
    )
    assert narrative_rules(with_paragraphs(report)) == []


def test_stale_numbers_are_reported_once_the_tables_change() -> None:
    report = with_paragraphs(huaian())
    report.cells.update({"t3.new.natural": 3002, "t3.granted.natural": 1289})
    report.cells.update({"t4.review.pending": 38, "t4.suit_direct.upheld": 14})
    report.cells.update(computed_totals(report.cells))
    stale = {f.spans[0].start: f for f in check(report, today=TODAY) if f.rule.startswith("N-")}
    quoted = sorted(report.text[ON_REQUEST][f.spans[0].start:f.spans[0].end] for f in stale.values())
    assert quoted == ["1362件", "25件", "26件", "3050件", "3119件", "351件", "37件", "46件"]
    rules = {f.rule for f in stale.values()}
    assert rules == {"N-02", "N-03", "N-05"}
    assert all(f.fix is not None for f in stale.values())


def test_blank_cells_are_refused_with_a_message() -> None:
    report = huaian()
    report.cells["t3.carried_in.total"] = None
    with pytest.raises(IncompleteTables) as error:
        on_request_paragraph(report)
    assert error.value.keys == ("t3.carried_in.total",)
    assert str(error.value).startswith("请先填写表三 二、上年结转政府信息公开申请数量 / 总计")
    review_litigation_paragraph(report)  # table 四 is complete


def test_a_blank_computed_total_names_the_cells_to_fill() -> None:
    """A total the clerk cannot type in is blank because of its parts: name those."""
    report = huaian()
    leaves = [f"t3.new.{c}" for c in T3_PART_COLUMNS]
    report.cells.update(dict.fromkeys(leaves))
    report.cells.update(computed_totals(report.cells))
    assert report.cells["t3.new.total"] is None
    with pytest.raises(IncompleteTables) as error:
        on_request_paragraph(report)
    assert error.value.keys == tuple(leaves)
    assert str(error.value).startswith("请先填写表三 一、本年新收政府信息公开申请数量 / 自然人、")
    assert str(error.value).endswith("等6个单元格")


@pytest.mark.parametrize(("agency", "we"), [("耳口乡", "我乡"), ("淮安市人民政府", "我市"), ("某县财政局", "我局"),
                                            ("某某街道办事处", "我街道"), ("某机关", "本机关")])
def test_the_paragraph_speaks_of_the_agency_as_reports_do(agency: str, we: str) -> None:
    report = seed()
    report.meta.agency = agency
    assert on_request_paragraph(report).startswith(f"2023年，{we}未收到")
    assert narrative_rules(with_paragraphs(report)) == []


counts = st.one_of(st.just(0), st.integers(min_value=0, max_value=3), st.integers(min_value=0, max_value=5000))


@st.composite
def consistent_tables(draw: st.DrawFn) -> Report:
    """Random tables that pass the cross-sums, zeros frequent, as a clerk fills them."""
    report = Report.new("某县某局", "county_dept", draw(st.integers(min_value=2021, max_value=2030)))
    for col in T3_PART_COLUMNS:
        results = {row: draw(counts) for row in T3_RESULT_ROWS}
        carried_out = draw(counts)
        handled = sum(results.values()) + carried_out
        carried_in = draw(st.integers(min_value=0, max_value=handled))
        report.cells.update({f"t3.{row}.{col}": v for row, v in results.items()})
        report.cells.update({f"t3.carried_out.{col}": carried_out, f"t3.carried_in.{col}": carried_in,
                             f"t3.new.{col}": handled - carried_in})
    for group, _ in T4_GROUPS:
        report.cells.update({f"t4.{group}.{item}": draw(counts) for item in T4_PART_ITEMS})
    report.cells.update({k: 0 for k in report.cells if k.startswith("t2.")})
    report.cells.update(computed_totals(report.cells))
    return report


@given(consistent_tables())
@settings(max_examples=150, deadline=None)
def test_generated_paragraphs_pass_the_narrative_rules(report: Report) -> None:
    with_paragraphs(report)
    assert narrative_rules(report) == [], report.text[ON_REQUEST]


@given(consistent_tables(), st.sampled_from(["t3.new", "t3.carried_out", "t4.review", "t4.suit_after_review"]))
@settings(max_examples=100, deadline=None)
def test_a_changed_table_makes_the_generated_paragraph_stale(report: Report, changed: str) -> None:
    with_paragraphs(report)
    part = "natural" if changed.startswith("t3.") else "upheld"
    report.cells[f"{changed}.{part}"] += 1  # type: ignore[operator]
    report.cells.update(computed_totals(report.cells))
    found = narrative_rules(report)
    assert found, report.text[ON_REQUEST]
