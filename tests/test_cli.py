"""The command line as a county office uses it: new, set, check, next."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core import storage
from desktop.core.report import Report
from tests.fixtures.reports import SEED_FILE, huaian


def run(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_new_set_check_reproduces_a_published_mistake(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = str(tmp_path / "r.nianbao")
    assert run(capsys, "new", "--agency", "某局", "--level", "county_dept", "--year", "2023", "-o", path)[0] == 0
    code, out, _ = run(capsys, "set", path, "t4.review.upheld=２", "t4.review.corrected=0", "t4.review.other=0",
                       "t4.review.pending=0", "t4.review.total=3", "meta.date=2024-01-10")
    assert code == 0
    report = storage.load(path)
    assert report.cells["t4.review.upheld"] == 2
    assert report.cells["t4.review.total"] == 3  # set never recomputes a total
    code, out, _ = run(capsys, "check", path, "--json")
    assert code == 1
    result = json.loads(out)
    (t4,) = [f for f in result["findings"] if f["rule"] == "T4-01"]
    assert t4["severity"] == "error" and t4["cells"][0] == "t4.review.total"
    assert t4["message"] == "总计(3)应等于结果维持、结果纠正、其他结果、尚未审结之和(2)：表四 行政复议"
    assert result["agency"] == "某局" and result["year"] == 2023


def test_invalid_set_changes_nothing_and_exits_non_zero(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "r.nianbao"
    storage.save(huaian(), path)
    before = path.read_bytes()
    code, _, err = run(capsys, "set", str(path), "t3.new.natural=5", "t3.new.business=-1")
    assert code == 1
    assert "表三 一、本年新收政府信息公开申请数量 / 商业企业：必须是不小于0的整数" in err
    assert path.read_bytes() == before


def test_check_exit_codes_and_summary_lines(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    good = tmp_path / "good.nianbao"
    storage.save(huaian(), good)
    broken = huaian()
    broken.cells["t3.new.total"] = 1
    bad = tmp_path / "bad.nianbao"
    storage.save(broken, bad)
    assert run(capsys, "check", str(good), "--today", "2025-01-10")[0] == 0
    code, out, _ = run(capsys, "check", str(good), str(bad), "--today", "2025-01-10")
    assert code == 1
    lines = out.strip().splitlines()
    assert len(lines) == 2 and "错误 0" in lines[0] and "错误 3" in lines[1] and "淮安市人民政府" in lines[1]
    garbage = tmp_path / "garbage.nianbao"
    garbage.write_bytes(b"\x00\x01")
    code, out, _ = run(capsys, "check", str(good), str(garbage))
    assert code == 2 and "无法读取" in out


def test_next_year_carries_over(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    this_year = tmp_path / "2024.nianbao"
    storage.save(huaian(), this_year)
    following = tmp_path / "2025.nianbao"
    assert run(capsys, "next", str(this_year), "-o", str(following))[0] == 0
    report = storage.load(following)
    assert (report.meta.agency, report.meta.level.value, report.meta.year) == ("淮安市人民政府", "city_gov", 2025)
    assert report.cells["t3.carried_in.natural"] == 103 and report.cells["t3.carried_in.total"] == 103
    assert report.cells["t3.new.natural"] is None
    assert report.previous is not None and report.previous.cells["t3.carried_out.total"] == 103
    report.cells["t3.carried_in.natural"] = 100
    storage.save(report, following)
    code, out, _ = run(capsys, "check", str(following), "--json")
    assert any(f["rule"] == "T3-05" for f in json.loads(out)["findings"])


def test_check_with_explicit_last_year(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    last = huaian()
    last.meta.year = 2023
    last.cells["t3.carried_out.natural"] = 30
    last_path = tmp_path / "2023.nianbao"
    storage.save(last, last_path)
    now = tmp_path / "2024.nianbao"
    storage.save(huaian(), now)
    code, out, _ = run(capsys, "check", str(now), "--last-year", str(last_path), "--json")
    assert "T3-05" in {f["rule"] for f in json.loads(out)["findings"]}


def test_check_says_when_the_last_year_file_is_of_another_year(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    older = huaian()
    older.meta.year = 2022
    older.cells["t3.carried_out.natural"] = 30
    older_path = tmp_path / "2022.nianbao"
    storage.save(older, older_path)
    now = tmp_path / "2024.nianbao"
    storage.save(huaian(), now)
    code, out, _ = run(capsys, "check", str(now), "--last-year", str(older_path))
    assert code == 0 and "T3-05" not in out
    assert "未做衔接校验：所选报告是2022年度的，本报告为2024年度" in out
    code, out, _ = run(capsys, "check", str(now), "--last-year", str(older_path), "--json")
    assert "2023年度" in json.loads(out)["last_year_skipped"]


def test_new_refuses_to_overwrite_and_rejects_bad_levels(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "r.nianbao"
    path.write_text("keep")
    code, _, err = run(capsys, "new", "--agency", "x", "--level", "township", "--year", "2023", "-o", str(path))
    assert code == 2 and "已存在" in err and path.read_text() == "keep"
    code, _, err = run(capsys, "new", "--agency", "x", "--level", "village", "--year", "2023", "-o",
                       str(tmp_path / "n.nianbao"))
    assert code == 1 and "机关层级" in err


@pytest.mark.parametrize("argv", [["-m", "desktop", "--help"], ["-m", "desktop", "check", str(SEED_FILE)]])
def test_python_dash_m_desktop_runs(argv: list[str]) -> None:
    done = subprocess.run([sys.executable, *argv], capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert done.returncode == 0, done.stderr
    assert "年报助手" in done.stdout or "耳口乡" in done.stdout


@pytest.mark.parametrize(("given", "level"), [("乡镇", "township"), ("街道", "township"),
                                              ("县级人民政府部门", "county_dept"), ("city_gov", "city_gov")])
def test_new_takes_the_level_by_its_chinese_name(tmp_path: Path, capsys, given: str, level: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "r.nianbao"
    code, _, _ = run(capsys, "new", "--agency", "某乡", "--level", given, "--year", "2024", "-o", str(path))
    assert code == 0 and storage.load(path).meta.level.value == level


def test_help_and_errors_are_in_chinese(capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert out.startswith("用法：nianbao") and "显示本帮助并退出" in out and "usage" not in out
    assert "显示版本号并退出" in out and "show program" not in out
    with pytest.raises(SystemExit):
        main(["new"])
    assert "缺少必需的参数：--agency" in capsys.readouterr().err


def test_without_a_desktop_the_window_command_says_so(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    if not sys.platform.startswith("linux"):
        pytest.skip("a Linux desktop is found through DISPLAY or WAYLAND_DISPLAY")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert main([]) == 3
    assert "没有找到图形桌面" in capsys.readouterr().err


@pytest.mark.parametrize("command", [["set", "{f}", "t3.new.natural=1"], ["next", "{f}", "-o", "{d}/n.nianbao"],
                                     ["export", "{f}", "-o", "{d}/r.pdf"]])
def test_a_published_text_is_never_written_over(tmp_path: Path, capsys, command: list[str]) -> None:  # type: ignore[no-untyped-def]
    published = tmp_path / "已发布.txt"
    published.write_text("2024年某乡政府信息公开工作年度报告\n一、总体情况\n", encoding="utf-8")
    before = published.read_bytes()
    code, _, err = run(capsys, *[a.format(f=published, d=tmp_path) for a in command])
    assert code == 2 and "请先导入" in err and "nianbao import" in err
    assert published.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["已发布.txt"]


def test_a_missing_file_is_named_not_called_a_command(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["没有这个文件.nianbao"]) == 2
    assert "找不到文件“没有这个文件.nianbao”" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["chek"])
    assert "无效的命令" in capsys.readouterr().err


def test_escape_sequences_in_a_report_do_not_reach_the_terminal(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "r.nianbao"
    report = Report.new("某乡\x1b[2J\x1b]0;标题\x07", "township", 2024)
    storage.save(report, path)
    code, out, _ = run(capsys, "check", str(path))
    assert "\x1b" not in out and "\x07" not in out
    assert "某乡\\x1b[2J" in out


def test_check_refuses_a_published_page_without_a_year_instead_of_guessing(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "page.txt"
    page.write_text("一、总体情况\n我们认真落实政务公开工作。\n二、主动公开政府信息情况\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", str(page))
    assert code == 2 and "原文中未找到报告年度" in out and "--year" in out


def test_set_reads_a_long_value_from_a_file(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "r.nianbao"
    storage.save(huaian(), path)
    long_text = "本年度无其他需要报告的事项。" * 20000  # over 128 KB, more than one argument may hold
    value = tmp_path / "s6.txt"
    value.write_text(long_text, encoding="utf-8")
    code, out, _ = run(capsys, "set", str(path), f"text.s6=@{value}", "text.s5=@@开头")
    assert code == 0, out
    report = storage.load(path)
    assert report.text["text.s6"] == long_text and report.text["text.s5"] == "@开头"
    before = path.read_bytes()
    code, _, err = run(capsys, "set", str(path), f"text.s6=@{tmp_path / 'missing.txt'}")
    assert code == 2 and "无法读取" in err and path.read_bytes() == before


def test_export_names_a_character_no_font_draws_in_chinese(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "r.nianbao"
    report = huaian()
    report.text["text.s6"] = "本年度无其他需要报告的事项𝄞。"
    storage.save(report, path)
    code, out, err = run(capsys, "export", str(path), "-o", str(tmp_path / "r.pdf"), "--force")
    assert code == 0 and "已导出" in out
    assert "没有字体能显示字符“𝄞”（U+1D11E）" in err and "no font" not in err


def _long_wrong(repeats: int) -> Report:
    report = huaian()
    report.text["text.s1.on_request"] = "全市共受理政府信息公开申请3120件。" * repeats  # table 三 says 3119
    return report


def test_check_json_of_a_long_text_gives_each_fix_as_a_splice(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Each of a long text's findings printed the whole corrected field: 194 MB for a 1 MB report."""
    path = tmp_path / "long.nianbao"
    report = _long_wrong(2000)
    storage.save(report, path)
    code, out, _ = run(capsys, "check", str(path), "--json")
    assert code == 1
    findings = [f for f in json.loads(out)["findings"] if f["rule"] == "N-02"]
    assert len(findings) == 2000
    assert len(out.encode()) < 3 * len(findings) * 200  # a few hundred bytes each, not the field
    text = report.text["text.s1.on_request"]
    splice = findings[-1]["fix"]["splice"]
    assert splice["key"] == "text.s1.on_request" and splice["text"] == "3119"
    corrected = text[:splice["start"]] + splice["text"] + text[splice["end"]:]
    assert corrected == text[:-len("3120件。")] + "3119件。"


def test_export_of_a_report_with_thousands_of_errors_lists_a_few_and_counts_the_rest(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "long.nianbao"
    storage.save(_long_wrong(500), path)
    code, _, err = run(capsys, "export", str(path), "-o", str(tmp_path / "r.html"))
    assert code == 1
    assert err.count("[错误 N-02]") == 30
    assert "另有470处错误，用 nianbao check 列出全部" in err and "报告有500处错误，未导出" in err
