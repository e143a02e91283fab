"""Chinese line breaking for reportlab paragraphs, as WPS breaks lines.

reportlab's own CJK wrapping lets a line start with 「，」 or 「。」 after a closing bracket, and cuts
numbers and e-mail addresses in two. Here a line never starts with closing punctuation nor ends with
opening punctuation (the previous character moves down instead), and a run of Latin letters or digits
is kept whole unless it is longer than a line.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from reportlab.lib.rl_accel import sameFrag
from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.platypus.paragraph import FragLine, Paragraph, ParaLines, cjkU, imgNormV, imgVRange

CANNOT_START = ALL_CANNOT_START + "，：；！？、。）》」』】〕〗”’％·…—"
CANNOT_END = ALL_CANNOT_END + "（《「『【〔〖“‘"
_FUZZ = 1e-6


def _is_word(char: str) -> bool:
    return bool(char) and ord(char) < 0x3000 and not char.isspace()


def can_break(before: str, after: str) -> bool:
    """May a line end with ``before`` and the next start with ``after``?"""
    if after in CANNOT_START or before in CANNOT_END:
        return False
    return not (_is_word(before) and _is_word(after))


def _line_ends(units: Sequence[Any], widths: Sequence[float], max_widths: Sequence[float]) -> list[int]:
    """Where each line ends, as indices into ``units``: greedy, then moved back to a permitted break."""
    ends: list[int] = []
    start, count = 0, len(units)
    while start < count:
        limit = max_widths[min(len(ends), len(max_widths) - 1)] + _FUZZ
        end, used = start, 0.0
        while end < count and used + widths[end] <= limit:
            used += widths[end]
            end += 1
        if end == count:
            ends.append(count)
            break
        end = max(end, start + 1)  # a character wider than the line has a line of its own
        if end == count:
            ends.append(count)
            break
        cut = end
        while cut > start + 1 and not can_break(units[cut - 1], units[cut]):
            cut -= 1
        ends.append(cut if cut > start + 1 or can_break(units[cut - 1], units[cut]) else end)
        start = ends[-1]
    return ends


def break_lines(frags: Sequence[Any], max_widths: Sequence[float], calc_bounds: bool) -> ParaLines:
    """reportlab's lines for the paragraph's fragments; a <br/> ends a line wherever it is.

    A unit is one character of a fragment (or a whole <br/> or image fragment), with its width and its
    fragment kept side by side in lists: a page of text has a few thousand characters, and reportlab's own
    per-character objects and line builder cost more than the breaking itself."""
    units: list[str] = []
    widths: list[float] = []
    unit_frags: list[Any] = []
    bounds = []  # a <br/> ends a segment; every segment but the last ends with a forced line break
    for frag in frags:
        if getattr(frag, "lineBreak", False) or hasattr(frag, "cbDefn"):
            unit = cjkU(frag.text or "", frag, "utf8")
            units.append(str(unit))
            widths.append(unit.width)
            unit_frags.append(frag)
            if getattr(frag, "lineBreak", False):
                bounds.append(len(units))
        else:
            width_of = _char_widths(frag.fontName, frag.fontSize)
            units += frag.text
            widths += [width_of[c] for c in frag.text]
            unit_frags += [frag] * len(frag.text)
    bounds.append(len(units))
    lines: list[Any] = []
    start = 0
    for number, segment_end in enumerate(bounds):
        forced = number < len(bounds) - 1
        line_start = start
        ends = _line_ends(units[start:segment_end], widths[start:segment_end],
                          max_widths[len(lines):] or max_widths[-1:])
        for i, end in enumerate(ends):
            line_end = start + end
            width = sum(widths[line_start:line_end])
            max_width = max_widths[min(len(lines), len(max_widths) - 1)]
            lines.append(_para_line(units, unit_frags, line_start, line_end, max_width, width,
                                    forced and i == len(ends) - 1, calc_bounds))
            line_start = line_end
        start = segment_end
    return ParaLines(kind=1, lines=lines)


@cache  # a registered font name stands for one file as it was: its widths never change
def _char_widths(font_name: str, font_size: float) -> dict[str, float]:
    """Each character's width in one font and size, as reportlab measures it, worked out once."""
    return _Widths(font_name, font_size)


