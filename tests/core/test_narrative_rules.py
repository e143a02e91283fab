"""N-01 … N-06 on real sentences (耳口乡 2023, 淮安市 2024) and on variants with one number changed.

Every finding must point at the exact characters it is about, and name the text field and the cells.
"""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.checks import Finding, Severity, check
from desktop.core.report import Report
from desktop.core.tablespec import CELLS
from tests.core.test_narrative_texts import HUAIAN_TEXT, huaian_with_text
from tests.fixtures.reports import huaian, seed

TODAY = dt.date(2025, 1, 10)
ON_REQUEST = "text.s1.on_request"
PROACTIVE = "text.s1.proactive"


def narrative(report: Report) -> dict[str, list[Finding]]:
    found: dict[str, list[Finding]] = {}
    for finding in check(report, today=TODAY):
        if finding.rule.startswith("N-"):
            found.setdefault(finding.rule, []).append(finding)
    return found


def pointed_at(report: Report, finding: Finding) -> list[str]:
    return [report.text[s.key][s.start:s.end] for s in finding.spans]


def set_total(report: Report, row: str, value: int) -> None:
    """Change a table 三 row by its 自然人 column and keep the row's total consistent."""
    old = report.cells[f"t3.{row}.total"]
    report.cells[f"t3.{row}.natural"] += value - old  # type: ignore[operator]
    report.cells[f"t3.{row}.total"] = value


def township(text: dict[str, str] | None = None) -> Report:
    report = seed()
    if text:
        report.text.update(text)
    return report


# ---- correct reports say nothing


def test_the_real_reports_with_their_own_tables_have_no_narrative_findings() -> None:
    assert narrative(seed()) == {}
    assert narrative(huaian_with_text()) == {}


def test_a_sentence_without_numbers_is_never_a_finding() -> None:
    report = huaian()
    report.text[ON_REQUEST] = "着力强化与申请人的直接沟通，准确了解申请人诉求，提高答复的及时性和针对性。"
    report.cells.update({k: 0 for k in report.cells if k.startswith(("t3.", "t4."))})
    assert narrative(report) == {}


# ---- N-01


def test_n01_the_seed_list_adds_up_and_one_changed_part_fails() -> None:
    report = seed()
    assert "N-01" not in narrative(report)
    for old, new in (("18条", "19条"), ("35条", "34条"), ("15条", "5条")):
        report = seed()
        report.text[PROACTIVE] = report.text[PROACTIVE].replace(old, new)
        (finding,) = narrative(report)["N-01"]
        assert finding.severity is Severity.WARNING
        assert finding.cells == (PROACTIVE,)
        spans = pointed_at(report, finding)
        assert spans[0] == "103条" and new in spans and len(spans) == 6
        assert "文中合计103条" in finding.message


def test_n01_points_at_the_total_and_every_part() -> None:
    report = seed()
    report.text[PROACTIVE] = report.text[PROACTIVE].replace("21条", "22条")
    (finding,) = narrative(report)["N-01"]
    assert pointed_at(report, finding) == ["103条", "18条", "14条", "22条", "35条", "15条"]
    assert finding.message == "文中合计103条，其后所列各项之和为104条（18+14+22+35+15）"


@pytest.mark.parametrize("total,flagged", [("102条", True), ("104条", True), ("130条", False)])
def test_n01_a_changed_total(total: str, flagged: bool) -> None:
    """A total far above its parts reads as a partial list, so 130 is let pass."""
    report = seed()
    report.text[PROACTIVE] = report.text[PROACTIVE].replace("103条", total)
    assert ("N-01" in narrative(report)) is flagged


def test_n01_chinese_numerals() -> None:
    text = ("全年主动公开政府信息一百零三条，其中统计信息十八条、财政资金信息十四条、"
            "行政权力信息二十一条、回应关切信息三十五条、监督保障信息十五条。")
    assert "N-01" not in narrative(township({PROACTIVE: text}))
    changed = township({PROACTIVE: text.replace("十四条", "十三条")})
    (finding,) = narrative(changed)["N-01"]
    assert pointed_at(changed, finding)[0] == "一百零三条"


