"""What importing a received file noted reaches the county's sheet: a file whose second report was left out,
a mirror's page converted from traditional characters. A clean file reads 「已读取」 alone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

from desktop.core.review.scoring import load_scoring
from desktop.core.review.summary import summarise
from desktop.io.review_run import review_folder
from desktop.io.review_sheet import sheet_html
from desktop.io.review_xlsx import export_xlsx
from desktop.resources import resource
from tests.io.corpus_values import corpus_page

TODAY = dt.date(2024, 3, 1)


def _status(tmp_path: Path, files: dict[str, str]) -> dict[str, str]:
    """The sheet's 读取情况 of each file, and each file's review sheet (意见单) under the name 「NAME 意见单」."""
    folder = tmp_path / "收到的报告"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    reviews = review_folder(folder, today=TODAY, workers=1)
    scoring = load_scoring(resource("review", "scoring.json"))
    path = tmp_path / "审核汇总.xlsx"
    rows = [summarise(review, scoring) for review in reviews]
    export_xlsx(rows, path)
    sheet = openpyxl.load_workbook(path)["汇总"]
    header = [cell.value for cell in sheet[1]]
    column = header.index("读取情况")
    found = {row[1]: row[column] for row in sheet.iter_rows(min_row=2, values_only=True)}
    return found | {f"{row.review.file} 意见单": sheet_html(row) for row in rows}


def test_the_sheet_says_what_reading_each_file_noted(tmp_path: Path) -> None:
    page = corpus_page("pipes.txt")
    other = page.replace("耳口乡", "塘湾镇").replace("1691", "1791")
    status = _status(tmp_path, {
        "两份报告.txt": page + "\n" + "\n".join("塘湾镇" + line if len(line) > 12 and "|" not in line else line
                                               for line in other.split("\n")),
        "繁体.txt": corpus_page("traditional-mirror.txt"),
        "耳口乡.txt": page,
    })
    assert status["耳口乡.txt"] == "已读取"
    assert status["两份报告.txt"].startswith("已读取；文件中这份报告之后另有一份报告（从“")
    assert "未导入" in status["两份报告.txt"]
    assert "<p>读取说明：文件中这份报告之后另有一份报告" in status["两份报告.txt 意见单"]
    assert "读取说明" not in status["耳口乡.txt 意见单"]
    assert status["繁体.txt"].startswith("已读取；") and "原文为繁体字，已全文转换为简体字" in status["繁体.txt"]
