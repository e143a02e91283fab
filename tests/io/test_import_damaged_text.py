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


def test_rows_that_never_end_in_a_pipe_keep_their_last_number() -> None:
    """Only where the page's rows end in 「|」 is a last row ending in a digit known to be cut."""
    text = (PAGE.parent / "v13_filled_merges_P.txt").read_text(encoding="utf-8")
    printed, cut = _cut_inside(text, "1.属于国家秘密", 0)
    result = import_bytes(cut.encode(), "v13.txt")
    assert not [line for line in result.account if "处中断" in line]


def test_replacement_characters_the_page_printed_are_not_counted_as_damage() -> None:
    """Mirror pages carry 「�」 of their own; only the bytes that could not be read are counted."""
    text = PAGE.read_text(encoding="utf-8")
    at = text.index("总体情况") + 10
    data = (text[:at] + "\ufffd\ufffd").encode() + b"\xff" + text[at:].encode()
    note = [line for line in import_bytes(data, "page.txt").account if "无法识别为文字" in line]
    assert note and "1处" in note[0], note
