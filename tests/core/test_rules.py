"""Every rule of RULES.md that the core decides: a passing and a failing case each."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal

import pytest

from desktop.core.checks import Severity, check
from desktop.core.checks.catalogue import RULES
from desktop.core.checks.equations import EQUATIONS
from desktop.core.lastyear import snapshot
from desktop.core.report import Report
from desktop.core.tablespec import CELLS
from tests.fixtures.reports import SPEC, huaian, seed

TODAY = dt.date(2025, 1, 10)


def rules_of(report: Report, **kwargs) -> dict[str, list]:  # type: ignore[no-untyped-def]
    found: dict[str, list] = {}
    for f in check(report, today=kwargs.pop("today", TODAY), **kwargs):
        found.setdefault(f.rule, []).append(f)
    return found


def test_a_correct_full_report_has_no_findings() -> None:
    assert rules_of(huaian()) == {}


def test_the_seed_report_passes_the_table_rules() -> None:
    report = seed()
    assert report.meta.agency == "耳口乡" and report.meta.year == 2023
    assert all(v == 0 for v in report.cells.values())
    assert rules_of(report, today=dt.date(2024, 1, 10)) == {}


def test_catalogue_agrees_with_rules_md() -> None:
    text = (SPEC / "RULES.md").read_text(encoding="utf-8")
    listed = dict(re.findall(r"^\| ([TNS]\d?-\d\d) \|.*\| (error|warning|info)[^|]*\|$", text, re.M))
    assert set(listed) == set(RULES)
    for rule_id, severity in listed.items():
        assert RULES[rule_id].severity.value == severity, rule_id


def test_equations_cover_every_total_in_the_spec() -> None:
    checked = {eq.left[0] for eq in EQUATIONS if len(eq.left) == 1}
    assert checked == {key for key, spec in CELLS.items() if spec.is_total}
    assert all(k in CELLS for eq in EQUATIONS for k in eq.left + eq.right)


def _with(**cells: object) -> Callable[[Report], None]:
    def change(report: Report) -> None:
        for key, value in cells.items():
            report.cells[key.replace("__", ".")] = value  # type: ignore[assignment]
    return change


def _text(key: str, value: str) -> Callable[[Report], None]:
    def change(report: Report) -> None:
        report.text[key] = value
    return change


def _level(level: str) -> Callable[[Report], None]:
    def change(report: Report) -> None:
        report.meta.level = level  # type: ignore[assignment]
    return change


FAILING: list[tuple[str, Callable[[Report], None], Severity]] = [
    ("T3-01", _with(t3__carried_out__natural=104, t3__carried_out__total=104), Severity.ERROR),
    ("T3-02", _with(t3__granted__natural=1289, t3__granted__total=1363), Severity.ERROR),
    ("T3-03", _with(t3__new__total=3120), Severity.ERROR),
    ("T3-04", _with(t3__denied_3__legal=None), Severity.ERROR),
    ("T3-06", _with(t3__carried_out__research=1, t3__new__research=0), Severity.ERROR),
    ("T3-08", _text("text.s6", "本年度未收取信息处理费。认真落实政务公开工作要点。"), Severity.WARNING),
    ("T4-01", _with(t4__review__pending=38), Severity.ERROR),
    ("T4-02", _with(t4__suit_direct__other=None), Severity.ERROR),
    ("T4-03", _with(**{f"t4__review__{k}": 0 for k in ("upheld", "corrected", "other", "pending", "total")}),
     Severity.WARNING),
    ("T2-01", _with(t2__penalty__decisions=None), Severity.ERROR),
    ("T2-02", _level("county_gov"), Severity.ERROR),
    ("T2-04", _with(t2__regulations__in_force=0), Severity.WARNING),
    ("T2-05", _with(t2__fees__amount=Decimal("190.457379")), Severity.WARNING),
    ("S-01", lambda r: r.text.update({k: "" for k in r.text if k.startswith("text.s1")}), Severity.ERROR),
    ("S-03", _text("text.s5", "无。"), Severity.ERROR),
    ("S-05", _text("text.s6", "本年度发出收费通知6件。认真落实政务公开工作要点。"), Severity.WARNING),
    ("S-06", _text("text.s6", "本年度发出收费通知6件，未收取信息处理费。"), Severity.WARNING),
    ("S-09", _text("text.s1.intro", "按照国办公开办函〔2019〕60号的格式编写。"), Severity.WARNING),
]


@pytest.mark.parametrize("rule,change,severity", FAILING, ids=[c[0] for c in FAILING])
def test_rule_fails_on_a_broken_report(rule: str, change: Callable[[Report], None], severity: Severity) -> None:
    report = huaian()
    change(report)
    found = rules_of(report)
    assert rule in found, found.keys()
    assert found[rule][0].severity is severity
    assert all(k in CELLS or k.startswith(("text.", "meta.")) for f in found[rule] for k in f.cells)


def test_t3_01_message_gives_both_sums_and_the_column() -> None:
    report = huaian()
    report.cells["t3.carried_out.natural"] = 104
    (finding,) = rules_of(report)["T3-01"]
    assert finding.message == "第一项加第二项之和(3035)应等于第三项加第四项之和(3036)：表三 自然人列"
    assert set(finding.cells) == {"t3.new.natural", "t3.carried_in.natural", "t3.total.natural",
                                  "t3.carried_out.natural"}
    assert finding.fix is None  # which of the four is wrong is not decidable


def test_a_wrong_total_gets_a_one_click_fix() -> None:
    report = huaian()
    report.cells["t4.review.total"] = 350
    (finding,) = rules_of(report)["T4-01"]
    assert "总计(350)" in finding.message and "(351)" in finding.message
    assert finding.fix is not None and finding.fix.label == "将总计改为351"
    assert finding.fix.values == (("t4.review.total", 351),)


def test_blank_table_cells_are_one_finding_per_table_with_fill_zero_as_its_fix() -> None:
    report = huaian()
    report.cells["t3.new.natural"] = None
    report.cells["t3.granted.business"] = None
    (finding,) = rules_of(report)["T3-04"]
    assert finding.cells == ("t3.new.natural", "t3.granted.business")
    assert finding.message.startswith("表三有2个单元格未填写") and "空白不等于0" in finding.message
    assert finding.fix is not None and finding.fix.label == "空白填0（表三）"
    assert finding.fix.values == (("t3.new.natural", 0), ("t3.granted.business", 0))


def test_a_new_report_lists_real_inconsistencies_before_its_blanks() -> None:
    report = Report.new("某乡", "township", 2024)
    report.manual_totals = True
    for item, value in (("upheld", 1), ("corrected", 0), ("other", 0), ("pending", 0), ("total", 5)):
        report.cells[f"t4.review.{item}"] = value  # a wrong total among the blanks
    errors = [f.rule for f in check(report, today=dt.date(2025, 1, 10)) if f.severity is Severity.ERROR]
    assert errors.index("T4-01") < min(errors.index(r) for r in ("T2-01", "T3-04", "T4-02"))
    assert sum(r in ("T2-01", "T3-04", "T4-02") for r in errors) == 3  # one per table, not one per row


def test_t2_02_is_only_a_warning_for_city_departments_and_silent_for_rule_makers() -> None:
    report = huaian()
    report.meta.level = "city_dept"  # type: ignore[assignment]
    assert rules_of(report)["T2-02"][0].severity is Severity.WARNING
    report.meta.level = "province_gov"  # type: ignore[assignment]
    assert "T2-02" not in rules_of(report)


def test_township_regulations_fix_sets_zero() -> None:
    report = seed()
    report.cells["t2.regulations.issued"] = 2
    report.cells["t2.regulations.in_force"] = 2
    (finding,) = rules_of(report, today=dt.date(2024, 1, 10))["T2-02"]
    assert finding.fix is not None
    assert dict(finding.fix.values) == {"t2.regulations.issued": 0, "t2.regulations.in_force": 0}


def test_t2_05_large_fee_for_a_township() -> None:
    report = seed()
    report.cells["t2.fees.amount"] = Decimal("120000")
    assert "T2-05" in rules_of(report, today=dt.date(2024, 1, 10))


def test_t2_06_trial_format_from_import() -> None:
    report = huaian()
    report.provenance.trial_2019_headers = ["本年新制作数量"]
    assert rules_of(report)["T2-06"][0].severity is Severity.ERROR


def test_s_05_is_an_error_when_section_six_is_empty() -> None:
    report = huaian()
    report.text["text.s6"] = "  "
    assert rules_of(report)["S-05"][0].severity is Severity.ERROR


def test_s_06_only_for_peoples_governments() -> None:
    report = huaian()
    report.text["text.s6"] = "本年度未收取信息处理费。"
    report.meta.level = "city_dept"  # type: ignore[assignment]
    assert "S-06" not in rules_of(report)


@pytest.mark.parametrize("today,expected", [
    (dt.date(2025, 1, 10), None),
    (dt.date(2025, 3, 20), "还有11天"),
    (dt.date(2025, 4, 2), "公开期限2025年3月31日已过2天"),
])
def test_s_07_deadline_for_governments(today: dt.date, expected: str | None) -> None:
    found = rules_of(huaian(), today=today).get("S-07")
    if expected is None:
        assert found is None
    else:
        assert expected in found[0].message  # type: ignore[index]


def test_s_07_departments_publish_by_january_and_a_timely_date_silences_it() -> None:
    report = huaian()
    report.meta.level = "city_dept"  # type: ignore[assignment]
    report.text["text.s6"] = "未收取信息处理费。"
    report.cells["t2.regulations.issued"] = report.cells["t2.regulations.in_force"] = 0
    assert "2025年1月31日" in rules_of(report, today=dt.date(2025, 2, 3))["S-07"][0].message
    report.meta.date = dt.date(2025, 1, 20)
    assert "S-07" not in rules_of(report, today=dt.date(2025, 6, 1))
    report.meta.date = dt.date(2025, 2, 20)
    assert "晚于" in rules_of(report, today=dt.date(2025, 6, 1))["S-07"][0].message


# ---- rules that need last year's report


def last_year() -> Report:
    report = huaian()
    report.meta.year = 2023
    report.cells.update({"t3.carried_out.natural": 34, "t3.carried_out.total": 34})
    report.cells.update({"t3.total.natural": 3001, "t3.total.total": 3119})  # consistency is not needed here
    return report


def test_t3_05_carried_in_must_equal_last_carried_out() -> None:
    previous = snapshot(last_year())
    assert "T3-05" not in rules_of(huaian(), previous=previous)
    report = huaian()
    report.cells["t3.carried_in.natural"] = 30
    (finding,) = rules_of(report, previous=previous)["T3-05"]
    assert finding.fix is not None and finding.fix.values == (("t3.carried_in.natural", 34),)
    assert "2023年报告" in finding.message


def test_t2_03_in_force_continues_from_last_year() -> None:
    previous = snapshot(last_year())
    previous.cells["t2.normative_docs.in_force"] = 84  # 84 + 8 − 26 = 66
    previous.cells["t2.regulations.in_force"] = 10  # 10 + 1 − 0 = 11
    assert "T2-03" not in rules_of(huaian(), previous=previous)
    previous.cells["t2.normative_docs.in_force"] = 90
    (finding,) = rules_of(huaian(), previous=previous)["T2-03"]
    assert "上年现行有效90件" in finding.message and finding.severity is Severity.WARNING


def test_t3_07_a_group_jumping_fivefold_is_a_warning() -> None:
    previous = snapshot(last_year())
    assert "T3-07" not in rules_of(huaian(), previous=previous)
    previous.cells["t3.partial.total"] = 40  # 454 now
    (finding,) = rules_of(huaian(), previous=previous)["T3-07"]
    assert "本年454件，上年40件" in finding.message


def test_t4_04_last_years_pending_cases_must_reappear() -> None:
    previous = snapshot(last_year())
    previous.cells["t4.suit_direct.pending"] = 20  # only 26 results this year: fine
    assert "T4-04" not in rules_of(huaian(), previous=previous)
    previous.cells["t4.suit_direct.pending"] = 30
    assert rules_of(huaian(), previous=previous)["T4-04"][0].cells[0] == "t4.suit_direct.upheld"


def test_previous_kept_in_the_report_is_used_by_default() -> None:
    report = huaian()
    report.previous = snapshot(last_year())
    report.cells["t3.carried_in.natural"] = 1
    assert "T3-05" in rules_of(report)


def test_errors_come_first() -> None:
    report = huaian()
    report.text["text.s6"] = "未收取信息处理费。"  # S-06 warning
    report.cells["t3.new.total"] = 1  # T3-03 error
    severities = [f.severity for f in check(report, today=TODAY)]
    assert severities == sorted(severities, key=lambda s: s.rank)


def test_t2_03_repealing_more_than_was_in_force() -> None:
    """0 in force last year, none issued, one repealed: 0 + 0 − 1 cannot be the 0 reported."""
    previous = snapshot(last_year())
    previous.cells["t2.normative_docs.in_force"] = 84
    previous.cells["t2.regulations.in_force"] = 0
    report = huaian()
    report.cells.update({"t2.regulations.issued": 0, "t2.regulations.repealed": 1, "t2.regulations.in_force": 0})
    (finding,) = rules_of(report, previous=previous)["T2-03"]
    assert "＝-1件" in finding.message


def test_t2_05_trailing_zeros_are_not_decimal_places() -> None:
    report = huaian()
    report.cells["t2.fees.amount"] = Decimal("1.500000")
    assert "T2-05" not in rules_of(report)
    report.cells["t2.fees.amount"] = Decimal("190.457379")
    assert "T2-05" in rules_of(report)


def test_another_years_report_is_not_used_as_last_year() -> None:
    """A 2022 report linked to a 2024 one would make every carry-over rule compare the wrong figures."""
    two_years_ago = last_year()
    two_years_ago.meta.year = 2022
    two_years_ago.cells["t3.carried_out.natural"] = 5
    two_years_ago.cells["t2.normative_docs.in_force"] = 1
    assert not {"T3-05", "T2-03", "T3-07", "T4-04"} & set(rules_of(huaian(), previous=snapshot(two_years_ago)))
    two_years_ago.meta.year = 2023
    assert {"T3-05", "T2-03"} <= set(rules_of(huaian(), previous=snapshot(two_years_ago)))


@pytest.mark.parametrize("text", ["暂无问题。", "没有问题", "本年度无存在的问题。", "我局暂未发现明显问题。", "无"])
def test_s_03_saying_there_is_nothing_is_not_stating_problems(text: str) -> None:
    report = huaian()
    report.text["text.s5"] = text
    assert rules_of(report)["S-03"][0].severity is Severity.ERROR


def test_s_03_a_problem_stated_briefly_passes() -> None:
    report = huaian()
    report.text["text.s5"] = "问题：政策解读形式单一。改进：增加图解。"
    assert "S-03" not in rules_of(report)


def test_n_08_an_empty_agency_name_is_reported() -> None:
    report = huaian()
    report.meta.agency = " "
    (finding,) = rules_of(report)["N-08"]
    assert finding.cells == ("meta.agency",) and "机关名称为空" in finding.message
