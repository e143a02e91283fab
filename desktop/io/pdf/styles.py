"""The page and type of GB/T 9704-2012 for reportlab, from the shared layout (desktop/io/layout.py).

WPS keeps the 28-character grid by setting 3号 characters at a 15.8 pt pitch; reportlab has no
character spacing for paragraphs, so the body size is that pitch. The difference from 16 pt cannot be
seen, a line that breaks where the published reports break can.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from desktop.io import layout
from desktop.io.fonts import FontRole
from desktop.io.pdf.fontset import FontSet

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_TOP = layout.MARGINS_MM.top * mm
MARGIN_BOTTOM = layout.MARGINS_MM.bottom * mm
MARGIN_LEFT = layout.MARGINS_MM.left * mm
MARGIN_RIGHT = layout.MARGINS_MM.right * mm
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT  # 156 mm
TEXT_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM  # 225 mm

LINES_PER_PAGE = layout.LINES_PER_PAGE
CHARS_PER_LINE = layout.CHARS_PER_LINE
LINE_PITCH = TEXT_HEIGHT / LINES_PER_PAGE  # 28.99 pt
BODY_SIZE = TEXT_WIDTH / CHARS_PER_LINE - 0.001  # 3号 on the grid; the margin absorbs rounding
TITLE_SIZE = layout.TITLE_PT
PAGE_NUMBER_SIZE = layout.PAGE_NUMBER_PT
CELL_SIZE = layout.CELL_PT
CELL_LEADING = layout.CELL_LEADING_PT
CELL_PADDING = 2.5
SIGNATURE_INDENT_CHARS = layout.SIGNATURE_INDENT_CHARS


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    heading1: ParagraphStyle
    heading2: ParagraphStyle
    body: ParagraphStyle
    signature: ParagraphStyle
    cell_left: ParagraphStyle
    cell_center: ParagraphStyle


def make_styles(fonts: FontSet) -> Styles:
    indent = 2 * BODY_SIZE

    def text(name: str, role: FontRole, **extra: object) -> ParagraphStyle:
        options: dict[str, object] = {
            "fontName": fonts.name(role), "fontSize": BODY_SIZE, "leading": LINE_PITCH,
            "firstLineIndent": indent, "alignment": TA_JUSTIFY, "wordWrap": "CJK",
        }
        options.update(extra)
        return ParagraphStyle(name, **options)  # type: ignore[arg-type]

    def cell(name: str, alignment: int) -> ParagraphStyle:
        return ParagraphStyle(
            name, fontName=fonts.name(FontRole.SONGTI), fontSize=CELL_SIZE, leading=CELL_LEADING,
            alignment=alignment, wordWrap="CJK",
        )

    return Styles(
        title=text(
            "title", FontRole.XIAOBIAOSONG, fontSize=TITLE_SIZE, leading=LINE_PITCH * 1.25,
            firstLineIndent=0, alignment=TA_CENTER, spaceAfter=LINE_PITCH,
        ),
        heading1=text("heading1", FontRole.HEITI, alignment=TA_LEFT),
        heading2=text("heading2", FontRole.KAITI, alignment=TA_LEFT),
        body=text("body", FontRole.FANGSONG),
        signature=text("signature", FontRole.FANGSONG, firstLineIndent=0, alignment=TA_RIGHT),
        cell_left=cell("cell_left", TA_LEFT),
        cell_center=cell("cell_center", TA_CENTER),
    )