@pytest.mark.parametrize("text", [
    "市政府网站主动公开各类政府信息5500余条，其中政策文件20条、政策解读15条、图片新闻30条。",  # 余: approximate
    "全年主动公开信息1234条，其中政策文件20条、政策解读15条、图片新闻30条。",  # clearly a partial list
    "全年主动公开信息103条，其中统计信息18条、财政资金信息14条、行政权力信息21条等。",  # 等
    "全年主动公开信息1000条，其中通过政府网站发布950条、微信公众号发布860条。",  # one item, several channels
    "全年主动公开信息103条，其中统计信息18条。",  # one part
    "全年召开新闻发布会12场，其中市领导出席5场、部门负责人出席8场。",  # one meeting, several speakers
])
def test_n01_partial_or_loose_lists_are_left_alone(text: str) -> None:
    assert "N-01" not in narrative(township({PROACTIVE: text}))


def test_n01_a_short_complete_list_with_a_rest_item_is_checked() -> None:
    text = "全年主动公开信息100条，其中政策文件20条、其他信息70条。"
    assert "N-01" in narrative(township({PROACTIVE: text}))


# ---- N-02


def test_n02_township_received_nothing_but_the_table_has_three() -> None:
    report = seed()
    set_total(report, "new", 3)
    set_total(report, "total", 3)
    report.cells["t3.granted.natural"] = report.cells["t3.granted.total"] = 3
    found = narrative(report)["N-02"]
    assert len(found) == 3
    (finding,) = [f for f in found if "受理依申请公开0件" in f.message]
    assert finding.severity is Severity.ERROR
    start = report.text[ON_REQUEST].index("受理依申请公开0件") + len("受理依申请公开")
    assert (finding.spans[0].start, finding.spans[0].end) == (start, start + 2)
    assert finding.cells == (ON_REQUEST, "t3.new.total")
    assert "受理依申请公开0件" in finding.message and "（3件）" in finding.message
    assert finding.fix is not None and dict(finding.fix.values)[ON_REQUEST].count("受理依申请公开3件") == 1
    quoted = sorted(tuple(pointed_at(report, f)) for f in found)
    # 「未收到申请」 means 新收 = 0, and 办结0件 is compared with 办理结果总计
    assert quoted == [("0件",), ("0件",), ("未收到依申请公开的信息申请",)]
    assert {f.cells for f in found} == {(ON_REQUEST, "t3.new.total"), (ON_REQUEST, "t3.total.total")}


def test_n02_observed_text_says_two_while_the_table_says_three() -> None:
    report = huaian()
    report.text[ON_REQUEST] = "2024年，本局受理申请2件。"
    set_total(report, "new", 3)
    (finding,) = narrative(report)["N-02"]
    assert pointed_at(report, finding) == ["2件"]
    assert finding.message == "文中“受理申请2件”与表三“一、本年新收政府信息公开申请数量”总计（3件）不一致"


def test_n02_the_huaian_wording_with_carried_in_cases_is_read_correctly() -> None:
    report = huaian_with_text()
    assert "N-02" not in narrative(report)
    for row, value, quoted in (("new", 3120, "3119件"), ("total", 3051, "3050件"), ("carried_in", 35, "34件"),
                               ("carried_out", 104, "103件")):
        changed = huaian_with_text()
        set_total(changed, row, value)
        found = narrative(changed)["N-02"]
        assert [pointed_at(changed, f) for f in found] == [[quoted]], row
        assert found[0].cells[:2] == (ON_REQUEST, f"t3.{row}.total")


