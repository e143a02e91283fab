"""Word's automatic numbering, counted as Word shows it: 「一、」 then 「（一）（二）」 restarting under each
heading, a numbered style, a list instance that restarts, bullets without a label."""

from __future__ import annotations

import io

import docx
import pytest
from docx.oxml import parse_xml

from desktop.io.importers.document import Para
from desktop.io.importers.docx_numbering import Numbering, number_text
from desktop.io.importers.docx_tables import read_docx

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
NUMBERING = f"""<w:numbering {NS}>
  <w:abstractNum w:abstractNumId="7">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="8">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="9">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="8"/></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="9"/></w:num>
  <w:num w:numId="4"><w:abstractNumId w:val="9"/>
    <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>"""


def numbered(text: str, num_id: int | None = None, ilvl: int = 0, style: str | None = None) -> str:
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num_id is not None:
        ppr += f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
    return f"<w:p {NS}><w:pPr>{ppr}</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"


def document(*paragraphs: str, styles: str = "") -> docx.document.Document:
    """python-docx's blank document with these lists, styles and paragraphs."""
    doc = docx.Document()
    doc.part.numbering_part._element = parse_xml(NUMBERING)
    if styles:
        doc.styles.element.append(parse_xml(styles))
    body = doc.element.body
    for xml in paragraphs:
        body.insert(len(body) - 1, parse_xml(xml))  # before the section properties
    return doc


def labels(*paragraphs: str, styles: str = "") -> list[str]:
    numbering = Numbering.of(document(styles=styles))
    return [numbering.label(parse_xml(p)) for p in paragraphs]


@pytest.mark.parametrize(("n", "kind", "text"), [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (12, "chineseCounting", "十二"),
    (20, "chineseCounting", "二十"), (3, "decimal", "3"), (2, "decimalEnclosedCircle", "②"),
    (3, "ideographTraditional", "丙"), (4, "lowerRoman", "iv"), (2, "upperLetter", "B"),
    (5, "decimalFullWidth", "５"), (2, "chineseLegalSimplified", "贰"),
])
def test_counters_in_words_formats(n: int, kind: str, text: str) -> None:
    assert number_text(n, kind) == text


def test_parts_restart_under_each_heading() -> None:
    assert labels(numbered("总体情况", 1), numbered("主动公开", 1, 1), numbered("依申请公开", 1, 1),
                  numbered("主动公开政府信息情况", 1), numbered("说明", 1, 1)) == \
        ["一、", "（一）", "（二）", "二、", "（一）"]


def test_a_bullet_and_an_unnumbered_paragraph_have_no_label() -> None:
    assert labels(numbered("要点", 2), numbered("正文")) == ["", ""]


def test_a_list_instance_with_a_start_override_restarts() -> None:
    paragraphs = numbered("甲", 3), numbered("乙", 3), numbered("丙", 4), numbered("丁", 4)
    assert labels(*paragraphs) == ["1.", "2.", "1.", "2."]


def test_a_heading_style_numbered_through_its_base_style() -> None:
    styles = (f'<w:style {NS} w:type="paragraph" w:styleId="ReportBase"><w:name w:val="Report Base"/>'
              '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>')
    heading = (f'<w:style {NS} w:type="paragraph" w:styleId="ReportHeading"><w:name w:val="Report Heading"/>'
               '<w:basedOn w:val="ReportBase"/></w:style>')
    numbering = Numbering.of(document(styles=styles))
    numbering_with_heading = Numbering.of(document(styles=heading))
    assert numbering.label(parse_xml(numbered("总体情况", style="ReportBase"))) == "一、"
    assert numbering_with_heading.label(parse_xml(numbered("总体情况", style="ReportHeading"))) == ""  # no base
    both = document()
    both.styles.element.append(parse_xml(styles))
    both.styles.element.append(parse_xml(heading))
    counted = Numbering.of(both)
    assert [counted.label(parse_xml(numbered(t, style="ReportHeading"))) for t in ("总体情况", "主动公开")] == \
        ["一、", "二、"]


def test_a_document_with_numbered_headings_reads_them_with_their_labels() -> None:
    """Headings numbered by Word come out as 「一、总体情况」, as the reader of the document sees them."""
    doc = document(numbered("总体情况", 1), numbered("主动公开", 1, 1), numbered("政府信息公开申请情况", 1))
    buffer = io.BytesIO()
    doc.save(buffer)
    paragraphs = [b.text for b in read_docx(buffer.getvalue()).blocks if isinstance(b, Para)]
    assert paragraphs == ["一、总体情况", "（一）主动公开", "二、政府信息公开申请情况"]
