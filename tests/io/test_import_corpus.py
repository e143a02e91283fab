"""The township report in every flattening portals produce, with non-zero numbers so that a value read
into the wrong cell shows; plus Word files made the ways clerks make them."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import docx
import pytest

from desktop.core.tablespec import T2, T3, T4, TABLES
from desktop.core.values import parse_cell
from desktop.io.importing import import_file
from tests.fixtures.reports import SAMPLES

CORPUS = Path(__file__).parent / "corpus"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
CELLS = {key: parse_cell(key, value) for key, value in EXPECTED["cells"].items()}
FLATTENINGS = ["pipes.txt", "padded-fullwidth.txt", "one-cell-per-line.txt", "one-cell-per-line-pipes.txt",
               "one-cell-per-line-separated-pipes.txt", "one-cell-per-paragraph.txt",
               "markdown.md", "browser-copy-tabs.txt", "traditional-mirror.txt", "portal-page.html",
               "portal-page-ie.mht", "portal-page-chrome.mhtml"]


@pytest.mark.parametrize("name", FLATTENINGS)
def test_flattening_imports_every_value(name: str) -> None:
    result = import_file(CORPUS / name)
    report = result.report
    assert report.cells == CELLS
    assert report.text == EXPECTED["text"]
    assert (report.meta.agency, report.meta.year, str(report.meta.date)) == ("耳口乡", 2023, "2024-01-04")
    assert report.provenance.missing_parts == []
    assert report.provenance.extra_labels == []
    assert report.provenance.trial_2019_headers == []


def test_traditional_source_is_told() -> None:
    assert "原文为繁体字，已全文转换为简体字" in import_file(CORPUS / "traditional-mirror.txt").account


def test_trial_2019_tables_are_flagged_and_what_maps_is_imported() -> None:
    report = import_file(CORPUS / "trial-2019.txt").report
    trial = report.provenance.trial_2019_headers
    assert {"本年新制作数量", "规范性文件", "政府集中采购", "其他对外管理服务事项"} <= set(trial)
    assert any("其他处理" in header for header in trial)
    cells = report.cells
    assert cells["t2.normative_docs.issued"] == 3  # 本年新制作数量 means 本年制发件数
    assert cells["t2.normative_docs.repealed"] is None and cells["t2.normative_docs.in_force"] is None
    assert (cells["t2.licensing.decisions"], cells["t2.penalty.decisions"], cells["t2.enforcement.decisions"]) \
        == (45, 7, 2)
    assert cells["t2.fees.amount"] is None  # 2019 counted fee items, not 万元
    assert all(cells[f"t3.other_{n}.total"] is None for n in (1, 2, 3))  # one 2019 row cannot be split
    assert cells["t3.granted.total"] == CELLS["t3.granted.total"]
    assert all(cells[k] == CELLS[k] for k in T4.keys)


def test_blanks_stay_blank_and_gaps_are_listed() -> None:
    result = import_file(CORPUS / "blanks-and-gaps.txt")
    report = result.report
    assert report.cells["t2.enforcement.decisions"] is None  # printed 「/」
    assert report.cells["t3.carried_in.business"] is None and report.cells["t3.carried_in.legal"] is None
    assert report.cells["t3.carried_in.natural"] == CELLS["t3.carried_in.natural"]
    assert all(report.cells[f"t3.not_processed_3.{c}"] is None for c in ("natural", "total"))
    assert report.cells["t3.total.total"] == CELLS["t3.total.total"]
    assert report.text["text.s5"] == ""
    missing = report.provenance.missing_parts
    assert "五、存在的主要问题及改进情况" in missing
    assert "表三 （五）不予处理 3.要求提供公开出版物" in missing
    assert report.provenance.extra_labels == ["表三 (八)其他情形"]
    account = "\n".join(result.account)
    assert "空白" in account and "未找到" in account and "(八)其他情形" in account


def _placed_cells(spec):
    return [p for p in spec.placed if p.key is not None]


def test_filled_official_template(tmp_path: Path) -> None:
    """A clerk fills the official template in Word: title line typed over the heading, values in cells."""
    document = docx.Document(str(SAMPLES / "template-2021.docx"))
    document.paragraphs[1].text = "耳口乡2023年政府信息公开工作年度报告"
    document.paragraphs[4].text = "2023年，耳口乡认真贯彻落实《条例》。"
    for table, spec in zip(document.tables, TABLES, strict=True):
        for placed in _placed_cells(spec):
            table.cell(placed.row, placed.col).text = str(CELLS[placed.key])
    path = tmp_path / "filled.docx"
    document.save(str(path))
    report = import_file(path).report
    assert report.cells == CELLS
    assert (report.meta.agency, report.meta.year) == ("耳口乡", 2023)
    assert report.text["text.s1.intro"] == "2023年，耳口乡认真贯彻落实《条例》。"


def test_word_file_with_its_own_tables(tmp_path: Path) -> None:
    """Not the template: a table 四 typed with merged header cells, and blank cells left blank."""
    document = docx.Document()
    document.add_paragraph("某县教育局2023年政府信息公开工作年度报告")
    document.add_paragraph("一、总体情况")
    document.add_paragraph("2023年，我局认真落实政务公开工作。")
    document.add_paragraph(T4.title)
    table = document.add_table(rows=4, cols=15)
    for placed in T4.placed:
        cell = table.cell(placed.row, placed.col)
        if placed.rowspan > 1 or placed.colspan > 1:
            cell = cell.merge(table.cell(placed.row + placed.rowspan - 1, placed.col + placed.colspan - 1))
        if placed.key is None:
            cell.text = placed.text or ""
        elif placed.key != "t4.suit_direct.pending":
            cell.text = str(CELLS[placed.key])
    path = tmp_path / "own.docx"
    document.save(str(path))
    result = import_file(path)
    report = result.report
    assert report.meta.level.value == "county_dept"
    assert all(report.cells[k] == CELLS[k] for k in T4.keys if k != "t4.suit_direct.pending")
    assert report.cells["t4.suit_direct.pending"] is None
    assert all(report.cells[k] is None for k in T2.keys + T3.keys)
    assert T3.title in report.provenance.missing_parts


def test_html_fee_decimal_and_thousands() -> None:
    html = (CORPUS / "portal-page.html").read_text(encoding="utf-8")
    html = html.replace(">1.25<", ">1,234.5<").replace(">45<", ">447,228<")
    from desktop.io.importing import import_text

    report = import_text(html, "page.html").report
    assert report.cells["t2.fees.amount"] == Decimal("1234.5")
    assert report.cells["t2.licensing.decisions"] == 447228


def test_text_copied_out_of_a_pdf_viewer() -> None:
    """Rows come as 「label n n n」 lines, wrapped labels put their numbers on a middle line, vertical
    labels come one character per line and page numbers sit between the rows."""
    from tests.fixtures.reports import huaian_cells

    report = import_file(CORPUS / "pdf-viewer-copy.txt").report
    assert {k: report.cells[k] for k in report.cells} == huaian_cells()
    assert (report.meta.agency, report.meta.year) == ("淮安市人民政府", 2024)
    assert report.provenance.missing_parts == [] and report.provenance.extra_labels == []


def test_title_from_the_page_when_the_article_has_none() -> None:
    from desktop.io.importing import import_text

    html = (CORPUS / "portal-page.html").read_text(encoding="utf-8")
    html = html.replace('<h1 style="text-align:center">耳口乡2023年政府信息公开工作年度报告</h1>', "")
    report = import_text(html, "page.html").report
    assert (report.meta.agency, report.meta.year) == ("耳口乡", 2023)
    assert report.cells == CELLS