@pytest.mark.parametrize("text", [
    "全年共受理政府信息公开申请37件（含上年结转3件），均已按期答复。",
    "全年共受理政府信息公开申请37件，其中上年结转3件。",
    "全年共受理政府信息公开申请34件（不含上年结转3件）。",
    "本年度新收政府信息公开申请34件，上年结转3件。",
])
def test_n02_received_may_include_the_carried_in_cases(text: str) -> None:
    report = huaian()
    report.text[ON_REQUEST] = text
    set_total(report, "new", 34)
    set_total(report, "carried_in", 3)
    assert "N-02" not in narrative(report)


def test_n02_full_width_and_chinese_numerals() -> None:
    report = huaian()
    set_total(report, "new", 12)
    for text in ("全年收到政府信息公开申请１２件。", "全年收到政府信息公开申请十二件。"):
        report.text[ON_REQUEST] = text
        assert "N-02" not in narrative(report)
    report.text[ON_REQUEST] = "全年收到政府信息公开申请两件。"
    (finding,) = narrative(report)["N-02"]
    assert pointed_at(report, finding) == ["两件"]
    assert finding.fix is not None and dict(finding.fix.values)[ON_REQUEST] == "全年收到政府信息公开申请12件。"


@pytest.mark.parametrize("text", [
    "全年受理群众来信5件，办结12345热线工单300件。",
    "收到行政复议申请1件。",
    "全年受理政府信息公开申请3119件，较上年增加5件。",
    "全年受理政府信息公开申请3119件，其中网上申请3000件。",
    "其中通过信函方式收到申请19件。",
    "对不予受理的申请1件依法告知。",
    "第一季度收到政府信息公开申请800件。",
    "自然人提出的申请中，收到自然人申请3001件。",
    "全年未收到通过信函方式提交的申请。",
    "全年办结上年结转申请2件。",  # finished some of the carried-in cases: not 上年结转 itself
    "共收到并办结政府信息公开申请5件。",
    # the sentence's count of calls goes on in a clause that names nothing but 办结
    "接听12345热线诉求1300件，办结1300件。",
    "全年处理网民留言86件，答复86件，群众满意率100%。",
])
def test_n02_counts_of_other_things_are_not_table_figures(text: str) -> None:
    report = huaian()
    report.text[ON_REQUEST] = text
    assert "N-02" not in narrative(report)


def test_n02_a_sentence_that_turns_from_another_topic_to_requests_is_read() -> None:
    report = huaian()
    report.text[ON_REQUEST] = "除12345热线诉求外，全年收到政府信息公开申请100件，办结100件。"
    findings = narrative(report)["N-02"]
    assert sorted(f.cells[-1] for f in findings) == ["t3.new.total", "t3.total.total"]


def test_n02_two_wordings_in_one_sentence_one_of_which_agrees_are_not_reported() -> None:
    report = huaian()
    report.text[ON_REQUEST] = "全年收到政府信息公开申请3125件，受理3119件。"
    assert "N-02" not in narrative(report)


def test_n02_none_received_is_checked_against_new_only() -> None:
    report = seed()
    report.text[ON_REQUEST] = "2023年，我乡未收到政府信息公开申请，无上年结转申请。"
    assert "N-02" not in narrative(report)
    set_total(report, "carried_in", 1)
    set_total(report, "total", 1)
    report.cells["t3.granted.natural"] = report.cells["t3.granted.total"] = 1
    (finding,) = narrative(report)["N-02"]
    assert pointed_at(report, finding) == ["无上年结转"] and finding.cells == (ON_REQUEST, "t3.carried_in.total")


def test_n02_a_blank_table_is_not_compared() -> None:
    report = seed()
    report.cells["t3.new.total"] = None
    assert "N-02" not in narrative(report)


# ---- N-03


RESULTS = ("2024年办结3050件，其中予以公开1362件，部分公开454件，不予公开178件，"
           "无法提供781件，不予处理88件，其他处理187件。")


