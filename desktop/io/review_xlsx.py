"""The score sheet as an Excel workbook (openpyxl): 汇总, one row per report; 问题明细, every finding;
图表, native bar charts of errors by agency and of repetition. Frozen headers, filters and column widths
that fit Chinese text."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop.core.atomic_write import write_atomically
from desktop.core.review.summary import SummaryRow
from desktop.io.layout import printable
from desktop.io.review_table import (
    DETAILS_COLUMN,
    FINDING_COLUMNS,
    POINTS_COLUMN,
    REPETITION_COLUMN,
    SUMMARY_COLUMNS,
    Value,
    errors_chart,
    finding_lines,
    repetition_chart,
    summary_lines,
)

SUMMARY, FINDINGS, CHARTS = "汇总", "问题明细", "图表"
HEADER_FILL = PatternFill("solid", fgColor="C6D9F1")
MAX_WIDTH = 48  # characters of a wide column; longer text wraps
WRAPPED_WIDTH = 32  # the columns of sentences (扣分依据, 读取情况, 上年报告) wrap at this width
LINE_HEIGHT, MAX_ROW_HEIGHT = 15, 300  # points
_ILLEGAL = {c: None for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)}  # Excel refuses these


def width_of(text: str) -> int:
    """Columns of a monospaced grid: a hanzi takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cell(value: Value) -> Value:
    if isinstance(value, str):
        return printable(value).translate(_ILLEGAL)
    return float(value) if isinstance(value, Decimal) else value


def _table(sheet: Worksheet, header: Sequence[str], rows: list[tuple[Value, ...]], wrapped: set[int]) -> None:
    sheet.append(list(header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center")
    widths = [width_of(h) + 2 for h in header]
    for row in rows:
        sheet.append([_cell(v) for v in row])
        for i, value in enumerate(row):
            widths[i] = max(widths[i], width_of(str(value if value is not None else "")) + 2)
    for i, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(i)].width = min(width, WRAPPED_WIDTH if i - 1 in wrapped
                                                                 else MAX_WIDTH)
    top, wrapping = Alignment(vertical="top"), Alignment(wrap_text=True, vertical="top")
    for number, row in enumerate(rows, 2):
        lines = 1
        for column in range(len(header)):
            sheet.cell(number, column + 1).alignment = wrapping if column in wrapped else top
        for column in wrapped:
            lines = max(lines, 1 + width_of(str(row[column] or "")) // (WRAPPED_WIDTH - 4))
        if lines > 1:  # Excel fits wrapped rows on opening, LibreOffice and WPS print the height stored
            sheet.row_dimensions[number].height = min(LINE_HEIGHT * lines, MAX_ROW_HEIGHT)
    sheet.freeze_panes = "D2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{max(1, len(rows) + 1)}"
    sheet.print_title_rows = "1:1"
    _landscape(sheet)


def _landscape(sheet: Worksheet) -> None:
    """Printed on A4 across, as wide as the page and as many pages down as the rows need."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0


def workbook(rows: list[SummaryRow]) -> Workbook:
    book = Workbook()
    summary = book.active
    summary.title = SUMMARY
    lines = summary_lines(rows)
    sentences = {SUMMARY_COLUMNS.index(c) for c in ("扣分依据", "读取情况", "上年报告")}
    _table(summary, SUMMARY_COLUMNS, [line.values for line in lines], sentences)
    findings = book.create_sheet(FINDINGS)
    quoted = {FINDING_COLUMNS.index(c) for c in ("单元格", "引文", "说明")}
    _table(findings, FINDING_COLUMNS, finding_lines(rows), quoted)
    for number, line in enumerate(lines, 2):
        summary.cell(number, REPETITION_COLUMN + 1).number_format = "0%"
        summary.cell(number, POINTS_COLUMN + 1).number_format = "0.0#;−0.0#;0"
        if line.first_finding is not None:
            link = summary.cell(number, DETAILS_COLUMN + 1)
            link.hyperlink = f"#'{FINDINGS}'!A{line.first_finding + 2}"
            link.font = Font(color="0563C1", underline="single")
    _charts(book.create_sheet(CHARTS), rows)
    return book


def _charts(sheet: Worksheet, rows: list[SummaryRow]) -> None:
    errors, shares = errors_chart(rows), repetition_chart(rows)
    sheet.append(["机关", "错误", "", "机关", "与上年重复"])
    for i in range(max(len(errors), len(shares))):
        left = list(errors[i]) if i < len(errors) else ["", None]
        right = list(shares[i]) if i < len(shares) else ["", None]
        sheet.append([*left, None, *right])
    for column, width in (("A", 28), ("B", 8), ("C", 2), ("D", 28), ("E", 12)):
        sheet.column_dimensions[column].width = width
    for (cell,) in sheet.iter_rows(min_row=2, min_col=5, max_col=5):
        cell.number_format = "0%"
    _bar(sheet, "各机关错误数", 1, len(errors), "G2", "0")
    _bar(sheet, "与上年报告重复的比例", 4, len(shares), "G26", "0%", most=1)
    _landscape(sheet)


def _bar(sheet: Worksheet, title: str, label_column: int, count: int, anchor: str, number_format: str,
         most: float | None = None) -> None:
    chart = BarChart()
    chart.type = "bar"
    chart.title = title
    chart.legend = None
    chart.height, chart.width = 11, 18
    chart.y_axis.numFmt = number_format
    chart.y_axis.scaling.min = 0
    if most is not None:
        chart.y_axis.scaling.max = most
    chart.x_axis.scaling.orientation = "maxMin"  # the largest bar on top, as in the table
    last = max(2, count + 1)
    chart.add_data(Reference(sheet, min_col=label_column + 1, min_row=1, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=label_column, min_row=2, max_row=last))
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    sheet.add_chart(chart, anchor)


def render_xlsx_bytes(rows: list[SummaryRow]) -> bytes:
    buffer = io.BytesIO()
    workbook(rows).save(buffer)
    return buffer.getvalue()


def export_xlsx(rows: list[SummaryRow], path: str | Path) -> None:
    write_atomically(path, render_xlsx_bytes(rows))
