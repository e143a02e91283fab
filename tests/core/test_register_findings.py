"""The register against typed figures (R-01) and last year's carry-over (R-02, R-03)."""

from __future__ import annotations

from desktop.core import edits
from desktop.core.lastyear import snapshot
from desktop.core.register.compute import account, check_last_register, findings
from desktop.core.register.findings import register_values
from desktop.core.report import Report
from tests.fixtures.registers import D, guessed

THIS_YEAR = [
    ["2023-07", D(2023, 12, 27), "自然人", "予以公开", D(2024, 1, 10)],
    ["2024-01", D(2024, 2, 1), "自然人", "予以公开", D(2024, 2, 9)],
    ["2024-02", D(2024, 3, 1), "自然人", "部分公开", D(2024, 3, 9)],
    ["2024-03", D(2024, 4, 1), "商业企业", "不予处理–重复申请", D(2024, 4, 9)],
]
LAST_YEAR = [
    ["2023-05", D(2023, 5, 1), "自然人", "予以公开", D(2023, 5, 9)],
    ["2023-06", D(2023, 12, 20), "法律服务机构", "办理中", None],  # open on 31 December, missing this year
    ["2023-07", D(2023, 12, 27), "自然人", "尚未办结", None],  # open, and carried into this year's register
]


def _report() -> Report:
    return Report.new("某乡", "township", 2024)


def test_typed_figures_that_differ_from_the_register_are_findings_with_the_register_rows_and_a_fix() -> None:
    result = account([guessed(THIS_YEAR)], 2024)
    report = _report()
    report.cells["t3.new.natural"] = 3  # the register has 2 (rows 3 and 4)
    report.cells["t3.granted.natural"] = 2  # right
    report.cells["t3.not_processed_2.business"] = 0  # the register has 1 (row 5)
    found = findings(report, result)
    assert [(f.rule, f.cells, f.message) for f in found] == [
        ("R-01", ("t3.new.natural",),
         "表三 一、本年新收政府信息公开申请数量 / 自然人：填的是3，台账中是2件（台账第3、4行）"),
        ("R-01", ("t3.not_processed_2.business",),
         "表三 （五）不予处理 2.重复申请 / 商业企业：填的是0，台账中是1件（台账第5行）"),
    ]
    fix = found[0].fix
    assert fix is not None and fix.label == "采用台账数值2" and fix.values == (("t3.new.natural", 2),)
    edit = edits.plan_many(report, fix.values, fix.label)
    edits.apply(report, edit)
    assert report.cells["t3.new.natural"] == 2 and report.cells["t3.new.total"] == 2  # its total follows


def test_a_blank_cell_is_not_a_difference_and_totals_are_compared_only_when_typed_by_hand() -> None:
    result = account([guessed(THIS_YEAR)], 2024)
    report = _report()
    report.cells["t3.new.total"] = 9
    assert findings(report, result) == []  # computed by the editor from its (blank) parts
    report.manual_totals = True
    assert [f.cells for f in findings(report, result)] == [("t3.new.total",)]


def test_writing_the_register_into_the_report_is_one_edit() -> None:
    result = account([guessed(THIS_YEAR)], 2024)
    report = _report()
    edit = edits.plan_many(report, register_values(report, result.tallies[0]), "从台账填写表三")
    edits.apply(report, edit)
    assert all(report.cells[k] == v for k, v in result.values().items())
    assert findings(report, result) == []
    edits.revert(report, edit)
    assert all(report.cells[k] is None for k in result.values())


def test_an_application_open_at_the_end_of_last_year_must_be_in_this_years_register() -> None:
    result = account([guessed(THIS_YEAR)], 2024)
    check_last_register(result, *guessed(LAST_YEAR))
    found = findings(_report(), result)
    assert [(f.rule, f.cells) for f in found] == [("R-02", ("t3.carried_in.legal",))]
    assert found[0].message == ("2023年台账第3行的申请（编号2023-06）（2023-12-20收到，法律服务机构）到上年底尚未办结，"
                                "本年台账中却没有它；上年结转的申请应登记在本年台账中")


def test_without_numbers_the_carried_application_is_found_by_its_date_and_applicant() -> None:
    this_year = [[None, *row[1:]] for row in THIS_YEAR]
    last_year = [[None, *row[1:]] for row in LAST_YEAR]
    result = account([guessed(this_year)], 2024)
    check_last_register(result, *guessed(last_year))
    assert [f.message.split("的申请")[0] for f in result.carry_findings] == ["2023年台账第3行"]
    result = account([guessed(this_year[1:])], 2024)  # the carried application left out this year too
    check_last_register(result, *guessed(last_year))
    assert len(result.carry_findings) == 2


def test_carry_in_against_last_years_report() -> None:
    last = Report.new("某乡", "township", 2023)
    last.cells.update({f"t3.carried_out.{c}": 0 for c in ("business", "research", "nonprofit", "legal", "other_org")})
    last.cells["t3.carried_out.natural"] = 2
    last.cells["t3.carried_out.total"] = 2
    report = _report()
    report.previous = snapshot(last)
    result = account([guessed(THIS_YEAR)], 2024)
    found = findings(report, result)
    assert [(f.rule, f.cells, f.message) for f in found] == [
        ("R-03", ("t3.carried_in.natural",),
         "2023年报告的结转下年度继续办理（自然人）为2件，本年台账中上年结转的只有1件（台账第2行）"),
        ("R-03", ("t3.carried_in.total",),
         "2023年报告的结转下年度继续办理（总计）为2件，本年台账中上年结转的只有1件（台账第2行）"),
    ]
    report.previous = snapshot(Report.new("某乡", "township", 2021))  # not the year before: not compared
    assert findings(report, result) == []
