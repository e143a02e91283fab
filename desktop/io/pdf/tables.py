"""The official tables, built from the placed cells of the core's table spec, merges included.

A table that crosses a page is cut between data rows. The part on the next page repeats the header
rows (TableSpec.header_rows), and a merged label cut by the page break, such as 「三、本年度办理结果」,
is printed again in each part, so that no page holds a row without its labels.
"""

from __future__ import annotations

import math
from functools import cached_property
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle

from desktop.core.grid import LabelRole, Placed, TableSpec
from desktop.io.fonts import FontRole
from desktop.io.layout import CAPTION_FILL, RULE_PT
from desktop.io.pdf.fontset import FontSet
from desktop.io.pdf.linebreak import CJKParagraph
from desktop.io.pdf.markup import lines_paragraph, paragraph
from desktop.io.pdf.styles import CELL_LEADING, CELL_PADDING, CELL_SIZE, TEXT_WIDTH, Styles

CAPTION_BACKGROUND = colors.HexColor(f"#{CAPTION_FILL}")
RULE_WIDTH = RULE_PT


class CellMaker:
    """Turns a placed cell into what reportlab draws: labels wrap, numbers are centred and shrink to fit.
    A number at full size is a plain string that the table centres itself (ALIGN, VALIGN, LEADING)."""

    def __init__(self, fonts: FontSet, styles: Styles) -> None:
        self.fonts = fonts
        self.styles = styles
        self._number_styles: dict[float, ParagraphStyle] = {}
        self._header_styles: dict[float, ParagraphStyle] = {}
        self._made: dict[tuple[Placed, str, float], CJKParagraph | str] = {}

    def make(self, placed: Placed, text: str, width: float) -> CJKParagraph | str:
        """The cell's flowable, made once and shared by the parts of a table split across pages."""
        key = (placed, text, width)
        if key not in self._made:
            self._made[key] = self.number(text, width) if placed.is_value else self.label(placed, width)
        return self._made[key]

    def label(self, placed: Placed, width: float) -> CJKParagraph:
        text = placed.text or ""
        if placed.vertical:
            return lines_paragraph(self.fonts, self.styles.cell_center, FontRole.SONGTI, list(text))
        if placed.role is not LabelRole.HEADER:
            return paragraph(self.fonts, self.styles.cell_left, (FontRole.SONGTI, text))
        return paragraph(self.fonts, self._header_style(text, width), (FontRole.SONGTI, text))

    def _header_style(self, text: str, width: float) -> ParagraphStyle:
        """Lines of even length, 商业/企业 rather than 商业企/业, as the template wraps its headers."""
        natural = self._width(text, CELL_SIZE)
        lines = math.ceil(natural / width - 1e-6) if natural > width else 1
        line = min(width, math.ceil(natural / lines / CELL_SIZE - 1e-6) * CELL_SIZE)
        inset = round(max(0.0, (width - line) / 2 - 0.01), 2)
        if inset not in self._header_styles:
            self._header_styles[inset] = ParagraphStyle(
                f"header{inset}", parent=self.styles.cell_center, leftIndent=inset, rightIndent=inset
            )
        return self._header_styles[inset]

    def _width(self, text: str, size: float) -> float:
        return sum(stringWidth(run, font, size) for font, run in self.fonts.runs(FontRole.SONGTI, text))

    def number(self, text: str, width: float) -> CJKParagraph | str:
        if not text:
            return ""  # a blank cell prints blank, never as 0
        natural = self._width(text, CELL_SIZE)
        size = CELL_SIZE if natural <= width else round(CELL_SIZE * width / natural - 0.05, 1)
        if size == CELL_SIZE and self.drawn_by_table(text):
            return text
        return paragraph(self.fonts, self._number_style(size), (FontRole.SONGTI, text))

    def drawn_by_table(self, text: str) -> bool:
        """Whether the table can draw the number itself, as a string in the table's font: in a small part of
        a paragraph's time, at the same place on the page (the table's leading is the paragraph's)."""
        runs = self.fonts.runs(FontRole.SONGTI, text)
        return len(runs) == 1 and runs[0][0] == self.fonts.name(FontRole.SONGTI)

    def _number_style(self, size: float) -> ParagraphStyle:
        if size not in self._number_styles:
            base = self.styles.cell_center
            self._number_styles[size] = ParagraphStyle(
                f"number{size}", parent=base, fontSize=size, leading=max(base.leading * size / CELL_SIZE, size)
            )
        return self._number_styles[size]


