"""N-07 (year), N-08 (agency) and S-02 (section 一 covers its parts) on real preambles and paragraphs."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.checks import Finding, Severity, check
from desktop.core.report import Report
from tests.core.test_narrative_texts import HUAIAN_TEXT, huaian_with_text
from tests.fixtures.reports import huaian, seed

TODAY = dt.date(2025, 1, 10)
PREAMBLE = HUAIAN_TEXT["text.preamble"]


def rules(report: Report, *ids: str) -> dict[str, list[Finding]]:
    found: dict[str, list[Finding]] = {}
    for finding in check(report, today=TODAY):
        if finding.rule in ids:
            found.setdefault(finding.rule, []).append(finding)
    return found


def pointed_at(report: Report, finding: Finding) -> list[str]:
    return [report.text[s.key][s.start:s.end] for s in finding.spans]


# ---- N-07


def test_n07_real_reports_mention_other_years_without_a_finding() -> None:
    report = seed()  # 《2023年贵溪市政务公开工作要点》, 紧密结合我乡2024年重点工作, 国办函〔2020〕109号
    assert "2024年重点工作" in report.text["text.s6"]
    assert rules(report, "N-07") == {}
    report = huaian_with_text()
    report.meta.date = dt.date(2025, 1, 20)
    assert rules(report, "N-07") == {}


def test_n07_statistics_period_of_another_year() -> None:
    report = huaian_with_text()
    report.text["text.preamble"] = PREAMBLE.replace("自2024年1月1日至2024年12月31日", "自2023年1月1日至2023年12月31日")
    (finding,) = rules(report, "N-07")["N-07"]
    assert finding.severity is Severity.ERROR
    assert pointed_at(report, finding) == ["2023", "2023"]
    assert finding.cells == ("text.preamble", "meta.year")
    assert "2023年1月1日至2023年12月31日" in finding.message


def test_n07_only_the_wrong_end_of_the_period_is_pointed_at() -> None:
    report = huaian_with_text()
    report.text["text.preamble"] = PREAMBLE.replace("至2024年12月31日", "至2023年12月31日")
    (finding,) = rules(report, "N-07")["N-07"]
    assert pointed_at(report, finding) == ["2023"]
    assert finding.spans[0].start == report.text["text.preamble"].index("2023年12月31日")


def test_n07_a_paragraph_about_the_year_opening_with_last_year() -> None:
    report = huaian_with_text()
    report.text["text.s1.intro"] = HUAIAN_TEXT["text.s1.intro"].replace("2024年，", "2023年，", 1)
    (finding,) = rules(report, "N-07")["N-07"]
    assert finding.cells == ("text.s1.intro", "meta.year") and pointed_at(report, finding) == ["2023"]


@pytest.mark.parametrize("key,text", [
    ("text.s6", "2025年，我市将继续深化政务公开，力争取得新成效。"),  # plans for next year
    ("text.s5", "2023年，我局年度报告指出的问题已全部整改。"),  # section 五 looks back on last year's problems
    ("text.s1.oversight", "2023年以来，未发生因不履行政务公开义务而发生的责任追究情况。"),
    ("text.s6", "1.全面贯彻落实《2024年江苏省政务公开工作要点》。"),
])
def test_n07_other_years_in_ordinary_sentences(key: str, text: str) -> None:
    report = huaian_with_text()
    report.text[key] = text
    assert "N-07" not in rules(report, "N-07")


def test_n07_date_of_writing_falls_in_the_following_year() -> None:
    report = seed()
    assert report.meta.date == dt.date(2024, 1, 4)
    report.meta.date = dt.date(2023, 12, 28)
    (finding,) = rules(report, "N-07")["N-07"]
    assert finding.severity is Severity.WARNING and finding.cells == ("meta.date", "meta.year")


def test_n07_preamble_naming_another_years_report() -> None:
    report = huaian_with_text()
    report.text["text.preamble"] = "现公布淮安市人民政府2023年政府信息公开工作年度报告。" + PREAMBLE
    (finding,) = rules(report, "N-07")["N-07"]
    assert pointed_at(report, finding) == ["2023"]
    report.text["text.preamble"] = "与2023年政府信息公开工作年度报告相比，本年度新增了专栏。" + PREAMBLE
    assert "N-07" not in rules(report, "N-07")


def test_n07_signature_date_at_the_end_of_section_six() -> None:
    report = seed()
    report.text["text.s6"] += "\n耳口乡人民政府\n2024年1月4日"
    assert "N-07" not in rules(report, "N-07")
    report.text["text.s6"] = report.text["text.s6"].replace("2024年1月4日", "2023年1月4日")
    (finding,) = rules(report, "N-07")["N-07"]
    assert pointed_at(report, finding) == ["2023"] and finding.severity is Severity.WARNING


# ---- N-08


def test_n08_huaian_preamble_names_the_governments_own_office() -> None:
    assert rules(huaian_with_text(), "N-08") == {}


def test_n08_a_preamble_left_over_from_another_city() -> None:
    report = huaian_with_text()
    report.text["text.preamble"] = PREAMBLE.replace("本报告由淮安市人民政府办公室", "本报告由宿迁市人民政府办公室")
    (finding,) = rules(report, "N-08")["N-08"]
    assert pointed_at(report, finding) == ["宿迁市人民政府办公室"]
    assert finding.cells == ("text.preamble", "meta.agency") and finding.severity is Severity.WARNING


@pytest.mark.parametrize("agency,preamble", [
    ("耳口乡", "本报告由耳口乡人民政府根据《中华人民共和国政府信息公开条例》编制。"),
    ("贵溪市耳口乡", "本报告由耳口乡人民政府办公室编制。"),
    ("淮安市交通运输局", "本报告由淮安市人民政府办公室汇总编制。"),  # related, not a clear conflict
    ("耳口乡", "耳口乡人民政府根据《中华人民共和国政府信息公开条例》要求编制本报告。"),
])
def test_n08_names_that_do_not_clearly_conflict(agency: str, preamble: str) -> None:
    report = seed()
    report.meta.agency = agency
    report.text["text.preamble"] = preamble
    assert "N-08" not in rules(report, "N-08")


def test_n08_signature_of_another_agency() -> None:
    report = seed()
    report.text["text.s6"] += "\n耳口乡人民政府\n2024年1月4日"
    assert "N-08" not in rules(report, "N-08")
    report.text["text.s6"] = report.text["text.s6"].replace("耳口乡人民政府\n", "塘湾镇人民政府\n")
    (finding,) = rules(report, "N-08")["N-08"]
    assert pointed_at(report, finding) == ["塘湾镇人民政府"]


# ---- S-02


def test_s02_real_reports_cover_section_one() -> None:
    assert rules(seed(), "S-02") == {}  # 考核 and 责任追究 in （五）
    assert rules(huaian(), "S-02") == {}  # short placeholder （五）: not yet judged


def test_s02_a_missing_part() -> None:
    report = seed()
    report.text["text.s1.platform"] = ""
    (finding,) = rules(report, "S-02")["S-02"]
    assert finding.cells == ("text.s1.platform",) and "（四）政府信息公开平台建设" in finding.message


def test_s02_a_part_written_inside_another_is_covered() -> None:
    report = seed()
    report.text["text.s1.management"] += report.text["text.s1.platform"].replace("我乡", "平台建设方面，我乡", 1)
    report.text["text.s1.platform"] = ""
    assert rules(report, "S-02") == {}


def test_s02_governments_report_assessment_and_accountability() -> None:
    report = huaian_with_text()  # the real （五） reports inspections and training, not 考核/评议/追究
    (finding,) = rules(report, "S-02")["S-02"]
    assert finding.cells == ("text.s1.oversight",) and "责任追究" in finding.message
    report.text["text.s1.oversight"] += "将政务公开工作纳入年度绩效考核，全年未发生责任追究情况。"
    assert rules(report, "S-02") == {}
    report = huaian_with_text()
    report.meta.level = "city_dept"  # type: ignore[assignment]
    assert rules(report, "S-02") == {}


def test_s02_an_empty_section_one_is_left_to_s01() -> None:
    report = seed()
    report.text.update({k: "" for k in report.text if k.startswith("text.s1")})
    found = rules(report, "S-01", "S-02")
    assert "S-01" in found and "S-02" not in found


def test_n07_statistics_period_without_the_second_year() -> None:
    report = huaian_with_text()
    report.text["text.preamble"] = "本年度报告中所列数据统计期限为2024年1月1日至12月31日。"
    assert "N-07" not in rules(report, "N-07")
    report.text["text.preamble"] = "本年度报告中所列数据统计期限从2023年1月1日到12月31日止。"
    (finding,) = rules(report, "N-07")["N-07"]
    assert pointed_at(report, finding) == ["2023"] and "2023年1月1日至12月31日" in finding.message


def test_n08_compiled_by_wording() -> None:
    report = huaian_with_text()
    report.text["text.preamble"] = ("本年度报告根据《中华人民共和国政府信息公开条例》的要求，"
                                    "由淮安市人民政府办公室编制。")
    assert "N-08" not in rules(report, "N-08")
    report.text["text.preamble"] = report.text["text.preamble"].replace("淮安市", "扬州市")
    (finding,) = rules(report, "N-08")["N-08"]
    assert pointed_at(report, finding) == ["扬州市人民政府办公室"]


@pytest.mark.parametrize("named,agency,conflict", [
    ("扬州市人民政府办公室", "淮安市人民政府", True),
    ("塘湾镇人民政府", "耳口乡", True),
    ("淮安市人民政府办公室", "淮安市人民政府", False),
    ("耳口乡人民政府", "贵溪市耳口乡", False),
    ("淮安市人民政府办公室", "淮安市交通运输局", False),
    ("苏州市人民政府", "扬州市人民政府", True),
    ("市政府办公室", "淮安市人民政府", False),  # no place name to compare
])
def test_clear_conflict(named: str, agency: str, conflict: bool) -> None:
    from desktop.core.narrative.rules_meta import clear_conflict

    assert clear_conflict(named, agency) is conflict