class _Widths(dict[str, float]):
    def __init__(self, font_name: str, font_size: float) -> None:
        super().__init__()
        self.font_name, self.font_size = font_name, font_size

    def __missing__(self, char: str) -> float:
        width = self[char] = stringWidth(char, self.font_name, self.font_size)
        return width


def _para_line(units: list[str], unit_frags: list[Any], start: int, end: int, max_width: float, width: float,
               forced: bool, calc_bounds: bool) -> Any:
    """reportlab's ``makeCJKParaLine`` for ``units[start:end]``, a run of one fragment at a time rather than
    one character at a time: everything it reads of a character is its fragment's."""
    words: list[Any] = []
    word: list[str] = []
    current = FragLine()
    max_size = max_ascent = min_descent = 0
    at = start
    while at < end:
        frag = unit_frags[at]
        run_end = at + 1
        if sameFrag(frag, frag):  # not so for a <br/> or an image: one word each
            while run_end < end and unit_frags[run_end] is frag:
                run_end += 1
        size = frag.fontSize
        box: Any = getattr(frag, "cbDefn", None) if calc_bounds else None
        if getattr(box, "width", 0):
            descent, ascent = imgVRange(imgNormV(box.height, size), box.valign, size)
        else:
            ascent, descent = getAscentDescent(frag.fontName, size)
        max_size, max_ascent, min_descent = max(max_size, size), max(max_ascent, ascent), min(min_descent, descent)
        if not sameFrag(current, frag):
            words.append(_word(current, word))
            word, current = [], frag
        word += units[at:run_end]
        at = run_end
    if word:
        words.append(_word(current, word))
    return FragLine(kind=1, extraSpace=max_width - width, wordCount=1, words=words[1:], fontSize=max_size,
                    ascent=max_ascent, descent=min_descent, maxWidth=max_width, currentWidth=width,
                    lineBreak=forced)


def _word(frag: Any, text: list[str]) -> Any:
    word = frag.clone()
    word.text = "".join(text)
    return word


class CJKParagraph(Paragraph):
    """A paragraph broken into lines by the rules above.

    Table cells are measured again for every page a table is tried on, so the lines for the last
    widths are kept. A paragraph split across pages continues with the same characters: reportlab
    would add a space at the end of every line, which Chinese text has not.
    """

    _last_break: tuple[tuple[float, ...], Any] | None = None
    # The part carried to the next page: its lines, already broken at this width as the rest of the
    # paragraph it came from. Lines are broken greedily, one after another, so breaking the part again
    # gives the same lines; a long paragraph was broken once per page it ran over.
    _continued: tuple[float, list[Any]] | None = None

    def breakLinesCJK(self, maxWidths: Any) -> Any:
        if hasattr(self, "blPara") and getattr(self, "_splitpara", False):
            return self.blPara
        widths = tuple(maxWidths) if isinstance(maxWidths, (list, tuple)) else (maxWidths,)
        if self._last_break is not None and self._last_break[0] == widths:
            return self._last_break[1]
        if self._continued is not None and all(width == self._continued[0] for width in widths):
            lines = ParaLines(kind=1, lines=self._continued[1])
            self._last_break = (widths, lines)
            return lines
        auto_leading = getattr(self, "autoLeading", getattr(self.style, "autoLeading", ""))
        lines = break_lines(self.frags, widths, auto_leading not in ("", "off"))
        self._last_break = (widths, lines)
        return lines

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        parts = super().split(availWidth, availHeight)
        broken = self._last_break
        if len(parts) == 2 and broken is not None and broken[1] is getattr(self, "blPara", None):
            widths, lines = broken
            if len(set(widths[1:] or widths)) == 1:  # every line after the first as wide: the part's lines
                parts[1]._continued = (widths[-1], lines.lines[len(parts[0].blPara.lines):])
        return parts

    def _get_split_blParaFunc(self) -> Any:
        return _line_fragments


def _line_fragments(lines: ParaLines, start: int, stop: int) -> list[Any]:
    return [word for line in lines.lines[start:stop] for word in line.words]
