"""Table 三 and 四 computed from registers built here, value by value."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.register.applications import tally_applications
from desktop.core.register.cases import tally_cases
from desktop.core.register.columns import Kind
from desktop.core.register.dates import BadDate, parse_register_date
from tests.fixtures.registers import CASE_HEADERS, D, guessed

# 2024's register of a township, with an application from 2023 still open and one running into 2025.
ROWS = [
    ["2023-031", D(2023, 12, 20), "自然人", "予以公开", D(2024, 1, 8)],  # carried in, closed in 2024
    ["2023-030", D(2023, 11, 2), "商业企业", "部分公开", D(2023, 12, 1)],  # closed in 2023: not in 2024's table
    ["2024-001", "2024/1/5", "自然人", "不予公开–属于国家秘密", "2024年1月19日"],
    ["2024-002", 45_400, "律师事务所", "无法提供–本机关不掌握相关政府信息", 45_410.0],  # Excel serials
    ["2024-003", "2024.3.1", "个人", "其他处理–其他", "20240320"],
    [None, None, None, None, None],  # a blank row
    ["2024-004", D(2024, 12, 28), "自然人", "办理中", None],  # open on 31 December
    ["2024-005", D(2024, 12, 30), "某某科技有限公司", "予以公开", D(2025, 1, 6)],  # closed in 2025: carried out
    ["2025-001", D(2025, 1, 2), "自然人", "予以公开", D(2025, 1, 3)],  # next year's
]


def test_table_three_value_by_value() -> None:
    sheet, mapping = guessed(ROWS)
    tally = tally_applications(sheet, mapping, 2024)
    nonzero = {k: v for k, v in tally.cells.items() if v}
    assert nonzero == {
        "t3.new.natural": 3, "t3.new.legal": 1, "t3.new.business": 1, "t3.new.total": 5,
        "t3.carried_in.natural": 1, "t3.carried_in.total": 1,
        "t3.granted.natural": 1, "t3.granted.total": 1,
        "t3.denied_1.natural": 1, "t3.denied_1.total": 1,
        "t3.unable_1.legal": 1, "t3.unable_1.total": 1,
        "t3.other_3.natural": 1, "t3.other_3.total": 1,
        "t3.total.natural": 3, "t3.total.legal": 1, "t3.total.total": 4,
        "t3.carried_out.natural": 1, "t3.carried_out.business": 1, "t3.carried_out.total": 2,
    }
    assert len(tally.cells) == 175
    assert tally.outside_year == 2 and tally.skipped == [] and tally.unrecognised == {}


def test_each_cell_knows_its_register_rows() -> None:
    sheet, mapping = guessed(ROWS)
    tally = tally_applications(sheet, mapping, 2024)
    assert tally.sources["t3.carried_in.natural"] == [2]
    assert tally.sources["t3.new.natural"] == [4, 6, 8]
    assert tally.sources["t3.carried_out.total"] == [8, 9]
    assert tally.sources["t3.total.total"] == [2, 4, 5, 6]
    behind = tally.rows_behind("t3.unable_1.legal")
    assert [e.line for e in behind] == [5]
    assert dict(behind[0].shown)["申请人类型"] == "律师事务所"
    assert dict(behind[0].shown)["收到日期"] == "45400"


def test_the_year_before_and_after_from_the_same_register() -> None:
    sheet, mapping = guessed(ROWS)
    last = tally_applications(sheet, mapping, 2023)
    assert last.cells["t3.new.total"] == 2 and last.cells["t3.partial.business"] == 1
    assert last.cells["t3.carried_out.natural"] == 1 and last.sources["t3.carried_out.natural"] == [2]
    after = tally_applications(sheet, mapping, 2025)
    assert after.cells["t3.carried_in.total"] == 2 and after.cells["t3.new.total"] == 1
    assert after.cells["t3.granted.business"] == 1 and after.cells["t3.carried_out.natural"] == 1


def test_malformed_rows_are_listed_with_their_row_numbers_and_not_counted() -> None:
    rows = [
        ["1", None, "自然人", "予以公开", D(2024, 2, 1)],
        ["2", "去年冬天", "自然人", "予以公开", D(2024, 2, 1)],
        ["3", D(2024, 3, 1), "自然人", "予以公开", "下周"],
        ["4", D(2024, 3, 1), "自然人", "予以公开", D(2024, 2, 1)],
        ["5", D(2024, 3, 1), "自然人", "尚未办结", D(2024, 3, 9)],
        ["6", D(2023, 5, 1), "自然人", "予以公开", None],
        ["7", D(2024, 5, 1), "自然人", "予以公开", None],
        ["合计", None, None, None, None],
    ]
    sheet, mapping = guessed(rows)
    tally = tally_applications(sheet, mapping, 2024)
    assert [(s.line, s.reason) for s in tally.skipped] == [
        (2, "没有收到日期"),
        (3, "收到日期“去年冬天”无法识别为日期"),
        (4, "办结日期“下周”无法识别为日期"),
        (5, "办结日期2024-02-01早于收到日期2024-03-01"),
        (6, "填了办结日期，办理结果却是尚未办结"),
        (9, "没有收到日期"),
        (7, "有办理结果但没有办结日期，无法判断是否在本年办结"),
    ]
    assert [(n.line, n.reason) for n in tally.notes] == [(8, "有办理结果但没有办结日期，按本年办结计算")]
    assert tally.cells["t3.new.total"] == 1 and tally.cells["t3.granted.total"] == 1


def test_unrecognised_words_are_listed_never_dropped() -> None:
    rows = [["1", D(2024, 1, 2), "匿名", "予以公开", D(2024, 1, 9)],
            ["2", D(2024, 1, 3), "自然人", "不予公开", D(2024, 1, 9)],
            ["3", D(2024, 1, 4), "匿名", "不予公开", D(2024, 1, 9)],
            ["4", D(2024, 1, 5), "自然人", "予以公开", D(2024, 1, 9)]]
    sheet, mapping = guessed(rows)
    tally = tally_applications(sheet, mapping, 2024)
    assert tally.unrecognised == {"申请人类型": {"匿名": [2, 4]}, "办理结果": {"不予公开": [3, 4]}}
    assert tally.cells["t3.new.total"] == 1 and tally.counted == 1
    mapping.values["applicant"]["匿名"] = "natural"
    mapping.values["result"]["不予公开"] = "denied_6"
    tally = tally_applications(sheet, mapping, 2024)
    assert tally.unrecognised == {} and tally.cells["t3.denied_6.natural"] == 2 and tally.cells["t3.new.total"] == 4


@pytest.mark.parametrize(("value", "date"), [
    (D(2024, 1, 5), D(2024, 1, 5)), (dt.datetime(2024, 1, 5, 9, 30), D(2024, 1, 5)), ("2024-01-05", D(2024, 1, 5)),
    ("2024/1/5", D(2024, 1, 5)), ("2024.1.5", D(2024, 1, 5)), ("2024年1月5日", D(2024, 1, 5)),
    ("２０２４年１月５日", D(2024, 1, 5)), ("20240105", D(2024, 1, 5)), ("2024-01-05 10:30:00", D(2024, 1, 5)),
    (45_296, D(2024, 1, 5)), (45_296.75, D(2024, 1, 5)), ("45296", D(2024, 1, 5)), (None, None), ("  ", None),
])
def test_dates_as_text_and_as_excel_serials(value: object, date: dt.date | None) -> None:
    assert parse_register_date(value) == date


@pytest.mark.parametrize("value", ["2024-02-30", "12", 5, 123456, "1月5日", True, "2024-13-01"])
def test_what_is_not_a_date(value: object) -> None:
    with pytest.raises(BadDate):
        parse_register_date(value)


def test_table_four_from_cases() -> None:
    rows = [
        ["F1", "行政复议", "维持", D(2024, 3, 1)],
        ["F2", "行政复议", "尚未审结", None],
        ["S1", "行政诉讼–未经复议直接起诉", "结果纠正", D(2024, 9, 1)],
        ["S2", "复议后起诉", "其他结果", D(2025, 2, 1)],  # decided after the year: pending on 31 December
        ["S3", "复议后起诉", "维持", D(2023, 6, 1)],  # decided last year
        ["S4", "行政诉讼", "维持", D(2024, 5, 1)],  # which kind of suit: unrecognised
    ]
    sheet, mapping = guessed(rows, CASE_HEADERS, Kind.CASES)
    tally = tally_cases(sheet, mapping, 2024)
    assert {k: v for k, v in tally.cells.items() if v} == {
        "t4.review.upheld": 1, "t4.review.pending": 1, "t4.review.total": 2,
        "t4.suit_direct.corrected": 1, "t4.suit_direct.total": 1,
        "t4.suit_after_review.pending": 1, "t4.suit_after_review.total": 1,
    }
    assert tally.unrecognised == {"案件类型": {"行政诉讼": [7]}}
    assert tally.sources["t4.review.total"] == [2, 3] and tally.outside_year == 1


def test_a_result_and_its_reason_in_two_columns_read_as_one_word() -> None:
    headers = ("受理日期", "申请人类型", "答复类型", "不予公开理由", "答复日期")
    rows = [
        [D(2024, 1, 2), "自然人", "不予公开", "属于国家秘密", D(2024, 1, 9)],
        [D(2024, 1, 3), "自然人", "不予公开", "涉及个人隐私", D(2024, 1, 9)],
        [D(2024, 1, 4), "商业企业", "无法提供", "本机关不掌握相关政府信息", D(2024, 1, 9)],
        [D(2024, 1, 5), "自然人", "予以公开", None, D(2024, 1, 9)],
    ]
    sheet, mapping = guessed(rows, headers)
    assert mapping.columns["reason"] == 3
    assert mapping.values["result"] == {"不予公开–属于国家秘密": "denied_1", "不予公开–涉及个人隐私": None,
                                        "无法提供–本机关不掌握相关政府信息": "unable_1", "予以公开": "granted"}
    tally = tally_applications(sheet, mapping, 2024)
    assert tally.unrecognised == {"办理结果": {"不予公开–涉及个人隐私": [3]}}
    assert (tally.cells["t3.denied_1.natural"], tally.cells["t3.unable_1.business"], tally.cells["t3.granted.total"]) \
        == (1, 1, 1)
    assert dict(tally.rows_behind("t3.denied_1.natural")[0].shown)["理由或情形"] == "属于国家秘密"
