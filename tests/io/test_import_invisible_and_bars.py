"""Text as copied pages really carry it: zero-width spaces inside numbers and years, line separators and
page breaks for line ends, tables drawn with 「｜」 or box-drawing bars, and blank cells written 「---」.
Each imports to the same report as the clean page, and the account says what was removed."""

from __future__ import annotations

import re
import sys
import unicodedata

import pytest

from desktop.core.checks import check
from desktop.io.importers.invisible import without_invisible
from desktop.io.importing import import_text
from tests.io.corpus_values import CELLS, EXPECTED, corpus_page

ZWSP = "\u200b"
ROW_FORMS = ["pipes.txt", "one-cell-per-line-pipes.txt", "one-cell-per-line-separated-pipes.txt"]
ALL_FORMS = [*ROW_FORMS, "one-cell-per-line.txt", "one-cell-per-paragraph.txt"]


def _assert_whole(text: str) -> list[str]:
    result = import_text(text)
    report = result.report
    wrong = {key: (report.cells.get(key), value) for key, value in CELLS.items() if report.cells.get(key) != value}
    assert wrong == {}
    assert (report.meta.agency, report.meta.year, str(report.meta.date)) == ("耳口乡", 2023, "2024-01-04")
    assert report.text == EXPECTED["text"]
    return result.account


@pytest.mark.parametrize("name", ALL_FORMS)
def test_zero_width_spaces_inside_numbers_years_and_dates_are_removed(name: str):
    # a mirror site's watermark: a zero-width space after every 0, 2 and 9, inside 「2023」, 「1691」, 「2024-01-04」
    page = corpus_page(name)
    marked = re.sub("[029]", lambda m: m.group(0) + ZWSP, page)
    account = _assert_whole(marked)
    count = len(re.findall("[029]", page))
    assert f"原文中夹有{count}个看不见的字符（零宽空格、软连字符等），已去除" in account


def test_soft_hyphens_and_direction_marks_are_removed_too():
    clean = corpus_page("pipes.txt")
    page = clean.replace("1691", "16\u00ad91").replace("耳口乡2023年", "\u200e耳口乡20\u202c23年\u2060")
    account = _assert_whole(page)
    count = clean.count("1691") + 3 * clean.count("耳口乡2023年")
    assert any(f"{count}个看不见的字符" in line for line in account)


def test_a_clean_page_has_no_line_about_invisible_characters():
    account = import_text(corpus_page("pipes.txt")).account
    assert not any("看不见的字符" in line for line in account)


def test_zero_width_spaces_in_a_web_page_are_removed_from_cells_and_title():
    page = corpus_page("portal-page.html")
    marked = re.sub(r">(\d)(\d+)<", lambda m: f">{m.group(1)}&#8203;{m.group(2)}<", page)
    marked = marked.replace("耳口乡2023年", "耳口乡20&#8203;23年")
    assert marked.count("&#8203;") > 20
    result = import_text(marked)
    assert result.report.cells == CELLS
    assert result.report.meta.year == 2023
    assert any("看不见的字符" in line for line in result.account)


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x0b", "\x85"])
@pytest.mark.parametrize("name", ["pipes.txt", "one-cell-per-line.txt", "one-cell-per-paragraph.txt"])
def test_unicode_line_separators_and_vertical_tabs_end_lines(name: str, separator: str):
    _assert_whole(corpus_page(name).replace("\n", separator))


def test_a_form_feed_between_pages_ends_a_line():
    # pdftotext and some PDF viewers put 「\f」 where a page ends, before the next page's first line
    lines = corpus_page("one-cell-per-line.txt").split("\n")
    paged = "".join(line + ("\f" if index % 7 == 6 else "\n") for index, line in enumerate(lines))
    assert paged.count("\f") > 30
    _assert_whole(paged)


@pytest.mark.parametrize("bar", ["｜", "│"])
@pytest.mark.parametrize("name", ROW_FORMS)
def test_tables_drawn_with_full_width_or_box_drawing_bars(name: str, bar: str):
    _assert_whole(corpus_page(name).replace("|", bar))


def _boxed(page: str) -> str:
    """The page as a text browser draws it: each row 「│ a │ b │」, ruled lines above, between and below."""
    out: list[str] = []
    in_table = False
    for line in page.split("\n"):
        if " | " in line or line.endswith(" |"):
            cells = [c.strip() for c in line.rstrip(" |").split(" | ")]
            left, middle, right = "├┼┤" if in_table else "┌┬┐"
            out.append(left + middle.join("─" * 6 for _ in cells) + right)
            out.append("│" + "│".join(f" {c} " for c in cells) + "│")
            in_table = True
        else:
            if in_table:
                out.append("└──────┴──────┘")
            in_table = False
            out.append(line)
    return "\n".join(out)


def test_a_table_drawn_in_box_drawing_characters():
    boxed = _boxed(corpus_page("pipes.txt"))
    assert "├──────┼" in boxed and "│ 行政规范性文件 │ 3 │ 1 │ 12 │" in boxed
    _assert_whole(boxed)


def test_a_table_drawn_with_ascii_plus_and_minus_rules():
    boxed = _boxed(corpus_page("pipes.txt")).translate(str.maketrans("│├┼┤┌┬┐└┴┘─", "|+++++++++-"))
    assert "+------+------+" in boxed
    _assert_whole(boxed)


def test_a_bar_in_prose_is_kept_as_printed():
    page = corpus_page("pipes.txt").replace("(二)依申请公开\n", "(二)依申请公开\n详见首页｜政务公开栏目。\n", 1)
    report = import_text(page).report
    assert "详见首页｜政务公开栏目。" in report.text["text.s1.on_request"]


@pytest.mark.parametrize("mark", ["---", "----"])
@pytest.mark.parametrize("name", ["one-cell-per-line.txt", "one-cell-per-paragraph.txt"])
def test_a_blank_cell_written_as_hyphens_is_one_blank_cell(name: str, mark: str):
    # 「---」 alone on a line is a Markdown rule only in Markdown; a page's cell per line means a blank cell
    page = corpus_page(name)
    assert "\n297\n" in page  # t3.new.nonprofit
    report = import_text(page.replace("\n297\n", f"\n{mark}\n", 1)).report
    wrong = {key for key, value in CELLS.items() if report.cells.get(key) != value}
    assert wrong == {"t3.new.nonprofit"}
    assert report.cells["t3.new.nonprofit"] is None
    assert any(f.rule == "T3-04" and "t3.new.nonprofit" in f.cells for f in check(report))


def test_a_ruled_line_between_paragraphs_is_no_text():
    page = corpus_page("pipes.txt").replace("(二)依申请公开\n", "---\n(二)依申请公开\n", 1)
    page = page.replace("(三)政府信息管理", "————————\n(三)政府信息管理", 1)
    _assert_whole(page)


def test_every_format_character_of_this_python_is_removed():
    format_characters = "".join(chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf")
    text, count = without_invisible(f"a{format_characters}b")
    assert (text, count) == ("ab", len(format_characters))


def test_visible_characters_are_kept():
    sample = "耳口乡 2023年，共103条（其中18条）｜R&D—— 𠀀 ①\t"
    assert without_invisible(sample) == (sample, 0)