def test_n03_result_groups_against_the_group_totals() -> None:
    report = huaian()
    report.text[ON_REQUEST] = RESULTS
    assert narrative(report) == {}
    report.cells["t3.denied_8.natural"] = report.cells["t3.denied_8.total"] = 106
    (finding,) = narrative(report)["N-03"]
    assert pointed_at(report, finding) == ["178件"]
    assert finding.cells[0] == ON_REQUEST and set(finding.cells[1:]) == {f"t3.denied_{i}.total" for i in range(1, 9)}
    assert "不予公开" in finding.message and "（179件）" in finding.message


def test_n03_observed_258_against_275() -> None:
    report = huaian()
    report.text[ON_REQUEST] = RESULTS.replace("予以公开1362件", "予以公开258件")
    report.cells.update({"t3.granted.natural": 275 - 74, "t3.granted.total": 275})
    (finding,) = narrative(report)["N-03"]
    assert pointed_at(report, finding) == ["258件"] and "（275件）" in finding.message


def test_n03_number_before_the_group_and_inclusive_wording() -> None:
    report = huaian()
    report.text[ON_REQUEST] = "其中1362件予以公开，454件部分公开。"
    assert "N-03" not in narrative(report)
    report.text[ON_REQUEST] = "其中予以公开1816件（含部分公开454件）。"
    assert "N-03" not in narrative(report)
    report.text[ON_REQUEST] = "其中予以公开1817件（含部分公开454件）。"
    assert "N-03" in narrative(report)


def test_n03_partial_is_not_granted() -> None:
    report = huaian()
    report.text[ON_REQUEST] = "部分予以公开454件，不予以公开178件。"
    assert "N-03" not in narrative(report)


# ---- N-04


@pytest.mark.parametrize("share,flagged", [("44.66%", False), ("44.7%", False), ("45%", False), ("50%", True),
                                           ("４４．７％", False)])
def test_n04_a_share_against_the_results_total(share: str, flagged: bool) -> None:
    report = huaian()
    report.text[ON_REQUEST] = f"予以公开1362件，占{share}。"  # 1362 / 3050 = 44.66%
    found = narrative(report).get("N-04", [])
    assert bool(found) is flagged
    if flagged:
        assert pointed_at(report, found[0]) == [share] and found[0].severity is Severity.WARNING
        assert "44.7%" in found[0].message


def test_n04_other_rates_are_not_table_shares() -> None:
    report = huaian_with_text()
    report.text[ON_REQUEST] += "依申请公开按时答复率100%，予以公开率较上年提高5%。"
    assert "N-04" not in narrative(report)


# ---- N-05


def test_n05_huaian_review_and_litigation_against_table_four() -> None:
    report = huaian_with_text()
    report.cells["t4.review.other"] = 177
    report.cells["t4.review.total"] = 350
    found = narrative(report)["N-05"]
    assert sorted(pointed_at(report, f)[0] for f in found) == ["178件", "351件"]
    report = huaian_with_text()
    report.cells["t4.suit_after_review.pending"] = 5
    report.cells["t4.suit_after_review.total"] = 19
    found = narrative(report)["N-05"]
    assert sorted(pointed_at(report, f)[0] for f in found) == ["46件", "7件"]  # litigation = both kinds of 起诉
    assert all("t4.suit_direct.total" in f.cells or "t4.suit_direct.pending" in f.cells for f in found)


def test_n05_all_upheld_while_a_case_is_pending() -> None:
    report = seed()
    report.text[ON_REQUEST] = "2023年，我乡因政府信息公开被申请行政复议2件，均获维持。"
    report.cells.update({"t4.review.upheld": 2, "t4.review.total": 2})
    assert "N-05" not in narrative(report)
    report.cells.update({"t4.review.upheld": 1, "t4.review.pending": 1})
    (finding,) = narrative(report)["N-05"]
    assert pointed_at(report, finding) == ["均获维持"]
    assert "t4.review.pending" in finding.cells and finding.severity is Severity.ERROR
    assert "尚未审结1件" in finding.message


