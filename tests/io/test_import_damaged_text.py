"""A saved page whose bytes are not all readable: cut off inside its last character, inside a number of
a table, or with a few damaged bytes inside. It is imported with what could be read, and the account
says what could not; random bytes are still refused."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from desktop.core.values import parse_cell
from desktop.io.importing import ImportRefused, import_bytes

PAGE = Path(__file__).parent / "corpus" / "variants" / "v02_thousands_P.txt"


def test_a_page_cut_inside_its_last_character_imports_with_a_note() -> None:
    data = PAGE.read_bytes()
    whole = import_bytes(data, "page.txt")
    for encoding in ("utf-8", "gb18030"):
        cut = data.decode("utf-8").rstrip().encode(encoding)[:-1]  # the last character is Chinese
        result = import_bytes(cut, "page.txt")
        assert any("不完整的字符" in line for line in result.account), result.account
        assert result.report.cells == whole.report.cells  # every cell read as from the whole page


def test_a_few_damaged_bytes_show_as_replacement_characters_and_are_counted() -> None:
    text = PAGE.read_text(encoding="utf-8")
    at = text.index("总体情况") + 10
    data = text[:at].encode() + b"\xff\xfe\xff" + text[at:].encode()
    result = import_bytes(data, "page.txt")
    note = [line for line in result.account if "无法识别为文字" in line]
    assert note and "3处" in note[0], result.account
    assert "\ufffd" in "".join(result.report.text.values())
    assert result.report.cells["t2.licensing.decisions"] == import_bytes(text.encode(), "p.txt").report.cells[
        "t2.licensing.decisions"]


def test_a_clean_page_has_no_such_note() -> None:
    result = import_bytes(PAGE.read_bytes(), "page.txt")
    assert not [line for line in result.account if "不完整的字符" in line or "无法识别为文字" in line]


def test_random_bytes_are_still_refused() -> None:
    with pytest.raises(ImportRefused, match="不是文本、网页、Word或PDF文件"):
        import_bytes(random.Random(7).randbytes(6000), "x.txt")


def test_a_value_next_to_the_cut_is_not_invented() -> None:
    """A page cut in the middle of table 三 keeps the cells before the cut and leaves the rest blank."""
    text = PAGE.read_text(encoding="utf-8")
    at = text.index("(三)不予公开")
    result = import_bytes(text[:at].encode() + "（三".encode()[:-1], "page.txt")  # cut inside 「（」
    cells = result.report.cells
    assert cells["t3.granted.natural"] is not None
    assert cells["t3.denied_1.natural"] is None
    assert parse_cell("t3.granted.natural", str(cells["t3.granted.natural"])) == cells["t3.granted.natural"]


def _cut_inside(text: str, row: str, nth_value: int) -> tuple[str, str]:
    """The page up to the middle of the nth number after ``row``: the number as printed and the cut page."""
    import re

    start = text.index(row)
    match = list(re.finditer(r"\d[\d,]*", text[start + len(row):]))[nth_value]
    assert len(match.group()) >= 2
    at = start + len(row) + match.start()
    return match.group(), text[:at + len(match.group()) - 1]


@pytest.mark.parametrize(("row", "nth", "key"), [("1.属于国家秘密 |", 6, "t3.denied_1.total"),
                                               ("2.其他法律行政法规禁止公开 |", 6, "t3.denied_2.total"),
                                               ("3.危及“三安全一稳定” |", 1, "t3.denied_3.business")])
def test_a_page_cut_inside_a_table_number_leaves_that_cell_blank_with_a_note(row: str, nth: int, key: str) -> None:
    from desktop.core.checks.checker import check

    printed, cut = _cut_inside(PAGE.read_text(encoding="utf-8"), row, nth)
    result = import_bytes(cut.encode(), "page.txt")
    note = [line for line in result.account if "处中断" in line]
    assert note and f"“{printed[:-1]}”" in note[0], result.account
    assert result.report.cells[key] is None  # not the cut-off 「1,9」 or 「19」
    assert "T3-03" not in {finding.rule for finding in check(result.report)}


PARAGRAPHS = Path(__file__).parent / "corpus" / "one-cell-per-paragraph.txt"
TITLE = "淮安市人民政府2024年政府信息公开工作年度报告\n"
TABLE_TWO_HEAD = ("二、主动公开政府信息情况\n第二十条第(一)项 | |||\n"
                  "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n")


def _cut_note(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [line for line in result.account if "处中断" in line]


@pytest.mark.parametrize(("page", "row", "nth", "key"), [
    (PARAGRAPHS, "1.属于国家秘密", 6, "t3.denied_1.total"),  # one cell per paragraph
    (PAGE.parent / "v13_filled_merges_P.txt", "1.属于国家秘密", 0, "t3.denied_1.natural"),  # rows with no last 「|」
])
def test_a_number_cut_in_any_form_leaves_its_cell_blank_with_a_note(page: Path, row: str, nth: int, key: str) -> None:
    printed, cut = _cut_inside(page.read_text(encoding="utf-8"), row, nth)
    result = import_bytes(cut.encode(), page.name)
    assert _cut_note(result) and f"“{printed[:-1]}”" in _cut_note(result)[0], result.account
    assert result.report.cells[key] is None


def test_a_menu_line_with_pipes_does_not_hide_the_cut() -> None:
    """「首页 | 政务公开 | …」 above the report does not end in 「|」; the rows do, and the last was cut."""
    text = "首页 | 政务公开 | 政府信息公开年报\n" + TITLE + TABLE_TWO_HEAD + "规章 | 3 | 2 | 1"  # 14 cut to 1
    result = import_bytes(text.encode(), "page.txt")
    assert _cut_note(result), result.account
    cells = result.report.cells
    assert (cells["t2.regulations.issued"], cells["t2.regulations.repealed"], cells["t2.regulations.in_force"]) == (
        3, 2, None)


def test_a_preamble_that_names_the_last_section_does_not_hide_the_cut() -> None:
    preamble = "本报告包括总体情况、主动公开政府信息情况……以及其他需要报告的事项共六个部分。\n"
    result = import_bytes((TITLE + preamble + TABLE_TWO_HEAD + "规章\n\n3\n\n2\n\n1").encode(), "page.txt")
    assert _cut_note(result) and result.report.cells["t2.regulations.in_force"] is None, result.account


def test_a_cut_in_the_first_row_of_table_two_is_seen() -> None:
    result = import_bytes((TITLE + TABLE_TWO_HEAD + "规章 | 3 | 2 | 1").encode(), "page.txt")
    assert _cut_note(result) and result.report.cells["t2.regulations.in_force"] is None, result.account


def test_the_numeral_of_a_cut_row_label_is_no_value() -> None:
    """One cell per paragraph, a blank cell printing no paragraph: the row 「2.其他法律…」 has six numbers, and
    the page was cut inside the next label 「3.危及…」. Its 「3」 must not become a seventh number."""
    numbers = "\n\n".join(["103", "214", "312", "410", "508", "606", "2153"])
    text = (TITLE + "\n三、收到和处理政府信息公开申请情况\n\n(三)不予公开\n\n1.属于国家秘密\n\n" + numbers
            + "\n\n2.其他法律行政法规禁止公开\n\n" + "\n\n".join(["216", "314", "412", "510", "608", "2060"]) + "\n\n3")
    result = import_bytes(text.encode(), "page.txt")
    cells = result.report.cells
    assert cells["t3.denied_1.total"] == 2153
    assert cells["t3.denied_2.total"] != 3 and cells["t3.denied_2.natural"] != 216, result.account
    assert _cut_note(result), result.account


def test_a_whole_zero_at_the_cut_is_kept() -> None:
    result = import_bytes((TITLE + TABLE_TWO_HEAD + "规章 | 3 | 2 | 0").encode(), "page.txt")
    assert not _cut_note(result)
    assert result.report.cells["t2.regulations.in_force"] == 0


def test_a_page_that_reached_its_last_section_keeps_its_last_number() -> None:
    """After 「六、其他需要报告的事项」 a number at the very end is the page's own (a count in its last line),
    and a date's day is never taken for a cut number."""
    text = PARAGRAPHS.read_text(encoding="utf-8").rstrip()
    assert "其他需要报告的事项" in text
    for ending in ("\n本年度共发出收费通知6", "\n2025-01-20"):
        result = import_bytes((text + ending).encode(), "page.txt")
        assert not _cut_note(result), (ending, result.account)
    result = import_bytes((TITLE + TABLE_TWO_HEAD + "规章 | 0 | 0 | 0 |\n成文日期：2025-01-20").encode(), "page.txt")
    assert not _cut_note(result)


def test_replacement_characters_the_page_printed_are_not_counted_as_damage() -> None:
    """Mirror pages carry 「�」 of their own; only the bytes that could not be read are counted."""
    text = PAGE.read_text(encoding="utf-8")
    at = text.index("总体情况") + 10
    data = (text[:at] + "\ufffd\ufffd").encode() + b"\xff" + text[at:].encode()
    note = [line for line in import_bytes(data, "page.txt").account if "无法识别为文字" in line]
    assert note and "1处" in note[0], note
