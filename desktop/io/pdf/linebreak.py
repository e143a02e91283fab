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
    units: list[Any] = []
    for frag in frags:
        if getattr(frag, "lineBreak", False) or hasattr(frag, "cbDefn"):
            units.append(cjkU(frag.text or "", frag, "utf8"))
        else:
            units += [cjkU(char, frag, "utf8") for char in frag.text]
    lines = []
    segment: list[Any] = []
    for unit in [*units, None]:
        if unit is not None and not getattr(unit.frag, "lineBreak", False):
            segment.append(unit)
            continue
        forced = unit is not None
        if forced:
            segment.append(unit)
        widths = [u.width for u in segment]
        start = 0
        ends = _line_ends(segment, widths, max_widths[len(lines):] or max_widths[-1:]) if segment else []
        for i, end in enumerate(ends or ([0] if forced else [])):
            width = sum(widths[start:end])
            max_width = max_widths[min(len(lines), len(max_widths) - 1)]
            last = i == len(ends) - 1
            lines.append(makeCJKParaLine(
                segment[start:end], max_width, width, max_width - width, forced and last, calc_bounds
            ))
            start = end
        segment = []
    return ParaLines(kind=1, lines=lines)


class CJKParagraph(Paragraph):
    """A paragraph broken into lines by the rules above."""

    def breakLinesCJK(self, maxWidths: Any) -> Any:
        if hasattr(self, "blPara") and getattr(self, "_splitpara", 0):
            return self.blPara
        if not isinstance(maxWidths, (list, tuple)):
            maxWidths = [maxWidths]
        auto_leading = getattr(self, "autoLeading", getattr(self.style, "autoLeading", ""))
        return break_lines(self.frags, maxWidths, auto_leading not in ("", "off"))