def test_n05_all_upheld_after_saying_a_case_is_pending_speaks_of_the_decided_ones() -> None:
    report = seed()
    report.text[ON_REQUEST] = "行政复议2件，已审结1件，均获维持，尚未审结1件。"
    report.cells.update({"t4.review.upheld": 1, "t4.review.pending": 1, "t4.review.total": 2})
    assert "N-05" not in narrative(report)


def test_n05_none_happened() -> None:
    report = seed()
    report.text[ON_REQUEST] = "全年未发生因政府信息公开引起的行政复议、行政诉讼。"
    assert "N-05" not in narrative(report)
    report.cells.update({"t4.suit_direct.corrected": 1, "t4.suit_direct.total": 1})
    (finding,) = narrative(report)["N-05"]
    assert "t4.suit_direct.total" in finding.cells and "行政诉讼" in finding.message


@pytest.mark.parametrize("text", [
    "2024年，市政府作为复议机关共办理行政复议案件300件。",
    "全年共审理行政复议案件120件，其中维持80件。",
    "全年未发生行政复议被纠错的情况。",
    "全年被申请行政复议30件，其中涉及政府信息公开的1件。",  # narrows later: 30 is all reviews
])
def test_n05_the_agency_deciding_cases_itself_is_not_table_four(text: str) -> None:
    report = huaian()
    report.text["text.s6"] = text
    assert "N-05" not in narrative(report)


def test_n05_separate_kinds_of_suit() -> None:
    report = huaian()
    report.text[ON_REQUEST] = ("被提起政府信息公开行政诉讼46件（未经复议直接起诉26件，复议后起诉20件），"
                               "其中结果维持25件。")
    assert "N-05" not in narrative(report)
    report.cells.update({"t4.suit_direct.upheld": 14, "t4.suit_direct.other": 7})
    assert "N-05" in narrative(report)


# ---- N-06


def test_n06_regulations_in_the_huaian_text() -> None:
    report = huaian_with_text()
    assert "N-06" not in narrative(report)  # 政策性文件11件 is broader than 行政规范性文件 8
    report.cells["t2.regulations.issued"] = 2
    (finding,) = narrative(report)["N-06"]
    assert pointed_at(report, finding) == ["1件"] and finding.cells == (PROACTIVE, "t2.regulations.issued")
    assert finding.severity is Severity.WARNING


@pytest.mark.parametrize("text,flagged", [
    ("全年制发规章1件、行政规范性文件8件。", False),
    ("全年制发规章1件、行政规范性文件9件。", True),
    ("现行有效规章11件，现行有效行政规范性文件66件。", False),
    ("废止行政规范性文件25件。", True),
    ("全年审查规范性文件30件，备案规章2件。", False),
    ("建立健全规章制度5项。", False),
])
def test_n06_wordings(text: str, flagged: bool) -> None:
    report = huaian()
    report.text[PROACTIVE] = text
    assert ("N-06" in narrative(report)) is flagged


def test_every_narrative_finding_names_real_keys() -> None:
    report = huaian_with_text()
    report.cells.update({"t3.new.total": 1, "t4.review.total": 1, "t2.regulations.issued": 5})
    for findings in narrative(report).values():
        for finding in findings:
            assert finding.cells[0].startswith("text.")
            assert all(k in CELLS or k.startswith(("text.", "meta.")) for k in finding.cells)
            assert finding.spans and all(s.key == finding.cells[0] for s in finding.spans)
            assert all(0 <= s.start < s.end <= len(report.text[s.key]) for s in finding.spans)


def test_huaian_sentences_keep_quiet_for_any_tables() -> None:
    """Dates, phone numbers, 5500余条, 95个, 100%, 12场 are never compared with a table."""
    report = seed()
    report.text.update({k: v for k, v in HUAIAN_TEXT.items() if k not in (ON_REQUEST, PROACTIVE)})
    report.text.update({ON_REQUEST: "", PROACTIVE: HUAIAN_TEXT[PROACTIVE].replace("规章1件、", "")})
    report.meta.year = 2024
    report.meta.agency = "淮安市人民政府"
    report.meta.date = dt.date(2025, 1, 20)
    for value in (0, 1, 100, 12, 95, 5500, 711):
        report.cells.update({k: value for k in CELLS if k != "t2.fees.amount"})
        assert narrative(report) == {}


