"""A file that holds more than one report: a page that prints its article twice (a print version below the
article, not hidden), a clerk's paste made twice, two reports saved into one file, or a Word document that
opens with a table of contents. The first report is imported whole, nothing of the second joins section 六,
and the account says what was left out."""

from __future__ import annotations

import re

import pytest

from desktop.io.importing import import_text
from tests.io.corpus_values import CELLS, EXPECTED, corpus_page

COPY_NOTE = "文件中的报告正文出现了两次，已导入第一份，第二份与之重复，未导入"
FORMS = ["pipes.txt", "one-cell-per-line.txt", "one-cell-per-paragraph.txt", "one-cell-per-line-pipes.txt",
         "one-cell-per-line-separated-pipes.txt", "markdown.md", "browser-copy-tabs.txt"]
CONTENTS = ("目录\n一、总体情况……………………1\n二、主动公开政府信息情况……………2\n三、收到和处理政府信息公开申请情况……3\n"
            "四、政府信息公开行政复议、行政诉讼情况……4\n五、存在的主要问题及改进情况……5\n六、其他需要报告的事项……6\n")


def _assert_the_report(text: str) -> list[str]:
    result = import_text(text)
    report = result.report
    assert report.cells == CELLS
    assert report.text == EXPECTED["text"]
    assert (report.meta.agency, report.meta.year, str(report.meta.date)) == ("耳口乡", 2023, "2024-01-04")
    return result.account


@pytest.mark.parametrize("name", FORMS)
def test_a_report_pasted_twice_is_imported_once(name: str):
    page = corpus_page(name)
    account = _assert_the_report(page + "\n" + page)
    assert COPY_NOTE in account


def test_a_page_that_prints_its_article_twice_is_imported_once():
    page = corpus_page("portal-page.html")
    body = page[page.index("<body"):page.index("</body>")].replace("<body", "<div class=\"print-version\"", 1)
    account = _assert_the_report(page.replace("</body>", body + "</div></body>"))
    assert COPY_NOTE in account


def test_a_second_copy_cut_short_is_still_a_copy():
    page = corpus_page("pipes.txt")
    account = _assert_the_report(page + "\n" + page[: page.index("四、政府信息公开行政复议")])
    assert COPY_NOTE in account


def _another_report(page: str) -> str:
    """Another township's report: its own words in every paragraph and its own numbers in every cell."""
    lines = []
    for line in page.replace("耳口乡", "塘湾镇").split("\n"):
        if "|" in line:
            line = re.sub(r"(?<=\| )(\d+)(?= \|)", lambda m: str(int(m.group(1)) + 1000), line)
        elif len(line) > 12:
            line = "塘湾镇" + line
        lines.append(line)
    return "\n".join(lines)


def test_a_second_report_after_the_first_is_named_and_left_out():
    page = corpus_page("pipes.txt")
    other = _another_report(page)
    assert import_text(other).report.cells["t3.new.total"] == 1691 + 1000
    account = _assert_the_report(page + "\n" + other)
    (note,) = [line for line in account if "另有一份报告" in line]
    assert note.startswith("文件中这份报告之后另有一份报告（从“") and "塘湾镇" in note
    assert note.endswith("未导入；如需导入，请把它单独保存为一个文件后再导入")


def test_a_table_of_contents_before_the_report_is_no_report():
    page = corpus_page("pipes.txt")
    at = page.index("一、总体情况")
    account = _assert_the_report(page[:at] + CONTENTS + page[at:])
    assert not any("两次" in line or "另有一份报告" in line for line in account)


def test_one_report_has_no_line_about_a_second():
    account = _assert_the_report(corpus_page("pipes.txt"))
    assert not any("两次" in line or "另有一份报告" in line for line in account)


def test_numbered_items_in_sections_five_and_six_start_no_report():
    heading = "五、存在的主要问题及改进情况\n"
    page = corpus_page("pipes.txt").replace(heading, heading + "一、存在的问题\n", 1)
    report = import_text(page).report
    assert report.text["text.s5"].startswith("一、存在的问题")
    assert report.text["text.s6"] == EXPECTED["text"]["text.s6"]
