"""S-04 and the per-section similarity to last year's report."""

from __future__ import annotations

import datetime as dt
import time

from desktop.core.checks import check
from desktop.core.lastyear import snapshot
from desktop.core.narrative.similarity import PARTS, WHOLE, similarity_by_section
from desktop.core.report import Report
from tests.core.test_narrative_texts import HUAIAN_TEXT, huaian_with_text
from tests.fixtures.reports import seed


def linked(this_year: Report, last_year: Report) -> Report:
    last_year.meta.year = this_year.meta.year - 1
    this_year.previous = snapshot(last_year)
    return this_year


def s04(report: Report) -> list:  # type: ignore[type-arg]
    return [f for f in check(report, today=dt.date(2024, 1, 10)) if f.rule == "S-04"]


def next_year_of_the_township() -> Report:
    """耳口乡's text carried into 2024 with only the year and one count changed: what evaluators penalise."""
    report = seed()
    report.meta.year = 2024
    report.meta.date = dt.date(2025, 1, 6)
    report.text.update({k: v.replace("2023年", "2024年").replace("103条", "98条") for k, v in report.text.items()})
    return report


def test_no_linked_report_no_similarity() -> None:
    report = seed()
    assert similarity_by_section(report) == {}
    assert s04(report) == []


def test_a_copied_report_is_similar_in_every_section_despite_changed_numbers() -> None:
    report = linked(next_year_of_the_township(), seed())
    shares = similarity_by_section(report)
    assert tuple(shares) == PARTS == ("一", "五", "六", WHOLE)
    assert all(share == 1.0 for share in shares.values())  # digits count as the same characters
    (finding,) = [f for f in check(report, today=dt.date(2025, 1, 10)) if f.rule == "S-04"]
    assert finding.message.startswith("与2023年报告重复的文字占全文100%（第一部分100%，第五部分100%，第六部分100%）")
    assert set(finding.cells) == {k for k, v in report.text.items() if v}
    assert {s.key for s in finding.spans} == set(finding.cells)
    assert all(0 <= s.start < s.end <= len(report.text[s.key]) for s in finding.spans)


def test_spans_cover_the_repeated_stretches() -> None:
    report = next_year_of_the_township()
    new_s5 = "今年新增的问题主要是政策解读形式单一，部分栏目更新不够及时，下一步将加强培训。"
    report.text["text.s5"] = new_s5 + seed().text["text.s5"]
    report = linked(report, seed())
    (finding,) = s04(report)
    s5_spans = [(s.start, s.end) for s in finding.spans if s.key == "text.s5"]
    assert s5_spans and min(a for a, _ in s5_spans) >= len(new_s5)  # the new sentence is not pointed at
    shares = similarity_by_section(report)
    assert 0.5 < shares["五"] < 1.0 and shares["一"] == 1.0


def test_a_rewritten_report_is_not_similar() -> None:
    report = huaian_with_text()
    last_year = seed()
    report = linked(report, last_year)
    shares = similarity_by_section(report)
    assert shares[WHOLE] < 0.1
    assert s04(report) == []


def test_the_threshold_is_half_of_the_text() -> None:
    report = next_year_of_the_township()
    rewritten = {k: HUAIAN_TEXT[k] for k in ("text.s1.intro", "text.s1.proactive", "text.s1.management")}
    report.text.update(rewritten)
    report = linked(report, seed())
    shares = similarity_by_section(report)
    assert shares[WHOLE] > 0.5 and s04(report)
    report.text.update({k: HUAIAN_TEXT[k] for k in ("text.s1.platform", "text.s1.oversight", "text.s5")})
    assert similarity_by_section(report)[WHOLE] < 0.5 and s04(report) == []


def test_the_preamble_is_left_out() -> None:
    report = huaian_with_text()
    last_year = huaian_with_text()
    last_year.text.update({k: "" for k in last_year.text if k != "text.preamble"})
    last_year.text["text.s5"] = "上一年度的问题：栏目更新不及时，需要加强。" * 10
    report = linked(report, last_year)
    assert similarity_by_section(report)[WHOLE] < 0.1


def test_similarity_is_fast_for_a_full_report() -> None:
    report = linked(next_year_of_the_township(), seed())
    start = time.perf_counter()
    for _ in range(20):
        report.text["text.s5"] += "。"  # a new text each time: nothing cached for this year's report
        similarity_by_section(report)
    assert (time.perf_counter() - start) / 20 < 0.005
