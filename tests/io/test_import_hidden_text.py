"""What a page or a Word file hides is read as the browser or Word shows it: a hidden copy of the article
(kept for printing or sharing) is not read a second time, and the account says so; words hidden inside a
line or a cell (to spoil copying, or Word's 隐藏文字) are left out; an article hidden until a script reveals
it is still read."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from desktop.core.values import parse_cell
from desktop.io.docx_export import export_docx
from desktop.io.importers.html_tables import HIDDEN_COPY_NOTE
from desktop.io.importing import import_file, import_text
from tests.fixtures.reports import seed

CORPUS = Path(__file__).parent / "corpus"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
CELLS = {key: parse_cell(key, value) for key, value in EXPECTED["cells"].items()}
PAGE = (CORPUS / "portal-page.html").read_text(encoding="utf-8")
ARTICLE = re.search(r'<div class="article">(.*?)</div>\n<div class="tools">', PAGE, re.S).group(1)  # type: ignore[union-attr]


@pytest.mark.parametrize("wrapper", [
    '<div style="display:none" id="print">{}</div>',
    '<div style="DISPLAY: none;">{}</div>',
    "<div hidden>{}</div>",
    '<div style="visibility:hidden;height:0;overflow:hidden">{}</div>',
    '<textarea id="share" style="display:none">{}</textarea>',
], ids=["display-none", "upper-case", "hidden", "visibility", "textarea"])
@pytest.mark.parametrize("where", ["after", "before"])
def test_a_hidden_copy_of_the_article_is_read_once_and_told(wrapper: str, where: str) -> None:
    copy = wrapper.format(ARTICLE)
    if where == "after":
        page = PAGE.replace('<div class="tools">', copy + '<div class="tools">')
    else:
        page = PAGE.replace('<div class="article">', copy + '<div class="article">')
    result = import_text(page, "page.html")
    assert result.report.text == EXPECTED["text"]
    assert result.report.cells == CELLS
    assert HIDDEN_COPY_NOTE in result.account


def test_an_article_hidden_until_a_script_shows_it_is_read() -> None:
    page = PAGE.replace('<div class="article">', '<div class="article" style="display:none">')
    result = import_text(page, "page.html")
    assert result.report.text == EXPECTED["text"]
    assert result.report.cells == CELLS
    assert HIDDEN_COPY_NOTE not in result.account


def test_words_hidden_in_a_line_and_in_a_cell_are_left_out() -> None:
    marked = f'<span style="font-family:宋体">{CELLS["t3.new.natural"]}'
    assert PAGE.count(marked + "</span>") == 1
    page = PAGE.replace(marked + "</span>", marked + '<span style="display:none">9</span></span>')
    sentence = EXPECTED["text"]["text.s5"].split("\n")[0]
    cut = len(sentence) // 2
    page = page.replace(sentence, sentence[:cut] + '<font style="display:none">政务</font>' + sentence[cut:])
    result = import_text(page, "page.html")
    assert result.report.cells == CELLS  # 229, not 2299
    assert result.report.text["text.s5"] == EXPECTED["text"]["text.s5"]  # one line, not cut in two
    assert HIDDEN_COPY_NOTE not in result.account


def _hidden_run(paragraph, text: str, hidden: str = "true") -> None:  # type: ignore[no-untyped-def]
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    run = paragraph.add_run(text)
    vanish = OxmlElement("w:vanish")
    if hidden != "true":
        vanish.set(qn("w:val"), hidden)
    run._r.get_or_add_rPr().append(vanish)


def test_words_hidden_in_word_are_left_out(tmp_path: Path) -> None:
    import docx

    report = seed()
    path = tmp_path / "报告.docx"
    export_docx(report, path)
    document = docx.Document(str(path))
    value = str(report.cells["t3.new.natural"])
    cells = [cell for table in document.tables for row in table.rows for cell in row.cells if cell.text == value]
    _hidden_run(cells[0].paragraphs[0], "9")  # 「9」 after the number, hidden: Word shows the number alone
    first = report.text["text.s5"].split("\n")[0]
    paragraph = next(p for p in document.paragraphs if p.text == first)
    _hidden_run(paragraph, "（填写说明：此处写明存在的问题）")
    _hidden_run(paragraph, "另见附件", hidden="0")  # val="0": shown
    document.save(str(path))
    imported = import_file(path).report
    assert imported.cells == report.cells
    assert imported.text["text.s5"].split("\n")[0] == first + "另见附件"