def column_widths(spec: TableSpec, width: float = TEXT_WIDTH) -> list[float]:
    total = sum(spec.col_weights)
    return [width * w / total for w in spec.col_weights]


def build_table(spec: TableSpec, values: dict[str, str], cells: CellMaker, rows: list[int]) -> Table:
    """A reportlab table of some grid rows of the spec, with every merge clipped to those rows."""
    index = {grid_row: i for i, grid_row in enumerate(rows)}
    widths = column_widths(spec)
    data: list[list[Any]] = [[""] * spec.n_cols for _ in rows]
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), RULE_WIDTH, colors.black),
        ("FONT", (0, 0), (-1, -1), cells.fonts.name(FontRole.SONGTI), CELL_SIZE, CELL_LEADING),  # not Helvetica
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),  # the numbers drawn as strings; paragraphs align themselves
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PADDING),
    ]
    for placed in spec.placed:
        covered = [index[r] for r in range(placed.row, placed.row + placed.rowspan) if r in index]
        if not covered:
            continue
        top, bottom = covered[0], covered[-1]
        left, right = placed.col, placed.col + placed.colspan - 1
        inner = sum(widths[left : right + 1]) - 2 * CELL_PADDING
        text = values.get(placed.key, "") if placed.key else placed.text or ""
        data[top][left] = cells.make(placed, text, inner)
        if bottom > top or right > left:
            commands.append(("SPAN", (left, top), (right, bottom)))
        if placed.role is LabelRole.CAPTION:
            commands.append(("BACKGROUND", (left, top), (right, bottom), CAPTION_BACKGROUND))
    return Table(data, colWidths=widths, style=TableStyle(commands), hAlign="CENTER", longTableOptimize=0)


class SpecTable(Flowable):
    """One official table, or the rows ``first``–``end`` of it with the header rows above."""

    def __init__(
        self, spec: TableSpec, values: dict[str, str], cells: CellMaker,
        first: int | None = None, end: int | None = None,
    ) -> None:
        super().__init__()
        self.spec = spec
        self.values = values
        self.cells = cells
        self.first = spec.header_rows if first is None else first
        self.end = spec.n_rows if end is None else end

    @cached_property
    def rows(self) -> list[int]:
        return list(range(self.spec.header_rows)) + list(range(self.first, self.end))

    @cached_property
    def table(self) -> Table:
        return build_table(self.spec, self.values, self.cells, self.rows)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = self.table.wrap(availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        heights = dict(zip(self.rows, self.table._rowHeights, strict=True))
        above = sum(heights[r] for r in range(self.spec.header_rows))
        for cut in reversed(self._cuts()):
            if above + sum(heights[r] for r in range(self.first, cut)) > availHeight:
                continue
            part = SpecTable(self.spec, self.values, self.cells, self.first, cut)
            if part.wrap(availWidth, availHeight)[1] <= availHeight:
                return [part, SpecTable(self.spec, self.values, self.cells, cut, self.end)]
        return []

    def _cuts(self) -> list[int]:
        """Rows a continuation may start at: after a data row, and where the next page gets headers."""
        value_rows = {p.row for p in self.spec.placed if p.is_value}
        return [
            row for row in range(self.first + 1, self.end)
            if row - 1 in value_rows and (self.spec.header_rows or row not in value_rows)
        ]

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        self.table.drawOn(canvas, x, y, _sW)

    def draw(self) -> None:  # drawn through drawOn
        pass
