"""nianbao review on the command line: what it writes, what it refuses, and its exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from desktop.cli import main
from desktop.resources import resource
from tests.review.folders import LATE_DEPARTMENT, received_folder


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_writes_the_workbook_the_page_and_the_sheets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = received_folder(tmp_path)
    book, page, sheets = tmp_path / "审核汇总.xlsx", tmp_path / "审核汇总.html", tmp_path / "意见单"
    code, out, _ = run(capsys, "review", str(folder), "-o", str(book), "-o", str(page), "--sheets", str(sheets),
                       "--today", "2024-04-10")
    assert code == 0
    assert out.splitlines()[0] == "已审核15份：有错误7份，有扣分2份，无法读取4份"
    assert openpyxl.load_workbook(book)["汇总"].max_row == 16
    assert "<svg" in page.read_text(encoding="utf-8")
    assert len(list(sheets.glob("*.html"))) == 15


def test_a_county_scoring_file_is_used(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(resource("review", "scoring.json").read_text(encoding="utf-8"))
    data["deductions"][0]["points"] = -3
    own = tmp_path / "本县扣分.json"
    own.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    book = tmp_path / "汇总.xlsx"
    assert run(capsys, "review", str(received_folder(tmp_path)), "-o", str(book), "--scoring", str(own))[0] == 0
    sheet = openpyxl.load_workbook(book)["汇总"]
    late = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[1] == LATE_DEPARTMENT)
    assert late[12] == -3 and "未按期公开 −3" in late[13]


@pytest.mark.parametrize(("args", "message"), [
    (["-o", "x.pdf"], "审核汇总表可为 .xlsx 或 .html"),
    (["-o", "x.xlsx", "--scoring", "没有.json"], "无法读取扣分标准文件“没有.json”"),
    (["-o", "x.xlsx", "--last-year", "没有的文件夹"], "找不到文件夹“没有的文件夹”"),
])
def test_refusals_exit_2_and_write_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str],
                                           message: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    folder = received_folder(tmp_path)
    code, _, err = run(capsys, "review", str(folder), *args)
    assert code == 2 and message in err
    assert not (tmp_path / "x.xlsx").exists()


def test_a_missing_folder_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "review", str(tmp_path / "无"), "-o", str(tmp_path / "x.xlsx"))
    assert code == 2 and "找不到文件夹" in err


def test_jobs_must_be_a_positive_number(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["review", str(tmp_path), "-o", str(tmp_path / "x.xlsx"), "--jobs", "0"])
    assert stopped.value.code == 2 and "应为正整数：0" in capsys.readouterr().err
