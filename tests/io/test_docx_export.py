"""The Word export, re-opened with python-docx and compared with the official template."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import _Cell
from lxml import etree

from desktop.cli import main
from desktop.core import storage
from desktop.core.tablespec import T3_RESULTS_LABEL, TABLES
from desktop.core.values import format_value
from desktop.io.docx_export import build_document, export_docx
from tests.fixtures.reports import MARKUP, MARKUP_AGENCY, SAMPLES, SEED_FILE, huaian, markup_report

TEMPLATE = SAMPLES / "template-2021.docx"

CellRecord = tuple[int, int, int, int, str]


def squeeze(text: str) -> str:
    return "".join(text.split())


def merged_cells(table: Any) -> list[CellRecord]:
    """(row, col, rowspan, colspan, text) of each real cell, read from gridSpan and vMerge."""
    records: list[list[Any]] = []
    open_by_col: dict[int, list[Any]] = {}
    for row, tr in enumerate(table._tbl.tr_lst):
        col = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            if tc.vMerge == "continue":
                open_by_col[col][2] += 1
            else:
                record = [row, col, 1, span, squeeze(_Cell(tc, table).text)]
                records.append(record)
                open_by_col[col] = record
            col += span
    return sorted(tuple(r) for r in records)  # type: ignore[misc]


@pytest.fixture(scope="module")
def huaian_doc(tmp_path_factory: pytest.TempPathFactory) -> Any:
    path = tmp_path_factory.mktemp("docx") / "huaian.docx"
    export_docx(huaian(), path)
    return docx.Document(str(path))


def test_tables_have_the_templates_merges_and_labels(huaian_doc: Any) -> None:
    template = docx.Document(str(TEMPLATE))
    assert len(huaian_doc.tables) == len(template.tables) == 3
    for ours, theirs in zip(huaian_doc.tables, template.tables, strict=True):
        ours_cells, theirs_cells = merged_cells(ours), merged_cells(theirs)
        assert [c[:4] for c in ours_cells] == [c[:4] for c in theirs_cells]
        labels = [(o, t) for o, t in zip(ours_cells, theirs_cells, strict=True) if t[4]]
        assert labels and all(o[4] == t[4] for o, t in labels)


def test_tables_follow_the_spec_and_print_every_number(huaian_doc: Any) -> None:
    report = huaian()
    for table, spec in zip(huaian_doc.tables, TABLES, strict=True):
        expected = sorted(
            (p.row, p.col, p.rowspan, p.colspan, format_value(report.cells[p.key]) if p.key else p.text or "")
            for p in spec.placed
        )
        assert merged_cells(table) == expected


def test_a_blank_cell_prints_blank_and_zero_prints_zero(tmp_path: Path) -> None:
    report = huaian()
    report.cells["t3.new.natural"] = None
    report.cells["t3.new.business"] = 0
    document = build_document(report)
    by_position = {(r, c): text for r, c, _, _, text in merged_cells(document.tables[1])}
    placed = {p.key: p for p in TABLES[1].placed if p.key}
    assert by_position[placed["t3.new.natural"].row, placed["t3.new.natural"].col] == ""
    assert by_position[placed["t3.new.business"].row, placed["t3.new.business"].col] == "0"


def _all_runs(document: Any) -> list[Any]:
    parts = [document.element.body]
    for section in document.sections:
        parts += [section.footer._element, section.even_page_footer._element]
    return [r for part in parts for r in part.iter(qn("w:r"))]


def test_every_run_and_style_names_an_east_asian_font(huaian_doc: Any) -> None:
    runs = _all_runs(huaian_doc)
    assert len(runs) > 250
    for run in runs:
        fonts = run.find(qn("w:rPr")).find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")), run.xml
        assert fonts.get(qn("w:ascii")) == "Times New Roman"
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Table Text", "Signature", "Run-in Heading"):
        fonts = huaian_doc.styles[name].element.rPr.rFonts
        assert fonts.get(qn("w:eastAsia")) and fonts.get(qn("w:asciiTheme")) is None


def _east_asia(paragraph: Any) -> list[str]:
    return [r.element.rPr.rFonts.get(qn("w:eastAsia")) for r in paragraph.runs]


def test_fonts_and_sizes_follow_gb_t_9704(huaian_doc: Any) -> None:
    paragraphs = huaian_doc.paragraphs
    title = [p for p in paragraphs if p.style.name == "Title"]
    assert [p.text for p in title] == ["淮安市人民政府", "2024年政府信息公开工作年度报告"]
    assert _east_asia(title[0]) == ["方正小标宋简体"]
    heading = next(p for p in paragraphs if p.text == "一、总体情况")
    assert heading.style.name == "Heading 1" and _east_asia(heading) == ["黑体"]
    lead = next(p for p in paragraphs if p.text.startswith("（一）主动公开。"))
    assert lead.style.name == "Normal" and _east_asia(lead) == ["楷体_GB2312", "仿宋_GB2312"]
    assert [r.text for r in lead.runs] == ["（一）主动公开。", "全年主动公开政府信息。"]

    styles = huaian_doc.styles
    assert styles["Normal"].font.size == Pt(16)
    assert styles["Normal"].paragraph_format.line_spacing == Pt(28.9)
    assert styles["Normal"].element.pPr.ind.get(qn("w:firstLineChars")) == "200"
    assert styles["Title"].font.size == Pt(22)
    assert styles["Title"].element.pPr.jc.get(qn("w:val")) == "center"
    assert Pt(10.5) <= styles["Table Text"].font.size <= Pt(12)
    assert {styles[n].font.bold for n in ("Title", "Heading 1", "Heading 2")} == {False}
    parts = huaian_doc.part.package.iter_parts()
    font_table = etree.fromstring(next(p for p in parts if str(p.partname) == "/word/fontTable.xml").blob)
    alternates = {
        font.get(qn("w:name")): alt.get(qn("w:val")).split(",")
        for font in font_table for alt in font.findall(qn("w:altName"))
    }
    assert "仿宋" in alternates["仿宋_GB2312"] and "楷体" in alternates["楷体_GB2312"]


def test_a4_with_gb_t_9704_margins_and_page_numbers(huaian_doc: Any) -> None:
    section = huaian_doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(m.mm, 1) for m in margins] == [37, 35, 28, 26]
    assert abs(section.top_margin - Mm(37)) < Mm(0.1)
    assert huaian_doc.settings.odd_and_even_pages_header_footer
    for footer, side in ((section.footer, "right"), (section.even_page_footer, "left")):
        xml = footer._element.xml
        assert "PAGE" in "".join(t.text for t in footer._element.iter(qn("w:instrText")))
        assert footer.paragraphs[0].text == "— 1 —"
        assert footer.paragraphs[0]._p.pPr.jc.get(qn("w:val")) == side
        assert 'w:fldCharType="begin"' in xml and 'w:fldCharType="end"' in xml


def test_tables_repeat_headers_have_borders_and_a_vertical_label(huaian_doc: Any) -> None:
    for table, spec in zip(huaian_doc.tables, TABLES, strict=True):
        headers = [tr.trPr is not None and tr.trPr.find(qn("w:tblHeader")) is not None for tr in table._tbl.tr_lst]
        assert headers == [i < spec.header_rows for i in range(spec.n_rows)]
        borders = table._tbl.tblPr.find(qn("w:tblBorders"))
        assert {b.get(qn("w:val")) for b in borders} == {"single"} and len(borders) == 6
        assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    directions = [
        (squeeze(_Cell(tc, None).text), d.get(qn("w:val")))
        for tc in huaian_doc.tables[1]._tbl.iter(qn("w:tc"))
        for d in tc.tcPr.findall(qn("w:textDirection"))
    ]
    assert directions == [(T3_RESULTS_LABEL, "tbRlV")]




def test_markup_like_text_comes_out_literally(tmp_path: Path) -> None:
    path = tmp_path / "markup.docx"
    export_docx(markup_report(), path)
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == MARKUP_AGENCY and document.core_properties.author == MARKUP_AGENCY
    assert f"第一行{MARKUP}" in texts
    assert texts[texts.index(f"第一行{MARKUP}") + 1 : texts.index(f"第一行{MARKUP}") + 3] == ["第二行尾", "第三行"]
    assert "前言<script>alert(1)</script>" in texts


def test_document_properties_name_the_report() -> None:
    props = build_document(huaian()).core_properties
    assert props.title == "淮安市人民政府2024年政府信息公开工作年度报告"
    assert props.author == "淮安市人民政府"
    assert "docx" not in f"{props.author}{props.comments}{props.last_modified_by}"


def test_file_says_which_program_wrote_it(tmp_path: Path) -> None:
    """Word's 属性 dialog shows the program; python-docx's template would say Word for Mac."""
    path = tmp_path / "huaian.docx"
    export_docx(huaian(), path)
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        app = archive.read("docProps/app.xml").decode("utf-8")
        relations = archive.read("_rels/.rels").decode("utf-8")
    assert "<Application>年报助手</Application>" in app
    assert "Macintosh" not in app
    assert relations.count("extended-properties") == 1
    assert not any("thumbnail" in name for name in names)
    assert docx.Document(str(path)).core_properties.title == "淮安市人民政府2024年政府信息公开工作年度报告"


def test_command_line_exports_word(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "耳口乡.docx"
    assert main(["export", str(SEED_FILE), "-o", str(out)]) == 0
    assert "已导出" in capsys.readouterr().out
    document = docx.Document(str(out))
    assert document.paragraphs[0].text == "耳口乡2023年政府信息公开工作年度报告"
    assert len(document.tables) == 3


def test_command_line_exports_a_saved_huaian_report(tmp_path: Path) -> None:
    source = tmp_path / "huaian.nianbao"
    storage.save(huaian(), source)
    out = tmp_path / "huaian.docx"
    assert main(["export", str(source), "-o", str(out)]) == 0
    assert (6, 1, 1, 3, "447228") in merged_cells(docx.Document(str(out)).tables[0])


# ---------------------------------------------------------------- round trip through the importer
