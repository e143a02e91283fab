"""The printed form of a report in the GB/T 9704-2012 style, written once for the PDF, Word and HTML
exporters: the page and its text block, the type sizes, the table's look, and which characters print.

A4 with a 156 × 225 mm text block (top 37, bottom 35, left 28, right 26 mm): 22 lines of 28 characters
of 3号 仿宋, the title in 2号 小标宋, tables in 五号.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from desktop.core.grid import LabelRole, Placed

MM_PER_INCH = 25.4
PT_PER_INCH = 72


def mm_to_pt(mm: float) -> float:
    return mm * PT_PER_INCH / MM_PER_INCH


@dataclass(frozen=True)
class Margins:
    top: float
    bottom: float
    left: float
    right: float


PAGE_MM = (210.0, 297.0)
MARGINS_MM = Margins(top=37, bottom=35, left=28, right=26)
TEXT_WIDTH_MM = PAGE_MM[0] - MARGINS_MM.left - MARGINS_MM.right  # 156
TEXT_HEIGHT_MM = PAGE_MM[1] - MARGINS_MM.top - MARGINS_MM.bottom  # 225
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
LINE_PITCH_PT = mm_to_pt(TEXT_HEIGHT_MM) / LINES_PER_PAGE  # 28.99 pt
FOOTER_DISTANCE_MM = 22  # the page number about 7 mm below the text block

BODY_PT = 16.0  # 3号
TITLE_PT = 22.0  # 2号
PAGE_NUMBER_PT = 14.0  # 4号
CELL_PT = 10.5  # 五号
CELL_LEADING_PT = 13.5  # exact, so a vertical label in a cell that crosses a page still prints
FIRST_LINE_INDENT_CHARS = 2
SIGNATURE_INDENT_CHARS = 4  # the signature ends four characters from the right margin

CAPTION_FILL = "C6D9F1"  # the template's block captions (RGB hex)
RULE_PT = 0.5  # table rules

_ALIGN_BY_ROLE = {LabelRole.CAPTION: "left", LabelRole.HEADER: "center", LabelRole.NOTE: "left",
                  LabelRole.ROW: "left"}


def cell_alignment(placed: Placed) -> str:
    """"center" or "left": values and vertical labels are centred, row labels and captions flush left."""
    if placed.is_value or placed.vertical:
        return "center"
    return _ALIGN_BY_ROLE[placed.role or LabelRole.ROW]


def cell_text(values: Mapping[str, str], placed: Placed) -> str:
    """What a placed cell prints: its value (blank stays blank) or its statutory label."""
    if placed.key is not None:
        return values.get(placed.key, "")
    return printable(placed.text or "")


# Control (Cc), format (Cf: right-to-left overrides, zero-width marks), surrogate (Cs), private use (Co) and
# unassigned (Cn) characters print as nothing or as boxes; all three formats leave them out alike.
_UNPRINTED = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})


def printable(text: str) -> str:
    """The text as it is printed: line breaks and tabs kept for the exporter to lay out, every invisible
    control or format character dropped."""
    if text.isascii() and text.isprintable():
        return text
    return "".join(c for c in text if c in "\n\t" or unicodedata.category(c) not in _UNPRINTED)
