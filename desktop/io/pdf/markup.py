"""What the clerk typed, as reportlab paragraph markup that prints it literally.

reportlab parses paragraph text as XML-like markup, so ``<``, ``&`` or ``</para>`` typed in a report would
be read as tags. Everything is escaped, and invisible control and format characters, which fonts have no
glyph for, are dropped.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from desktop.io.fonts import FontRole
from desktop.io.layout import printable
from desktop.io.pdf.fontset import FontSet


def clean(text: str) -> str:
    """Tabs and line breaks become spaces; other control and format characters go, as in every export."""
    return printable(text.replace("\r\n", " ").replace("\t", " ").replace("\n", " ").replace("\r", " "))


def markup(fonts: FontSet, role: FontRole, text: str) -> str:
    """Escaped text with each run in a font that has its characters."""
    parts = []
    for font, run in fonts.runs(role, clean(text)):
        parts.append(f'<font face="{font}">{escape(run)}</font>')
    return "".join(parts)


def lines_markup(fonts: FontSet, role: FontRole, lines: list[str] | tuple[str, ...]) -> str:
    """Several lines in one paragraph, for titles, signatures and vertical labels."""
    return "<br/>".join(markup(fonts, role, line) for line in lines)
