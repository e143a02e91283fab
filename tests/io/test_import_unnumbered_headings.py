"""Headings whose numbers were Word's or the page's list numbers (an old .doc, a page's <ol>, text copied
from either) have lost 「一、」 and 「（一）」: a line that is a heading's words exactly, and nothing else,
still opens its section or part. Words of a heading inside prose open nothing."""

from __future__ import annotations

import re

from desktop.io.importing import import_text
from tests.fixtures.reports import SAMPLES

TEXT = (SAMPLES / "erkou-2023.txt").read_text(encoding="utf-8")
HEADINGS = ("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项")
NUMBERED = import_text(TEXT, "numbered.txt").report


def _unnumbered(text: str) -> str:
    for heading in HEADINGS:
        assert heading in text
        text = text.replace(heading, heading[2:])
    return text


def test_sections_without_their_numbers_are_found() -> None:
    result = import_text(_unnumbered(TEXT), "copied.txt")
    assert result.report.text == NUMBERED.text
    assert result.report.cells == NUMBERED.cells
    assert result.report.provenance.missing_parts == []


def test_parts_of_section_one_without_their_numbers_are_found() -> None:
    text = _unnumbered(TEXT)
    bare = re.compile(r"^\([一二三]\)(主动公开|依申请公开|政府信息管理)$", flags=re.M)  # lines of their own
    assert len(bare.findall(text)) == 3
    text = bare.sub(r"\1", text)
    result = import_text(text, "copied.txt")
    assert result.report.text == NUMBERED.text


def test_a_page_numbering_its_headings_with_a_list() -> None:
    items = "".join(f"<li>{heading[2:]}</li>" for heading in HEADINGS[4:])
    page = ("<html><body><h1>耳口乡2023年政府信息公开工作年度报告</h1><ol style=\"list-style-type:cjk-ideographic\">"
            "<li>总体情况</li></ol><p>2023年，耳口乡认真贯彻落实《条例》。</p>"
            f"<ol start=\"5\">{items[:items.index('</li>') + 5]}</ol><p>一是公开质量有待提高。</p>"
            f"<ol start=\"6\">{items[items.index('</li>') + 5:]}</ol><p>无。</p></body></html>")
    report = import_text(page, "page.html").report
    assert report.text["text.s1.intro"] == "2023年，耳口乡认真贯彻落实《条例》。"
    assert report.text["text.s5"] == "一是公开质量有待提高。"
    assert report.text["text.s6"] == "无。"


def test_heading_words_inside_prose_open_nothing() -> None:
    text = TEXT.replace("六、其他需要报告的事项", "六、其他需要报告的事项\n其他需要报告的事项：无。\n总体情况")
    report = import_text(text, "x.txt").report
    assert report.text["text.s6"].startswith("其他需要报告的事项：无。\n总体情况")
