"""Ordinary sentences of real reports that quote a number which is not this year's table figure, and
wordings of a breach that must still be caught.

The tables are Huaian's 2024 report, which is correct: new 3119, results 3050 (予以公开 1362, 部分公开 454,
不予公开 178, 无法提供 781), review 351, litigation 26 + 20, 规章 issued 1, 行政规范性文件 issued 8.
"""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.checks import check
from desktop.core.report import Report
from tests.fixtures.reports import huaian

TODAY = dt.date(2025, 1, 10)
ON, PRO, S6 = "text.s1.on_request", "text.s1.proactive", "text.s6"


def narrative(report: Report) -> list[str]:
    return [f"{f.rule} {f.message}" for f in check(report, today=TODAY) if f.rule.startswith("N-")]


def with_text(key: str, text: str) -> Report:
    report = huaian()
    report.text[key] = text
    return report


CORRECT = [
    # 「分别」 pairs names and numbers by position
    (ON, "其中予以公开、部分公开、不予公开的分别为1362件、454件、178件。"),
    (ON, "全年收到、办结政府信息公开申请分别为3119件、3050件。"),
    (ON, "因政府信息公开被申请行政复议、提起行政诉讼的分别为351件、46件。"),
    (PRO, "全年制发规章、行政规范性文件分别为1件、8件。"),
    (ON, "予以公开、部分公开的分别占44.7%、14.9%。"),
    # last year's figures
    (ON, "全市共受理政府信息公开申请3119件。上年同期受理政府信息公开申请2800件。"),
    (ON, "全年受理政府信息公开申请3119件。2023年予以公开1200件。"),
    (ON, "全年因政府信息公开被申请行政复议351件。2023年因政府信息公开被申请行政复议300件。"),
    (PRO, "全年制发规章1件、行政规范性文件8件。上年度制发行政规范性文件10件。"),
    # a manner, a stage or an office handling part of the requests
    (ON, "全年共受理政府信息公开申请3119件，依法延期答复5件。"),
    (ON, "全年共受理政府信息公开申请3119件，书面答复2900件。"),
    (ON, "全年共受理政府信息公开申请3119件。收到申请人补正材料3件。"),
    (ON, "由市政府办公室统一受理申请2891件，其余228件由各部门受理。"),
    # one reason within a result group, and 予以公开 of other things
    (ON, "因属于国家秘密不予公开2件。"),
    (ON, "因本机关不掌握相关政府信息无法提供769件。"),
    (PRO, "对作出的87件行政处罚决定全部予以公开。"),
    (PRO, "对“高效办成一件事”重点事项清单予以公开。"),
    # rounded figures
    (ON, "全市共受理政府信息公开申请0.3万件。"),
    (PRO, "全年主动公开政府信息1.2万条，其中政策文件3000条、政策解读2000条、工作动态7345条。"),
    # N-01: a change against last year and a second breakdown are not parts
    (PRO, "全年主动公开信息103条，其中统计信息18条、财政资金信息14条、行政权力信息21条、回应关切信息35条、"
          "监督保障信息15条，较上年增加12条。"),
    (ON, "全年共受理政府信息公开申请3119件，其中自然人申请3001件、法人或其他组织申请118件，"
         "予以公开1362件，部分公开454件。"),
    # counts of other things
    ("text.s1.oversight", "组织开展政府信息公开行政复议应诉培训2次。"),
    (ON, "政府信息公开行政复议案件涉及3个部门。"),
    ("text.s1.management", "坚持把行政规范性文件制定发布作为一项重要工作来抓。"),
    (ON, "第一季度未收到政府信息公开申请。"),
    (ON, "所有予以公开的申请100%按期答复。"),
    # next year's work at the end of section 六
    (S6, "信息处理费：未收取。落实2024年政务公开工作要点情况：已全部落实。\n"
         "2025年，我市着力在以下方面加强政务公开工作。"),
]


@pytest.mark.parametrize(("key", "text"), CORRECT, ids=[t[:18] for _, t in CORRECT])
def test_a_correct_sentence_gives_no_finding(key: str, text: str) -> None:
    assert narrative(with_text(key, text)) == []


BREACHES = [
    (ON, "本年度未被申请行政复议，未被提起行政诉讼。", "N-05"),
    (ON, "本年度本机关未因政府信息公开被申请行政复议或被提起行政诉讼。", "N-05"),
    (ON, "其中同意公开1362件，予以公开率为70%。", "N-04"),
    (ON, "2024年1月1日至12月31日，本机关未收到政府信息公开申请。", "N-02"),
    (ON, "全年受理政府信息公开申请3000件。", "N-02"),  # a whole number of 件 is exact
    (ON, "因属于国家秘密不予公开3件。", "N-03"),  # the row 1.属于国家秘密 holds 2
    (ON, "因本机关不掌握相关政府信息无法提供760件。", "N-03"),  # the row holds 769
    (ON, "与上年相比，今年受理政府信息公开申请3000件。", "N-02"),  # the latest year named is this one
    (ON, "本年度未收到政府信息公开申请，受理政府信息公开申请3119件。", "N-02"),  # contradicts itself
]


@pytest.mark.parametrize(("key", "text", "rule"), BREACHES, ids=[t[:18] for _, t, _ in BREACHES])
def test_a_breach_is_still_caught(key: str, text: str, rule: str) -> None:
    assert [f for f in narrative(with_text(key, text)) if f.startswith(rule)]


@pytest.mark.parametrize("wording", ["均获维持", "均被依法维持", "均予以维持", "结果均为维持"])
def test_all_upheld_while_a_case_is_pending(wording: str) -> None:
    report = with_text(ON, f"因政府信息公开被申请行政复议2件，{wording}。")
    report.cells.update({"t4.review.upheld": 1, "t4.review.corrected": 0, "t4.review.other": 0,
                         "t4.review.pending": 1, "t4.review.total": 2})
    found = narrative(report)
    assert len(found) == 1 and "尚未审结1件" in found[0]


def test_a_pending_suit_is_not_read_as_no_suit() -> None:
    """「尚有1件未审结的行政诉讼」 is not 「未发生行政诉讼」."""
    assert narrative(with_text(ON, "因政府信息公开提起行政诉讼46件，尚有1件未审结的行政诉讼。")) == []


RESPECTIVE_BREACHES = [
    (ON, "其中予以公开、部分公开、不予公开的分别为1362件、450件、178件。", "N-03", "450件", "454件"),
    (ON, "全年收到、办结政府信息公开申请分别为3119件、3000件。", "N-02", "3000件", "3050件"),
    (ON, "全年共收到申请3119件，其中予以公开、部分公开的分别为1300件、454件。", "N-03", "1300件", "1362件"),
    (ON, "因政府信息公开被申请行政复议、提起行政诉讼的分别为351件、40件。", "N-05", "40件", "46件"),
    (PRO, "全年制发规章、行政规范性文件分别为1件、9件。", "N-06", "9件", "8件"),
]


@pytest.mark.parametrize(("key", "text", "rule", "wrong", "right"), RESPECTIVE_BREACHES,
                         ids=[t[:18] for _, t, *_ in RESPECTIVE_BREACHES])
def test_a_respective_list_is_paired_by_position(key: str, text: str, rule: str, wrong: str, right: str) -> None:
    report = with_text(key, text)
    (finding,) = [f for f in check(report, today=TODAY) if f.rule.startswith("N-")]
    assert finding.rule == rule
    assert [text[s.start:s.end] for s in finding.spans] == [wrong]
    assert finding.fix is not None and dict(finding.fix.values)[key] == text.replace(wrong, right)
