"""The page: one text block at the GB/T 9704 margins, and the page number 「— N —」 below it.

GB/T 9704 7.5: 4号 宋体, an em dash on each side, 7 mm below the text block; odd pages at the right and
even pages at the left, each one character in from the edge of the text block.
"""

from __future__ import annotations

from typing import Any

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from desktop.io.fonts import FontRole
from desktop.io.pdf.fontset import FontSet
from desktop.io.pdf.styles import (
    BODY_SIZE,
    LINE_PITCH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    PAGE_HEIGHT,
    PAGE_NUMBER_SIZE,
    PAGE_WIDTH,
    TEXT_HEIGHT,
    TEXT_WIDTH,
)

# Page contents are deflated only. reportlab writes them in ASCII85 on top, which makes them a quarter
# larger and costs an export about 3 ms; PDF readers have read binary streams since PDF 1.2.
rl_config.useA85 = 0

PAGE_NUMBER_GAP = 7 * mm
PAGE_NUMBER_BASELINE = MARGIN_BOTTOM - PAGE_NUMBER_GAP - 0.8 * PAGE_NUMBER_SIZE


def page_number_text(number: int) -> str:
    return f"— {number} —"


def draw_page_number(canvas: Canvas, fonts: FontSet, number: int) -> None:
    """The spaces are widened to half a character, as in 宋体, whatever the font's own space is."""
    text = page_number_text(number)
    runs = fonts.runs(FontRole.SONGTI, text)
    space = stringWidth(" ", fonts.name(FontRole.SONGTI), PAGE_NUMBER_SIZE)
    extra = max(0.0, PAGE_NUMBER_SIZE / 2 - space)
    width = sum(stringWidth(run, font, PAGE_NUMBER_SIZE) for font, run in runs) + extra * text.count(" ")
    if number % 2:
        x = PAGE_WIDTH - MARGIN_RIGHT - PAGE_NUMBER_SIZE - width
    else:
        x = MARGIN_LEFT + PAGE_NUMBER_SIZE
    text_object = canvas.beginText(x, PAGE_NUMBER_BASELINE)
    text_object.setWordSpace(extra)
    for font, run in runs:
        text_object.setFont(font, PAGE_NUMBER_SIZE)
        text_object.textOut(run)
    canvas.drawText(text_object)


def make_document(target: Any, fonts: FontSet, title: str, author: str) -> BaseDocTemplate:
    """A document whose every page is the GB/T 9704 text block with a page number."""
    frame = Frame(
        MARGIN_LEFT, MARGIN_BOTTOM, TEXT_WIDTH, TEXT_HEIGHT,
        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="text",
    )

    def on_page(canvas: Canvas, document: BaseDocTemplate) -> None:
        canvas.saveState()
        draw_page_number(canvas, fonts, document.page)
        canvas.restoreState()

    document = BaseDocTemplate(
        target, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), title=title, author=author, subject=title,
        leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT, topMargin=PAGE_HEIGHT - MARGIN_BOTTOM - TEXT_HEIGHT,
        bottomMargin=MARGIN_BOTTOM, allowSplitting=1,
        initialFontName=fonts.name(FontRole.FANGSONG), initialFontSize=BODY_SIZE, initialLeading=LINE_PITCH,
    )
    document.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])
    return document
