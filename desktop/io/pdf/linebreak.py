"""Chinese line breaking for reportlab paragraphs, as WPS breaks lines.

reportlab's own CJK wrapping lets a line start with 「，」 or 「。」 after a closing bracket, and cuts
numbers and e-mail addresses in two. Here a line never starts with closing punctuation nor ends with
opening punctuation (the previous character moves down instead), and a run of Latin letters or digits
is kept whole unless it is longer than a line.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START
from reportlab.platypus.paragraph import Paragraph, ParaLines, cjkU, makeCJKParaLine

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
        end = max(end, start + 1)
        cut = end
        while cut > start + 1 and not can_break(units[cut - 1], units[cut]):
            cut -= 1
        ends.append(cut if cut > start + 1 or can_break(units[cut - 1], units[cut]) else end)
        start = ends[-1]
    return ends


def break_lines(frags: Sequence[Any], max_widths: Sequence[float], calc_bounds: bool) -> ParaLines:
    """reportlab's lines for the paragraph's fragments; a <br/> ends a line wherever it is."""
    units: list[Any] = []
    for frag in frags:
        if getattr(frag, "lineBreak", False) or hasattr(frag, "cbDefn"):
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
        forced = number < len(segments) - 1
        widths = [u.width for u in segment]
        start = 0
        ends = _line_ends(segment, widths, max_widths[len(lines) :] or max_widths[-1:])
        for i, end in enumerate(ends):
            width = sum(widths[start:end])
            max_width = max_widths[min(len(lines), len(max_widths) - 1)]
            lines.append(makeCJKParaLine(
                segment[start:end], max_width, width, max_width - width, forced and i == len(ends) - 1, calc_bounds
            ))
            start = end
    return ParaLines(kind=1, lines=lines)


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
