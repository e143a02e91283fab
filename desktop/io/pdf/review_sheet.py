"""The review sheet (审核意见单) as a PDF on the report's own page (GB/T 9704 margins, page numbers),
with the fonts of the report's PDF export; the same facts, deductions and findings as the web page."""

from __future__ import annotations

import io
from collections.abc import Callable

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from desktop.core.review.summary import SummaryRow
from desktop.io.fonts import FontRole
from desktop.io.layout import CAPTION_FILL, RULE_PT
from desktop.io.pdf.fontset import FontSet, font_set
from desktop.io.pdf.markup import clean, lines_paragraph, paragraph
from desktop.io.pdf.page import make_document
from desktop.io.pdf.styles import TEXT_WIDTH
from desktop.io.review_sheet import findings_heading, sheet_facts, sheet_title
from desktop.io.review_table import deduction_text, places_text, rule_title

TEXT_PT, LEADING_PT = 11.0, 16.0
HEADER = colors.HexColor(f"#{CAPTION_FILL}")


class SheetStyles:
    def __init__(self, fonts: FontSet) -> None:
        self.fonts = fonts
        self.title = ParagraphStyle("title", fontName=fonts.name(FontRole.HEITI), fontSize=16, leading=24,
                                    alignment=TA_CENTER, wordWrap="CJK", spaceAfter=10)
        self.heading = ParagraphStyle("heading", fontName=fonts.name(FontRole.HEITI), fontSize=13, leading=20,
                                      wordWrap="CJK", spaceBefore=10, spaceAfter=4)
        self.text = ParagraphStyle("text", fontName=fonts.name(FontRole.FANGSONG), fontSize=TEXT_PT,
                                   leading=LEADING_PT, wordWrap="CJK")

    def paragraph(self, text: str, style: ParagraphStyle | None = None, role: FontRole = FontRole.FANGSONG) -> Flowable:
        return paragraph(self.fonts, style or self.text, (role, text))


def _grid(data: list[list[Flowable]], widths: list[float], header_row: bool) -> Table:
    table = Table(data, colWidths=widths, repeatRows=1 if header_row else 0, splitInRow=1)
    commands = [("GRID", (0, 0), (-1, -1), RULE_PT, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    commands += [("BACKGROUND", (0, 0), (-1, 0), HEADER)] if header_row else \
        [("BACKGROUND", (0, 0), (0, -1), HEADER), ("BACKGROUND", (2, 0), (2, -1), HEADER)]
    table.setStyle(TableStyle(commands))
    return table


def story(row: SummaryRow, styles: SheetStyles) -> list[Flowable]:
    review, p = row.review, styles.paragraph
    facts = sheet_facts(row) + ([("", "")] if len(sheet_facts(row)) % 2 else [])
    pairs = [[p(k, role=FontRole.HEITI), p(v), p(k2, role=FontRole.HEITI), p(v2)]
             for (k, v), (k2, v2) in zip(facts[::2], facts[1::2], strict=True)]
    quarter = TEXT_WIDTH / 4
    flowables: list[Flowable] = [p(sheet_title(row), styles.title, FontRole.HEITI),
                                 _grid(pairs, [quarter * 0.7, quarter * 1.3] * 2, header_row=False)]
    if review.refused:
        flowables.append(p(f"该文件无法审核：{review.refused}"))
    if row.deductions:
        flowables.append(p("扣分", styles.heading, FontRole.HEITI))
        flowables += [p(f"{n}. {deduction_text(d)}") for n, d in enumerate(row.deductions, 1)]
    flowables.append(p(findings_heading(row), styles.heading, FontRole.HEITI))
    if review.findings:
        lines = [[p("序号", role=FontRole.HEITI), p("规则", role=FontRole.HEITI), p("问题", role=FontRole.HEITI)]]
        for number, finding in enumerate(review.findings, 1):
            text = [f"【{finding.severity.label}】{finding.message}",
                    *([f"涉及：{places_text(finding.places)}"] if finding.places else []),
                    *(f"引文：“{q}”" for q in finding.quotes)]
            lines.append([p(str(number)), p(f"{finding.rule} {rule_title(finding.rule)}"),
                          lines_paragraph(styles.fonts, styles.text, FontRole.FANGSONG, text)])
        flowables.append(_grid(lines, [TEXT_WIDTH * 0.08, TEXT_WIDTH * 0.24, TEXT_WIDTH * 0.68], header_row=True))
    elif review.readable:
        flowables += [Spacer(0, 4), p("未发现问题。")]
    return flowables


def sheet_pdf_maker() -> Callable[[SummaryRow], bytes]:
    """A renderer that registers the fonts once for all the sheets of a run."""
    fonts = font_set()
    styles = SheetStyles(fonts)

    def render(row: SummaryRow) -> bytes:
        buffer = io.BytesIO()
        make_document(buffer, fonts, clean(sheet_title(row)), clean(row.review.agency)).build(story(row, styles))
        return buffer.getvalue()

    return render
