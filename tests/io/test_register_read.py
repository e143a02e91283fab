"""Registers read from .xlsx and .csv files written in the test: Chinese headers under a title, dates as
cells, text and serials, GB18030 and UTF-8 CSV, and files that are not registers."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from desktop.core.register.applications import tally_applications
from desktop.core.register.columns import Kind
from desktop.core.register.mapping import guess_mapping
from desktop.io import register_read
from desktop.io.register_read import RegisterRefused, read_register
from tests.fixtures.registers import write_csv, write_xlsx

D = dt.date
TITLED = [
    ["某某乡人民政府政府信息公开申请登记台账（2024年度）"],
    ["填表人：张三", None, None, None, "单位：件"],
    ["序号", "申请日期", "申请人姓名", "申请人身份", "申请内容", "答复结果", "答复日期"],
    [1, D(2023, 12, 29), "李某", "自然人", "拆迁补偿", "予以公开", D(2024, 1, 12)],
    [2, "2024/02/03", "某某建筑有限公司", "企业", "招标文件", "部分公开", 45_341],
    [3, 45_400, "王某", "个人", "土地审批", "不予公开－属于国家秘密", "2024年4月30日"],
    [None, None, None, None, None, None, None],
    [4, dt.datetime(2024, 12, 30, 15, 0), "某律所", "律师", "处罚决定", "办理中", None],
    ["合计", None, None, None, None, None, None],
]


def _check_titled(path: Path) -> None:
    (sheet,) = read_register(path)
    assert sheet.kind is Kind.APPLICATIONS and sheet.header_line == 3
    assert [r.line for r in sheet.rows] == [4, 5, 6, 8, 9]
    tally = tally_applications(sheet, guess_mapping(sheet), 2024)
    assert {k: v for k, v in tally.cells.items() if v and k.endswith(".total")} == {
        "t3.new.total": 3, "t3.carried_in.total": 1, "t3.granted.total": 1, "t3.partial.total": 1,
        "t3.denied_1.total": 1, "t3.total.total": 3, "t3.carried_out.total": 1}
    assert [(s.line, s.reason) for s in tally.skipped] == [(9, "没有收到日期")]


def test_xlsx_with_a_title_above_the_headers(tmp_path: Path) -> None:
    _check_titled(write_xlsx(tmp_path / "台账.xlsx", {"2024年": TITLED}))


@pytest.mark.parametrize(("encoding", "delimiter"), [("utf-8-sig", ","), ("utf-8", ","), ("gb18030", ","),
                                                     ("gb18030", "\t"), ("utf-16", "\t")])
def test_csv_in_the_encodings_offices_save(tmp_path: Path, encoding: str, delimiter: str) -> None:
    rows = [[v.isoformat() if isinstance(v, dt.date) else v for v in row] for row in TITLED]
    _check_titled(write_csv(tmp_path / "台账.csv", rows, encoding, delimiter))


def test_a_workbook_with_applications_and_cases_and_an_unrelated_sheet(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "台账.xlsx", {
        "说明": [["本台账每月更新"], ["联系人", "张三"]],
        "复议诉讼": [["案件编号", "案件类型", "审理结果", "审结日期"], ["F1", "行政复议", "维持", D(2024, 5, 1)]],
        "依申请": [["收到日期", "申请人类型", "办理结果", "办结日期"],
                   [D(2024, 1, 2), "自然人", "予以公开", D(2024, 1, 5)]],
    })
    sheets = read_register(path)
    assert [(s.source, s.kind) for s in sheets] == [("台账.xlsx（依申请）", Kind.APPLICATIONS),
                                                    ("台账.xlsx（复议诉讼）", Kind.CASES)]


def test_a_wrong_dimension_written_by_another_program_does_not_cut_the_rows(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "wps.xlsx", {"Sheet1": TITLED})
    damaged = tmp_path / "wps-dimension.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                text = data.decode()
                start = text.index("<dimension")
                data = (text[:start] + '<dimension ref="A1"/>' + text[text.index("/>", start) + 2:]).encode()
            target.writestr(item, data)
    _check_titled(damaged)


@pytest.mark.parametrize(("name", "data", "says"), [
    ("台账.xls", b"\xd0\xcf\x11\xe0", "另存为 .xlsx"),
    ("台账.et", b"\xd0\xcf\x11\xe0", "另存为 .xlsx"),
    ("台账.docx", b"PK", "不是台账文件"),
    ("台账.xlsx", b"PK\x03\x04 not really", "已损坏"),
    ("台账.xlsx", b"", "已损坏"),
    ("台账.csv", "日期,类型\n1,2\n".encode(), "没有找到台账的表头"),
    ("台账.csv", b"\xff\xfe\x00\xd8" * 3, "编码无法识别"),
])
def test_files_that_are_not_registers_are_refused_in_chinese(tmp_path: Path, name: str, data: bytes, says: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(RegisterRefused, match=says):
        read_register(path)


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RegisterRefused, match="无法读取"):
        read_register(tmp_path / "没有.xlsx")


def test_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(register_read, "MAX_ROWS", 5)
    rows = [["收到日期", "申请人类型", "办理结果", "办结日期"], *[[D(2024, 1, 2), "自然人", "予以公开", None]] * 7]
    with pytest.raises(RegisterRefused, match="超过5行"):
        read_register(write_csv(tmp_path / "many.csv", rows))
    wide = [["收到日期", "申请人类型", "办理结果", "办结日期"], [D(2024, 1, 2), *[""] * 90, "x"]]
    with pytest.raises(RegisterRefused, match="超过80列"):
        read_register(write_csv(tmp_path / "wide.csv", wide))
    monkeypatch.setattr(register_read, "MAX_FILE_BYTES", 10)
    with pytest.raises(RegisterRefused, match="MB"):
        read_register(write_csv(tmp_path / "big.csv", rows))


def test_empty_formatted_columns_to_the_right_are_ignored(tmp_path: Path) -> None:
    rows = [["收到日期", "申请人类型", "办理结果", "办结日期", *[""] * 100],
            ["2024-01-02", "自然人", "予以公开", "2024-01-03", *[""] * 100]]
    (sheet,) = read_register(write_csv(tmp_path / "wide.csv", rows))
    assert len(sheet.headers) == 80 and len(sheet.rows) == 1


def test_dates_in_the_number_formats_wps_and_excel_give_chinese_dates(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["收到日期", "申请人类型", "办理结果", "办结日期"])
    sheet.append([dt.datetime(2024, 3, 1), "自然人", "予以公开", dt.datetime(2024, 3, 9)])
    sheet.append([45_400, "自然人", "予以公开", 45_410])  # serials in a General cell
    sheet["A2"].number_format = 'yyyy"年"m"月"d"日"'
    sheet["D2"].number_format = "[$-804]yyyy/m/d"
    book.save(tmp_path / "wps.xlsx")
    (read,) = read_register(tmp_path / "wps.xlsx")
    tally = tally_applications(read, guess_mapping(read), 2024)
    assert tally.cells["t3.granted.natural"] == 2 and tally.skipped == []


def test_headers_split_over_two_rows_under_merged_cells(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["依申请公开登记台账"])
    sheet.append(["收到日期", "申请人", None, "申请内容", "办理情况", None])
    sheet.append([None, "姓名", "类型", None, "答复结果", "答复日期"])
    sheet.append([D(2024, 3, 1), "李某", "自然人", "低保名单", "予以公开", D(2024, 3, 8)])
    for cells in ("A2:A3", "B2:C2", "D2:D3", "E2:F2"):
        sheet.merge_cells(cells)
    book.save(tmp_path / "两行表头.xlsx")
    (read,) = read_register(tmp_path / "两行表头.xlsx")
    assert read.header_line == 3 and read.headers[:3] == ("收到日期", "申请人姓名", "申请人类型")
    assert [r.line for r in read.rows] == [4]
    tally = tally_applications(read, guess_mapping(read), 2024)
    assert tally.cells["t3.granted.natural"] == 1 and tally.skipped == []


def test_a_register_shorter_than_the_header_search_is_read(tmp_path: Path) -> None:
    rows = [["收到日期", "申请人类型", "办理结果", "办结日期"], ["2024-01-02", "自然人", "予以公开", "2024-01-03"]]
    (sheet,) = read_register(write_csv(tmp_path / "短.csv", rows))
    assert sheet.header_line == 1 and [r.line for r in sheet.rows] == [2]
