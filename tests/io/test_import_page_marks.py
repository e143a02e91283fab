"""Text copied from a PDF keeps what each page prints at its head and foot: its number (「- 3 -」, 「第3页
共6页」, 「3 / 6」) and the title again. Inside a table's cells, in any flattening, they neither break the
rows nor become values; inside prose they are no words of it."""

from __future__ import annotations

import pytest

from desktop.io.importing import import_text
from tests.io.corpus_values import CELLS, EXPECTED, corpus_page

TITLE = "耳口乡2023年政府信息公开工作年度报告"
FORMS = ["pipes.txt", "one-cell-per-line.txt", "one-cell-per-paragraph.txt", "one-cell-per-line-pipes.txt",
         "one-cell-per-line-separated-pipes.txt", "markdown.md", "browser-copy-tabs.txt"]
MARKS = ["- 3 -", "—3—", "·3·", "第 3 页 共 6 页", "第3页/共6页", "共6页 第3页", "3 / 6", TITLE]


def _paged(text: str, mark: str) -> str:
    """The mark after every eighth of the lines, as often as a PDF of the report has pages or more."""
    lines = text.split("\n")
    every = max(3, len(lines) // 8)
    out: list[str] = []
    for index, line in enumerate(lines):
        out.append(line)
        if index % every == every - 1:
            out.append(mark)
    return "\n".join(out)


@pytest.mark.parametrize("mark", MARKS)
@pytest.mark.parametrize("name", FORMS)
def test_page_marks_between_any_lines_change_nothing(name: str, mark: str):
    page = corpus_page(name)
    paged = _paged(page, mark)
    assert paged.count(mark) >= 5 + (mark in page)
    report = import_text(paged).report
    assert report.cells == CELLS
    assert report.text == EXPECTED["text"]
    assert report.meta.year == 2023


def test_a_bare_page_number_in_prose_is_no_text():
    page = corpus_page("pipes.txt")
    at = page.index("(二)收取信息处理费的情况")
    report = import_text(page[:at] + "5\n" + page[at:]).report
    assert report.text == EXPECTED["text"]
