"""Prose as county clerks write it, against a correct county report: counts of other kinds of application,
of part of the year or of several years, of several offices, groups joined by 「、」, a share after a
「（含…）」 clause, a paragraph opening with history. None of these is a disagreement with the tables. And
the breaches the data can decide that such prose still hides: 「无。」 as a whole section 五, 「未制发」
against a table that counts documents, a lawsuit 「尚在审理中」 against a table with none pending."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from desktop.core.checks.checker import check
from desktop.core.checks.findings import Finding, Severity
from desktop.core.report import Report

TODAY = dt.date(2024, 2, 1)
PLAIN = {
    "text.s1.intro": "2023年，青山县人民政府认真贯彻落实《中华人民共和国政府信息公开条例》。",
    "text.s1.proactive": "全年主动公开政府信息。",
    "text.s1.on_request": "依法办理政府信息公开申请。",
    "text.s1.management": "规范政府信息管理。",
    "text.s1.platform": "加强政府网站建设。",
    "text.s1.oversight": "加强监督保障，开展工作考核、社会评议和责任追究。",
    "text.s5": "存在的问题：公开质量有待提高。改进措施：加强培训。",
    "text.s6": "本年度未收取信息处理费。认真落实2023年政务公开工作要点。",
}


def county_report() -> Report:
    """12 new requests (10 from people, 2 from businesses) and 1 carried in; 5 granted, 2 partly, 1 denied
    (third party), 2 unable (not held), 1 not processed (repeated), 1 other; 1 carried out. 3 reviews
    (2 upheld, 1 corrected), 1 lawsuit upheld. 5 normative documents issued."""
    report = Report.new("青山县人民政府", "county_gov", 2023)
    report.meta.date = dt.date(2024, 2, 10)
    cells = report.cells
    for key in cells:
        cells[key] = 0

    def row(name: str, natural: int = 0, business: int = 0) -> None:
        cells[f"t3.{name}.natural"], cells[f"t3.{name}.business"] = natural, business
        cells[f"t3.{name}.total"] = natural + business

    row("new", 10, 2)
    row("carried_in", 1)
    row("granted", 4, 1)
    row("partial", 1, 1)
    row("denied_4", 1)
    row("unable_1", 2)
    row("not_processed_2", 1)
    row("other_3", 1)
    row("total", 10, 2)
    row("carried_out", 1)
    cells.update({"t4.review.upheld": 2, "t4.review.corrected": 1, "t4.review.total": 3,
                  "t4.suit_direct.upheld": 1, "t4.suit_direct.total": 1,
                  "t2.normative_docs.issued": 5, "t2.normative_docs.repealed": 2, "t2.normative_docs.in_force": 30,
                  "t2.licensing.decisions": 1234, "t2.penalty.decisions": 56, "t2.enforcement.decisions": 3,
                  "t2.fees.amount": Decimal("0.5")})
    report.text.update(PLAIN)
    return report


def findings(key: str, text: str) -> list[Finding]:
    report = county_report()
    report.text[key] = text
    return check(report, None, TODAY)


def rules_found(key: str, text: str) -> set[str]:
    return {finding.rule for finding in findings(key, text)}


def test_the_plain_report_is_correct() -> None:
    assert rules_found("text.s1.intro", PLAIN["text.s1.intro"]) == set()


@pytest.mark.parametrize(("key", "text"), [
    # other kinds of application
    ("text.s1.proactive", "全年受理社会救助申请86件，及时公开救助信息。"),
    ("text.s1.proactive", "受理低保申请30件，全部公示。"),
    ("text.s1.platform", "政务服务大厅全年受理群众办事申请3456件。"),
    ("text.s1.proactive", "受理不动产登记申请2000件。"),
    # part of the year, several years
    ("text.s1.on_request", "平均每月受理申请1件。"),
    ("text.s1.on_request", "12月份受理申请3件。"),
    ("text.s1.on_request", "近三年累计受理申请30件。"),
    ("text.s1.on_request", "自《条例》修订施行以来，累计受理申请86件。"),
    # several offices, the whole county
    ("text.s1.on_request", "全年共受理申请12件。其中，县政府办公室受理5件，县自然资源局受理7件。"),
    ("text.s1.on_request", "全县各级行政机关共受理政府信息公开申请356件，其中县政府本级受理12件。"),
    # two groups joined by 、
    ("text.s1.on_request", "全年共受理申请12件，予以公开、部分公开共7件。"),
    ("text.s1.on_request", "全年共受理申请12件，予以公开、部分公开7件。"),
])
def test_no_disagreement_where_the_text_counts_something_else(key: str, text: str) -> None:
    assert not rules_found(key, text) & {"N-02", "N-03"}


def test_a_county_wide_count_of_documents_is_not_the_agencys() -> None:
    assert "N-06" not in rules_found("text.s1.management", "全县各部门共制发行政规范性文件32件。")


def test_a_share_after_an_inclusive_clause_is_of_the_whole_group() -> None:
    """7 of 12 granted, 2 of them in part: 58.3 % is the share of the 7."""
    text = "全年共受理申请12件，予以公开7件（含部分公开2件），占{}。"
    assert "N-04" not in rules_found("text.s1.on_request", text.format("58.3%"))
    assert "N-04" in rules_found("text.s1.on_request", text.format("80%"))


@pytest.mark.parametrize("text", ["2019年，我县上线政务公开专栏，本年度持续优化。",
                                  "2020年，我县建成政务公开专区，本年度新增栏目3个。"])
def test_a_paragraph_opening_with_the_history_of_the_work_is_asked_about_not_wrong(text: str) -> None:
    """Last year's text copied with 本年度 in it reads the same, so the clerk is asked (a warning)."""
    (finding,) = [f for f in findings("text.s1.platform", text) if f.rule == "N-07"]
    assert finding.severity is Severity.WARNING and "回顾往年" in finding.message


def test_a_paragraph_opening_with_last_year_alone_is_still_wrong() -> None:
    (finding,) = [f for f in findings("text.s1.platform", "2022年，我县主动公开政府信息103条。") if f.rule == "N-07"]
    assert finding.severity is Severity.ERROR


@pytest.mark.parametrize("text", ["无。", "/", "无。无。", "存在的问题：无。改进措施：无。",
                                  "本年度无存在的主要问题。"])
def test_section_five_that_says_nothing_is_reported(text: str) -> None:
    assert "S-03" in rules_found("text.s5", text)


def test_no_documents_issued_against_a_table_that_counts_five() -> None:
    assert "N-06" in rules_found("text.s1.management", "本年度未制发行政规范性文件。")


def test_a_lawsuit_said_to_be_pending_against_a_table_with_none_pending() -> None:
    assert "N-05" in rules_found("text.s1.on_request", "因政府信息公开被提起行政诉讼1件，尚在审理中。")


def test_a_lawsuit_said_to_be_pending_agrees_with_a_table_that_has_it_pending() -> None:
    report = county_report()
    report.cells.update({"t4.suit_direct.upheld": 0, "t4.suit_direct.pending": 1})
    report.text["text.s1.on_request"] = "因政府信息公开被提起行政诉讼1件，尚在审理中。"
    assert "N-05" not in {finding.rule for finding in check(report, None, TODAY)}


def test_section_five_with_problems_after_a_label_is_stated() -> None:
    assert "S-03" not in rules_found("text.s5", "存在的问题：无。改进措施：加强业务培训，提高公开质量。")
