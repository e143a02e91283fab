"""nianbao register: a register printed as table 三 and 四, written into a report, and checked against last
year's register and report."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.cli import main
from desktop.core import storage
from desktop.core.report import Report
from tests.fixtures.registers import D, write_csv, write_xlsx

APPLICATIONS = [
    ["登记编号", "受理日期", "申请人身份", "答复结果", "答复日期"],
    ["2023-09", D(2023, 12, 20), "自然人", "予以公开", D(2024, 1, 5)],
    ["2024-01", "2024/3/1", "企业", "不予公开–属于国家秘密", 45_400],
    ["2024-02", 45_500, "律师", "办理中", None],
]
CASES = [["案件类型", "审理结果", "审结日期"], ["行政复议", "维持", D(2024, 5, 1)], ["复议后起诉", "尚未审结", None]]


def run(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_prints_tables_three_and_four(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = write_xlsx(tmp_path / "台账.xlsx", {"依申请": APPLICATIONS, "复议诉讼": CASES})
    code, out, _ = run(capsys, "register", str(path), "--year", "2024")
    assert code == 0
    assert "收到日期：受理日期（第2列）" in out and "办结日期：答复日期（第5列）" in out
    assert "台账.xlsx（依申请）：共3行，3行计入2024年表三" in out
    assert "一、本年新收政府信息公开申请数量\t0\t1\t0\t0\t1\t0\t2" in out
    assert "二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1" in out
    assert "（三）不予公开 1.属于国家秘密\t0\t1\t0\t0\t0\t0\t1" in out
    assert "四、结转下年度继续办理\t0\t0\t0\t0\t1\t0\t1" in out
    assert "行政复议\t1\t0\t0\t0\t1" in out and "行政诉讼 复议后起诉\t0\t0\t0\t1\t1" in out


def test_apply_writes_the_tables_and_tells_the_differences(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    register = write_xlsx(tmp_path / "台账.xlsx", {"依申请": APPLICATIONS, "复议诉讼": CASES})
    report_file = tmp_path / "r.nianbao"
    report = Report.new("某乡", "township", 2024)
    report.cells["t3.new.natural"] = 1  # typed, the register has 0
    storage.save(report, report_file)
    code, out, _ = run(capsys, "register", str(register), "--apply", str(report_file))
    assert code == 0
    assert "警告 [R-01] 表三 一、本年新收政府信息公开申请数量 / 自然人：填的是1，台账中是0件（台账中没有）" in out
    assert "已将表三、表四写入" in out
    saved = storage.load(report_file)
    assert saved.cells["t3.new.natural"] == 0 and saved.cells["t3.new.total"] == 2
    assert saved.cells["t3.carried_out.legal"] == 1 and saved.cells["t4.suit_after_review.pending"] == 1
    assert saved.cells["t2.licensing.decisions"] is None  # only the register's tables


def test_apply_writes_nothing_while_a_word_is_not_recognised(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    rows = [*APPLICATIONS, ["2024-03", "2024-04-01", "匿名", "不予公开", "2024-04-03"]]
    register = write_csv(tmp_path / "台账.csv", rows)
    report_file = tmp_path / "r.nianbao"
    storage.save(Report.new("某乡", "township", 2024), report_file)
    before = report_file.read_bytes()
    code, out, err = run(capsys, "register", str(register), "--apply", str(report_file))
    assert code == 1
    assert "申请人类型“匿名”对应不到表三：台账第5行，未计入" in out
    assert "办理结果“不予公开”对应不到表三：台账第5行，未计入" in out
    assert "未写入报告" in err and report_file.read_bytes() == before


def test_last_years_register_and_report(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    register = write_xlsx(tmp_path / "2024.xlsx", {"依申请": APPLICATIONS})
    last_register = write_xlsx(tmp_path / "2023.xlsx", {"依申请": [
        APPLICATIONS[0], APPLICATIONS[1], ["2023-08", D(2023, 12, 1), "科研机构", "办理中", None]]})
    code, out, _ = run(capsys, "register", str(register), "--year", "2024", "--last-year", str(last_register), "--json")
    assert code == 1
    (finding,) = json.loads(out)["findings"]
    assert finding["rule"] == "R-02" and finding["cells"] == ["t3.carried_in.research"]
    last = Report.new("某乡", "township", 2023)
    last.cells["t3.carried_out.natural"] = 3
    storage.save(last, tmp_path / "2023.nianbao")
    last_report = str(tmp_path / "2023.nianbao")
    code, out, _ = run(capsys, "register", str(register), "--year", "2024", "--last-year", last_report)
    assert "警告 [R-03] 2023年报告的结转下年度继续办理（自然人）为3件，本年台账中上年结转的只有1件（台账第2行）" in out


def test_refusals(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    register = write_csv(tmp_path / "台账.csv", APPLICATIONS)
    assert run(capsys, "register", str(register))[2] == "错误：请用 --year 指定报告年度，如 --year 2024\n"
    code, _, err = run(capsys, "register", str(register), "--year", "1024")
    assert code == 2 and "2008到2100" in err
    code, _, err = run(capsys, "register", str(tmp_path / "无.xlsx"), "--year", "2024")
    assert code == 2 and "无法读取" in err
    no_result = write_csv(tmp_path / "缺列.csv", [["收到日期", "申请人类型", "办结日期"], ["2024-01-01", "自然人", ""]])
    code, _, err = run(capsys, "register", str(no_result), "--year", "2024")
    assert code == 2 and "找不到办理结果列" in err
    storage.save(Report.new("某乡", "township", 2023), tmp_path / "r.nianbao")
    code, _, err = run(capsys, "register", str(register), "--year", "2024", "--apply", str(tmp_path / "r.nianbao"))
    assert code == 2 and "报告是2023年度的" in err
