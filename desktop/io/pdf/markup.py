"""What the clerk typed, as reportlab paragraphs that print it literally, each run in a font that has it.

reportlab reads a paragraph's text as XML-like markup: ``<``, ``&`` or ``</para>`` typed in a report would be
tags. So a paragraph is given its fragments directly, as reportlab's parser would make them for the escaped
text in ``<font face="…">`` runs: each run's fragment is a copy of the one the parser makes for that font and
style (parsed once), with the run's text in it. The text is cleaned as the parser's caller cleans it (every
run of white space becomes one space), and invisible control and format characters, which fonts have no
glyph for, are dropped. A page of text has hundreds of paragraphs; parsing their markup cost a tenth of
the export.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable, Sequence
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus.paraparser import ParaParser

from desktop.io.fonts import FontRole
from desktop.io.layout import printable
from desktop.io.pdf.fontset import FontSet
from desktop.io.pdf.linebreak import CJKParagraph

# reportlab's cleanBlockQuotedText, which Paragraph applies to markup: str.split() white space, as one space.
_WHITE_SPACE = re.compile(r"\s+")


def clean(text: str) -> str:
    """Tabs and line breaks become spaces; other control and format characters go, as in every export."""
    return printable(text.replace("\r\n", " ").replace("\t", " ").replace("\n", " ").replace("\r", " "))


def paragraph(fonts: FontSet, style: ParagraphStyle, *pieces: tuple[FontRole, str]) -> CJKParagraph:
    """One paragraph of text, ``pieces`` of it in their roles' fonts (a 楷体 lead, then 仿宋)."""
    return _paragraph(fonts, style, [pieces])


def lines_paragraph(fonts: FontSet, style: ParagraphStyle, role: FontRole, lines: Iterable[str]) -> CJKParagraph:
    """Several lines in one paragraph, for titles, signatures and vertical labels."""
    return _paragraph(fonts, style, [[(role, line)] for line in lines])


def _paragraph(fonts: FontSet, style: ParagraphStyle, lines: Sequence[Sequence[tuple[FontRole, str]]]) -> CJKParagraph:
    made = _templates(style)
    shared: dict[str, Any] = {"link": [], "us_lines": []}  # one list each per paragraph, as the parser makes
    frags: list[Any] = []
    for number, pieces in enumerate(lines):
        if number:
            frags.append(made.line_break().clone(**shared))
        for role, text in pieces:
            for font, run in fonts.runs(role, clean(text)):
                frags.append(made.font(font).clone(text=_WHITE_SPACE.sub(" ", run), **shared))
    plain = "\n".join("".join(text for _, text in pieces) for pieces in lines)
    return CJKParagraph(plain, style, frags=frags)


class _Templates:
    """The fragments reportlab's parser makes in one style: for a run in a font, and for a line break."""

    def __init__(self, style: ParagraphStyle) -> None:
        self._style = weakref.ref(style)
        self._fonts: dict[str, Any] = {}
        self._break: Any = None

    def font(self, name: str) -> Any:
        if name not in self._fonts:
            (self._fonts[name],) = self._parsed(f'<font face="{name}">x</font>')
        return self._fonts[name]

    def line_break(self) -> Any:
        if self._break is None:
            (self._break,) = self._parsed("<br/>")
        return self._break

    def _parsed(self, markup: str) -> list[Any]:
        style = self._style()
        assert style is not None
        _, frags, _ = ParaParser().parse(markup, style)
        return frags  # type: ignore[no-any-return]


_MADE: weakref.WeakKeyDictionary[ParagraphStyle, _Templates] = weakref.WeakKeyDictionary()


def _templates(style: ParagraphStyle) -> _Templates:
    made = _MADE.get(style)
    if made is None:
        made = _MADE[style] = _Templates(style)
    return made
