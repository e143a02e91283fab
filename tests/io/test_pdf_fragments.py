"""A PDF paragraph is given its fragments directly, without reportlab parsing markup: the lines it breaks into
must be those of the escaped markup as reportlab's own parser reads it, whatever the clerk typed. And the
lines are built a run at a time: they must be those reportlab's own line builder makes a character at a
time."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus.paragraph import ParaLines, cjkU, makeCJKParaLine

from desktop.io.fonts import FontRole
from desktop.io.pdf import linebreak
from desktop.io.pdf.fontset import FontSet, font_set
from desktop.io.pdf.linebreak import CJKParagraph
from desktop.io.pdf.markup import clean, lines_paragraph, paragraph
from desktop.io.pdf.styles import Styles, make_styles

# Typed text with what markup and white space make hard: entities, tags, runs of ASCII and full-width
# spaces, tabs and line breaks, control characters, and characters only the fallback font has.
ALPHABET = list("政府信息公开年度报告申请件，。；、（）“”") + list("<>&;/\"'= \u3000\t\n\r\u202e\x0b𝄞堃喆镕aZ09.%")
TEXTS = st.text(alphabet=ALPHABET, max_size=60)


@pytest.fixture(scope="module")
def fonts() -> FontSet:
    return font_set()


@pytest.fixture(scope="module")
def styles(fonts: FontSet) -> Styles:
    return make_styles(fonts)


def _markup(fonts: FontSet, role: FontRole, text: str) -> str:
    """The escaped markup in font runs, as paragraphs were written before they were given fragments."""
    return "".join(f'<font face="{font}">{escape(run)}</font>' for font, run in fonts.runs(role, clean(text)))


def _lines(made: CJKParagraph, width: float) -> list[Any]:
    made.wrap(width, 10_000)
    return [(line.lineBreak, round(line.currentWidth, 6), [(w.text, w.fontName, w.fontSize, w.textColor, w.rise)
                                                          for w in line.words]) for line in made.blPara.lines]


@settings(max_examples=150, deadline=None)
@given(lead=TEXTS, text=TEXTS, width=st.sampled_from([60.0, 150.0, 442.0]))
def test_a_paragraph_breaks_as_its_parsed_markup(fonts: FontSet, styles: Styles, lead: str, text: str,
                                                 width: float) -> None:
    given_frags = paragraph(fonts, styles.body, (FontRole.KAITI, lead), (FontRole.FANGSONG, text))
    parsed = CJKParagraph(_markup(fonts, FontRole.KAITI, lead) + _markup(fonts, FontRole.FANGSONG, text),
                          styles.body)
    assert _lines(given_frags, width) == _lines(parsed, width)


@settings(max_examples=100, deadline=None)
@given(lines=st.lists(TEXTS, max_size=4), width=st.sampled_from([20.0, 100.0]))
def test_lines_break_as_their_parsed_markup(fonts: FontSet, styles: Styles, lines: list[str], width: float) -> None:
    given_frags = lines_paragraph(fonts, styles.cell_center, FontRole.SONGTI, lines)
    parsed = CJKParagraph("<br/>".join(_markup(fonts, FontRole.SONGTI, line) for line in lines), styles.cell_center)
    assert _lines(given_frags, width) == _lines(parsed, width)


def test_white_space_and_markup_print_as_typed(fonts: FontSet, styles: Styles) -> None:
    """Runs of spaces print as one, as the parser's caller cleans them; tags and entities print literally."""
    made = paragraph(fonts, styles.body, (FontRole.FANGSONG, "甲　　乙  丙\t<b>丁</b>&amp;"))
    text = "".join(w.text for line in _lines_of(made) for w in line.words)
    assert text == "甲 乙 丙 <b>丁</b>&amp;"


def test_a_style_of_its_own_sets_the_fragments(fonts: FontSet, styles: Styles) -> None:
    """A table's header and number styles are made per size: each gets fragments in its own size."""
    small = ParagraphStyle("small", parent=styles.cell_center, fontSize=7.5)
    made = paragraph(fonts, small, (FontRole.SONGTI, "3119"))
    assert {w.fontSize for line in _lines_of(made) for w in line.words} == {7.5}


def _lines_of(made: CJKParagraph) -> list[Any]:
    made.wrap(442, 10_000)
    return list(made.blPara.lines)


def _reportlab_lines(frags: list[Any], max_widths: list[float], calc_bounds: bool) -> Any:
    """The lines as reportlab's own objects give them: one ``cjkU`` per character, ``makeCJKParaLine``."""
    units: list[Any] = []
    for frag in frags:
        if getattr(frag, "lineBreak", False):
            units.append(cjkU(frag.text or "", frag, "utf8"))
        else:
            units += [cjkU(char, frag, "utf8") for char in frag.text]
    segments: list[list[Any]] = [[]]
    for unit in units:
        segments[-1].append(unit)
        if getattr(unit.frag, "lineBreak", False):
            segments.append([])
    lines: list[Any] = []
    for number, segment in enumerate(segments):
        widths = [u.width for u in segment]
        start = 0
        ends = linebreak._line_ends(segment, widths, max_widths[len(lines):] or max_widths[-1:])
        for i, end in enumerate(ends):
            width = sum(widths[start:end])
            max_width = max_widths[min(len(lines), len(max_widths) - 1)]
            lines.append(makeCJKParaLine(segment[start:end], max_width, width, max_width - width,
                                         number < len(segments) - 1 and i == len(ends) - 1, calc_bounds))
            start = end
    return ParaLines(kind=1, lines=lines)


def _all(lines: Any) -> list[Any]:
    return [(line.lineBreak, line.extraSpace, line.currentWidth, line.maxWidth, line.fontSize, line.ascent,
             line.descent, [sorted(w.__dict__.items(), key=lambda item: item[0]) for w in line.words])
            for line in lines.lines]


@settings(max_examples=150, deadline=None)
@given(lines=st.lists(st.lists(st.tuples(st.sampled_from([FontRole.KAITI, FontRole.FANGSONG, FontRole.HEITI]),
                                         TEXTS), max_size=3), max_size=3),
       widths=st.lists(st.sampled_from([15.0, 60.0, 442.0]), min_size=1, max_size=3), bounds=st.booleans())
def test_lines_are_reportlab_s_own(fonts: FontSet, styles: Styles, lines: list[list[tuple[FontRole, str]]],
                                   widths: list[float], bounds: bool) -> None:
    frags = linebreak_frags(fonts, styles, lines)
    assert _all(linebreak.break_lines(frags, widths, bounds)) == _all(_reportlab_lines(frags, widths, bounds))


def linebreak_frags(fonts: FontSet, styles: Styles, lines: list[list[tuple[FontRole, str]]]) -> list[Any]:
    from desktop.io.pdf.markup import _paragraph

    return list(_paragraph(fonts, styles.body, lines).frags)


def test_a_line_narrower_than_a_character_holds_it(fonts: FontSet, styles: Styles) -> None:
    """A column squeezed below one character's width: each character gets a line of its own (the breaking
    looked past the last character and stopped the export)."""
    made = paragraph(fonts, styles.body, (FontRole.FANGSONG, "、公开"))
    assert [[word[0] for word in line[2]] for line in _lines(made, 5.0)] == [["、"], ["公"], ["开"]]
