"""The HTML export, parsed back with the standard library's HTML parser and compared with the table spec."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import main
from desktop.core.report import Report
from desktop.core.tablespec import T3_RESULTS_LABEL, TABLES
from desktop.core.values import format_value
from desktop.io.html_export import export_html, html_fragment, html_page, plain_text
from tests.fixtures.reports import MARKUP, MARKUP_AGENCY, SEED_FILE, huaian, markup_report, seed

CellRecord = tuple[int, int, int, int, str]


class Page(HTMLParser):
    """Collects tables as (row, col, rowspan, colspan, text), paragraph texts and a few page facts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[CellRecord]] = []
        self.table_attrs: list[dict[str, str | None]] = []
        self.blocks: list[tuple[str, str]] = []  # (tag, text) of h1, h2, h3, p
        self.meta_charset: str | None = None
        self.title = ""
        self._row = -1
        self._taken: set[tuple[int, int]] = set()
        self._cell: list[Any] | None = None
        self._block: list[Any] | None = None
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag == "meta" and "charset" in attr:
            self.meta_charset = attr["charset"]
        elif tag == "title":
            self._in_title = True
        elif tag == "table":
            self.tables.append([])
            self.table_attrs.append(attr)
            self._row, self._taken = -1, set()
        elif tag == "tr":
            self._row += 1
        elif tag in ("td", "th"):
            col = 0
            while (self._row, col) in self._taken:
                col += 1
            rowspan, colspan = int(attr.get("rowspan") or 1), int(attr.get("colspan") or 1)
            self._taken |= {(self._row + r, col + c) for r in range(rowspan) for c in range(colspan)}
            self._cell = [self._row, col, rowspan, colspan, ""]
        elif tag in ("h1", "h2", "h3", "p"):
            self._block = [tag, ""]
        elif tag == "br" and self._block is not None:
            self._block[1] += "\n"

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in ("td", "th") and self._cell is not None:
            self.tables[-1].append(tuple(self._cell))  # type: ignore[arg-type]
            self._cell = None
        elif tag in ("h1", "h2", "h3", "p") and self._block is not None:
            self.blocks.append((self._block[0], self._block[1]))
            self._block = None

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        if self._cell is not None:
            self._cell[4] += data
        if self._block is not None:
            self._block[1] += data


def parse(text: str) -> Page:
    page = Page()
    page.feed(text)
    page.close()
    return page


def expected_cells(report: Report, index: int) -> list[CellRecord]:
    return sorted(
        (p.row, p.col, p.rowspan, p.colspan, format_value(report.cells[p.key]) if p.key else p.text or "")
        for p in TABLES[index].placed
    )


def test_tables_have_the_specs_merges_labels_and_numbers() -> None:
    report = huaian()
    page = parse(html_fragment(report))
    assert len(page.tables) == 3
    for index, cells in enumerate(page.tables):
        assert sorted(cells) == expected_cells(report, index)
    assert all(attrs.get("border") == "1" for attrs in page.table_attrs)


def test_a_blank_cell_prints_blank() -> None:
    report = huaian()
    report.cells["t4.review.upheld"] = None
    (cell,) = [c for c in parse(html_fragment(report)).tables[2] if c[:2] == (3, 0)]
    assert cell[4] == ""


def test_header_rows_are_in_thead_and_the_results_label_is_vertical() -> None:
    fragment = html_fragment(huaian())
    assert fragment.count("<thead>") == 2  # tables 三 and 四; table 二 has no repeated header
    vertical = fragment[fragment.index(T3_RESULTS_LABEL) - 120 : fragment.index(T3_RESULTS_LABEL)]
    assert "writing-mode:vertical-rl" in vertical


def test_standalone_page(tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    export_html(huaian(), path)
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    assert text.startswith("<!DOCTYPE html>")
    page = parse(text)
    assert page.meta_charset == "utf-8"
    assert page.title == "淮安市人民政府2024年政府信息公开工作年度报告"
    assert page.blocks[0] == ("h1", "淮安市人民政府\n2024年政府信息公开工作年度报告")
    assert ("h2", "一、总体情况") in page.blocks
    assert ("p", "（一）主动公开。全年主动公开政府信息。") in page.blocks
    assert "<style>" in text and "<script" not in text


def test_fragment_is_pasteable_without_a_page_around_it() -> None:
    fragment = html_fragment(seed(), title=False)
    assert "<html" not in fragment and "<style" not in fragment and "<h1" not in fragment
    blocks = parse(fragment).blocks
    assert blocks[0] == ("h2", "一、总体情况")
    assert blocks[-2:] == [("p", "耳口乡"), ("p", "2024年1月4日")]




def test_markup_like_text_comes_out_literally() -> None:
    report = markup_report()
    page_text = html_page(report)
    assert "<script>" not in page_text and "<b>" not in page_text and "<i>" not in page_text
    assert "&lt;b&gt;&amp;amp;&lt;/para&gt; &quot;引号&quot; &#x27;x&#x27; 😀 ]]&gt; &amp;lt;" in page_text
    page = parse(page_text)
    assert page.title == f"{MARKUP_AGENCY}2024年政府信息公开工作年度报告"
    texts = [text for _, text in page.blocks]
    start = texts.index(f"第一行{MARKUP}")
    assert texts[start : start + 3] == [f"第一行{MARKUP}", "第二行尾", "第三行"]
    assert "前言<script>alert(1)</script>" in texts
    assert "\x01" not in page_text and "\x0b" not in page_text


def test_plain_text_for_the_clipboard() -> None:
    text = plain_text(markup_report())
    lines = text.splitlines()
    assert lines[0] == MARKUP_AGENCY and lines[1] == "2024年政府信息公开工作年度报告"
    assert f"\u3000\u3000第一行{MARKUP}" in lines
    assert "\u3000\u3000（一）主动公开。全年主动公开政府信息。" in lines
    row = "一、本年新收政府信息公开申请数量\t\t\t3001\t53\t0\t0\t61\t4\t3119"
    assert row in lines
    t4_values = "72\t64\t178\t37\t351\t13\t4\t8\t1\t26\t12\t1\t1\t6\t20"
    assert t4_values in lines
    assert all(len(line.split("\t")) in (1, 4, 10, 15) for line in lines)


@pytest.mark.parametrize("suffix", [".html", ".htm"])
def test_command_line_exports_html(suffix: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / f"耳口乡{suffix}"
    assert main(["export", str(SEED_FILE), "-o", str(out)]) == 0
    assert "已导出" in capsys.readouterr().out
    page = parse(out.read_text(encoding="utf-8"))
    assert page.title == "耳口乡2023年政府信息公开工作年度报告"
    assert [len(t) for t in page.tables] == [len(spec.placed) for spec in TABLES]


# ---------------------------------------------------------------- round trip through the importer
