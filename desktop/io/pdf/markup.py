"""What the clerk typed, as reportlab paragraph markup that prints it literally.

reportlab parses paragraph text as XML-like markup, so ``<``, ``&`` or ``</para>`` typed in a report would
be read as tags. Everything is escaped, and invisible control and format characters, which fonts have no
glyph for, are dropped.
"""

from __future__ import annotations

import unicodedata
from xml.sax.saxutils import escape

from desktop.io.fonts import FontRole
from desktop.io.pdf.fontset import FontSet

_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs"})


def clean(text: str) -> str:
    """Tabs and line breaks become spaces; other control and format characters go."""
    text = text.replace("\r\n", " ").replace("\t", " ").replace("\n", " ").replace("\r", " ")
    if text.isascii() and text.isprintable():
        return text
    return "".join(c for c in text if unicodedata.category(c) not in _DROPPED_CATEGORIES)


def markup(fonts: FontSet, role: FontRole, text: str) -> str:
    """Escaped text with each run in a font that has its characters."""
    parts = []
    for font, run in fonts.runs(role, clean(text)):
        parts.append(f'<font face="{font}">{escape(run)}</font>')
    return "".join(parts)


def lines_markup(fonts: FontSet, role: FontRole, lines: list[str] | tuple[str, ...]) -> str:
    """Several lines in one paragraph, for titles, signatures and vertical labels."""
    return "<br/>".join(markup(fonts, role, line) for line in lines)