# ---- wordings met in other published reports (numbers changed to Huaian's tables)


@pytest.mark.parametrize("text", [
    "全市共收到政府信息公开申请3119件；答复政府信息公开申请3050件（含上年度转结），均在法定期限内予以答复。",
    "收到依申请公开请求3119件，按时办结3050件。",
    "其中予以公开及部分公开1816件，占59.54%；无法提供781件。",
    "其中同意公开或部分公开共1816件，公开率为59.5%。",
])
def test_other_published_wordings_agree_with_their_tables(text: str) -> None:
    report = huaian()
    report.text[ON_REQUEST] = text
    assert narrative(report) == {}


def test_joined_result_groups_are_added_up() -> None:
    report = huaian()
    report.text[ON_REQUEST] = "其中予以公开及部分公开1815件，占59.54%。"
    (finding,) = narrative(report)["N-03"]
    assert "予以公开、部分公开" in finding.message and "（1816件）" in finding.message
    assert set(finding.cells[1:]) == {"t3.granted.total", "t3.partial.total"}
    report.text[ON_REQUEST] = "其中予以公开及部分公开1816件，占45%。"
    assert "N-04" in narrative(report)


def test_answered_including_carried_in_cases_is_compared_with_the_results_total() -> None:
    report = huaian()
    report.text[ON_REQUEST] = "答复政府信息公开申请3049件（含上年度转结）。"
    (finding,) = narrative(report)["N-02"]
    assert pointed_at(report, finding) == ["3049件"] and finding.cells[1] == "t3.total.total"


def test_none_received_as_matters() -> None:
    report = seed()
    report.text[ON_REQUEST] = "2023年，未收到依申请公开事项。"
    assert narrative(report) == {}
    set_total(report, "new", 1)
    assert [f.rule for f in narrative(report)["N-02"]] == ["N-02"]


@pytest.mark.parametrize("text", [
    "主动公开市政府规章13件（含新制定1件，修改8件，废止4件）。",
    "全市共主动公开新增市政府规章18件（含新制定1件，修改17件）、行政规范性文件707件。",
    "主动公开市政府和市政府办公厅行政规范性文件42件。",
])
def test_n06_counts_of_several_kinds_are_not_one_column(text: str) -> None:
    report = huaian()
    report.text[PROACTIVE] = text
    assert "N-06" not in narrative(report)


def test_a_total_that_contradicts_its_own_parts_is_left_to_the_table_rules() -> None:
    report = huaian_with_text()
    report.cells["t3.new.total"] = 1  # the columns still add up to 3119, as the text says
    found = {f.rule for f in check(report, today=TODAY)}
    assert "T3-03" in found and "N-02" not in found
    report.cells["t3.new.natural"] = 3000  # now neither side of the table says 3119
    assert "N-02" in narrative(report)


def test_n05_outside_section_one_only_disclosure_cases_count() -> None:
    report = huaian()
    report.text["text.s6"] = "全年被申请行政复议5件。"
    assert "N-05" not in narrative(report)
    report.text["text.s6"] = "全年因政府信息公开被申请行政复议5件。"
    assert "N-05" in narrative(report)


def test_n05_a_sentence_that_narrows_to_disclosure_later_is_not_read_as_table_four() -> None:
    report = huaian()
    report.text[ON_REQUEST] = "全年被申请行政复议400件，其中涉及政府信息公开的351件。"
    assert "N-05" not in narrative(report)
    report.text[ON_REQUEST] = "全年被申请行政复议400件。"
    assert "N-05" in narrative(report)
