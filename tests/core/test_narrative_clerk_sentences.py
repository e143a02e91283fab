"""Sentences clerks write that agree with a correct county report, though they quote numbers next to the
rules' words: a part of the requests, a change against last year, a share of a whole the text names itself,
an office named without its place, a look back at an earlier year. And wordings of a breach that the same
guards must not hide: 「截至12月31日」 is the whole year, 「份」 counts requests, the counts before 「分别」
stand by their own names.

The report is test_narrative_county_phrasing's: 12 new requests and 1 carried in, 12 answered (5 granted,
2 partly, 1 denied, 2 unable, 1 not processed, 1 other), 1 carried out; 3 reviews (2 upheld, 1 corrected), 1
lawsuit upheld; 5 normative documents issued. Its year is 2023.
"""

from __future__ import annotations

import pytest

from desktop.core.checks.checker import check
from desktop.core.checks.findings import Severity
from tests.core.test_narrative_county_phrasing import TODAY, county_report, findings, rules_found

ON, PRO, MAN, S5, PRE, INTRO = ("text.s1.on_request", "text.s1.proactive", "text.s1.management", "text.s5",
                                "text.preamble", "text.s1.intro")

AGREEING = [
    # a manner or time of answering is part of the requests answered
    (ON, "全年共受理申请12件，按时答复11件，延期答复1件。", "N-02"),
    (ON, "全年共受理申请12件，在法定期限内答复11件。", "N-02"),
    # results of a part of the requests, named earlier in the sentence
    (ON, "上年结转的1件申请中，予以公开1件。", "N-03"),
    (ON, "涉及第三方的申请2件，其中1件予以公开，1件不予公开。", "N-03"),
    (ON, "全县各部门共收到申请520件，其中予以公开300件。", "N-03"),
    (ON, "以纸质文件形式予以公开3件。", "N-03"),
    # N-01: a change, or a second figure, is not the total the parts after 「其中」 divide
    (ON, "全年共收到申请12件，同比增加7件，其中自然人申请10件、法人或其他组织申请2件。", "N-01"),
    (ON, "全年共收到申请12件，上年结转1件。其中，自然人申请10件，法人或其他组织申请2件。", "N-01"),
    (ON, "全年共收到申请12件，上年结转1件。其中予以公开5件、部分公开2件，分别占41.7%、16.7%。", "N-01"),
    # a share of a whole the text names itself
    (ON, "予以公开5件，占予以公开和部分公开总数的71.4%。", "N-04"),
    (ON, "部分公开2件，占公开件数的28.6%。", "N-04"),
    # review and litigation: a change, and hearings attended
    (ON, "因政府信息公开被申请行政复议的案件同比减少2件。", "N-05"),
    (PRO, "组织工作人员旁听行政诉讼庭审2次。", "N-05"),
    # review and litigation listed together, counted together: 3 + 1
    (ON, "因政府信息公开引起的行政复议、行政诉讼案件共4件。", "N-05"),
    (ON, "因政府信息公开被申请行政复议和提起行政诉讼共4件。", "N-05"),
    (ON, "因政府信息公开被申请行政复议3件、提起行政诉讼1件，共计4件。", "N-05"),
    (PRE, "本报告包括政府信息公开行政复议和行政诉讼情况、存在的主要问题和改进情况以及其他需要报告的事项共六个部分。",
     "N-05"),  # the report's parts, not cases
    # documents: a change, several years, plans
    (MAN, "规范性文件制发数量同比增加1件。", "N-06"),
    (MAN, "近三年累计制发行政规范性文件50件。", "N-06"),
    (S5, "存在的问题：制度建设不足。改进措施：下一步拟出台行政规范性文件2件。", "N-06"),
    # an office named without its place is the agency's own
    (PRE, "如对本报告有任何疑问，请与县政务公开办公室联系。", "N-08"),
    (PRE, "本报告由政务公开工作领导小组办公室编制。", "N-08"),
]


@pytest.mark.parametrize(("key", "text", "rule"), AGREEING, ids=[t[:16] for _, t, _ in AGREEING])
def test_an_agreeing_sentence_is_no_finding(key: str, text: str, rule: str) -> None:
    assert rule not in rules_found(key, text)


def test_all_upheld_of_the_decided_cases_while_one_is_pending() -> None:
    report = county_report()
    report.cells.update({"t4.review.corrected": 0, "t4.review.pending": 1})
    report.text[ON] = "因政府信息公开被申请行政复议3件，已审结的均获维持。"
    assert "N-05" not in {f.rule for f in check(report, None, TODAY)}
    report.text[ON] = "因政府信息公开被申请行政复议3件，均获维持。"
    assert "N-05" in {f.rule for f in check(report, None, TODAY)}


@pytest.mark.parametrize("text", ["2022年，我县政务公开工作在全市考核中获评优秀。",
                                  "2019年，《条例》修订施行后，我县进一步规范依申请公开工作。"])
def test_a_paragraph_looking_back_at_an_earlier_year_is_asked_about(text: str) -> None:
    (finding,) = [f for f in findings(INTRO, text) if f.rule == "N-07"]
    assert finding.severity is Severity.WARNING


BREACHES = [
    (ON, "截至2023年12月31日，共受理政府信息公开申请13件。", "N-02"),
    (ON, "截至12月31日，共受理政府信息公开申请13件。", "N-02"),
    (ON, "自 2023 年 1 月 1 日至 2023 年 12 月 31 日，共收到政府信息公开申请 13 件。", "N-02"),
    (ON, "全年共收到13份政府信息公开申请。", "N-02"),
    (ON, "其中予以公开6件、部分公开2件，分别占50%、16.7%。", "N-03"),
    (ON, "因政府信息公开被申请行政复议4件。", "N-05"),
    (ON, "因政府信息公开被申请行政复议和提起行政诉讼共5件。", "N-05"),
    (ON, "因政府信息公开被申请行政复议、提起行政诉讼各1件。", "N-05"),
    (MAN, "全年制发行政规范性文件6件。", "N-06"),
]


@pytest.mark.parametrize(("key", "text", "rule"), BREACHES, ids=[t[:16] for _, t, _ in BREACHES])
def test_a_breach_is_still_found(key: str, text: str, rule: str) -> None:
    assert rule in rules_found(key, text)


def test_a_paragraph_about_the_months_after_the_year_is_asked_about() -> None:
    """The report is written early in the next year, and may tell what happened since."""
    (finding,) = [f for f in findings("text.s1.platform", "2024年，我县门户网站完成集约化迁移。") if f.rule == "N-07"]
    assert finding.severity is Severity.WARNING


def test_a_sum_of_review_and_litigation_is_named_as_such() -> None:
    (finding,) = [f for f in findings(ON, "因政府信息公开引起的行政复议、行政诉讼案件共5件。") if f.rule == "N-05"]
    assert "表四“行政复议”、“行政诉讼”总计之和（4件）" in finding.message


def test_each_of_review_and_litigation_one_case() -> None:
    report = county_report()
    report.cells.update({"t4.review.upheld": 1, "t4.review.corrected": 0, "t4.review.total": 1})
    report.text[ON] = "因政府信息公开被申请行政复议、提起行政诉讼各1件，均获维持。"
    assert "N-05" not in {f.rule for f in check(report, None, TODAY)}
    report.text[ON] = "因政府信息公开被申请行政复议、提起行政诉讼各2件，均获维持。"
    assert [f.message.count("不一致") for f in check(report, None, TODAY) if f.rule == "N-05"] == [1, 1]
