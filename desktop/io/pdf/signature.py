"""The optional signature: agency name and 成文日期 (GB/T 9704 7.3.5), one blank line below the text.

The date sits 4 characters in from the right and the agency is centred over it. When the page has no
room for the blank line, it is dropped, so that the signature does not move to a page of its own
for want of one line.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from desktop.io.fonts import FontRole
from desktop.io.outline import Signature
from desktop.io.pdf.fontset import FontSet
from desktop.io.pdf.linebreak import CJKParagraph
from desktop.io.pdf.markup import clean, paragraph
from desktop.io.pdf.styles import BODY_SIZE, LINE_PITCH, SIGNATURE_INDENT_CHARS, Styles


class SignatureBlock(Flowable):
    def __init__(self, signature: Signature, fonts: FontSet, styles: Styles) -> None:
        super().__init__()
        self.lines = _lines(signature, fonts, styles)
        self.gap = LINE_PITCH

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        text_height = sum(line.wrap(availWidth, availHeight)[1] for line in self.lines)
        self.gap = LINE_PITCH if text_height + LINE_PITCH <= availHeight or text_height > availHeight else 0
        self.width, self.height = availWidth, self.gap + text_height
        return self.width, self.height

    def draw(self) -> None:
        y = self.height - self.gap
        for line in self.lines:
            y -= line.height
            line.drawOn(self.canv, 0, y)


def _lines(signature: Signature, fonts: FontSet, styles: Styles) -> list[Any]:
    indent = SIGNATURE_INDENT_CHARS * BODY_SIZE
    if not signature.date:
        return [_right(fonts, styles, signature.agency, indent)]
    date_width = _width(fonts, signature.date)
    agency_indent = max(0.0, indent + (date_width - _width(fonts, signature.agency)) / 2)
    lines = [_right(fonts, styles, signature.agency, agency_indent)] if signature.agency else []
    return [*lines, _right(fonts, styles, signature.date, indent)]


def _right(fonts: FontSet, styles: Styles, text: str, indent: float) -> CJKParagraph:
    style = ParagraphStyle(f"signature{indent:.1f}", parent=styles.signature, rightIndent=indent)
    return paragraph(fonts, style, (FontRole.FANGSONG, text))


def _width(fonts: FontSet, text: str) -> float:
    return sum(stringWidth(run, font, BODY_SIZE) for font, run in fonts.runs(FontRole.FANGSONG, clean(text)))
