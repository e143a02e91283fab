"""A saved page whose bytes are not all readable: cut off inside its last character, or with a few
damaged bytes inside. It is imported with what could be read, and the account says what could not;
random bytes are still refused."""

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
