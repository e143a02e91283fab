"""Word's automatic numbering: the 「一、」 「（一）」 a paragraph shows but does not hold as text.

A heading numbered by Word (w:numPr on the paragraph or on its style) has only 「总体情况」 in its runs;
the label comes from numbering.xml. The labels are counted here in document order, as Word counts them:
one counter per abstract list, deeper levels restarting when a level above them advances, and a list
instance's start override applying where that instance first appears. Bullets give no label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from desktop.io.importers.wordml import W, val

_DIGITS = "零一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
_PLACEHOLDER = re.compile(r"%([1-9])")


def _chinese(n: int, digits: str = _DIGITS, ten: str = "十") -> str:
    if not 0 < n < 100:
        return str(n)
    tens, units = divmod(n, 10)
    head = "" if tens == 0 else (ten if tens == 1 else digits[tens] + ten)
    return head + (digits[units] if units else "")


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def _letters(n: int) -> str:
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def number_text(n: int, kind: str) -> str:
    """A counter in one of Word's number formats (w:numFmt)."""
    if kind in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting"):
        return _chinese(n)
    if kind == "chineseLegalSimplified":
        return _chinese(n, _LEGAL, "拾")
    if kind == "ideographTraditional" and 0 < n <= len(_STEMS):
        return _STEMS[n - 1]
    if kind in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 0 < n <= len(_CIRCLED):
        return _CIRCLED[n - 1]
    if kind == "decimalFullWidth":
        return str(n).translate({ord(d): 0xFF10 + int(d) for d in "0123456789"})
    if kind in ("upperLetter", "lowerLetter"):
        return _letters(n) if kind == "upperLetter" else _letters(n).lower()
    if kind in ("upperRoman", "lowerRoman"):
        return _roman(n) if kind == "upperRoman" else _roman(n).lower()
    if kind == "none":
        return ""
    return str(n)


@dataclass(frozen=True)
class _Level:
    start: int
    kind: str
    text: str


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


@dataclass
class Numbering:
    """The lists of one document and their counters, advanced paragraph by paragraph."""

    lists: dict[str, str] = field(default_factory=dict)  # numId → abstractNumId
    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # abstractNumId → ilvl → level
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)  # numId → ilvl → start
    styles: dict[str, tuple[str | None, str | None, str | None]] = field(default_factory=dict)
    counters: dict[str, list[int | None]] = field(default_factory=dict)  # abstractNumId → per level
    starts: dict[str, dict[int, int]] = field(default_factory=dict)  # a level's next start, overridden
    started: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, document: Any) -> Numbering:
        numbering = cls()
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return numbering
        for abstract in root.iterchildren(f"{W}abstractNum"):
            levels = {}
            for lvl in abstract.iterchildren(f"{W}lvl"):
                levels[_int(lvl.get(f"{W}ilvl"), 0)] = _Level(
                    _int(val(lvl, f"{W}start"), 1), val(lvl, f"{W}numFmt") or "decimal",
                    val(lvl, f"{W}lvlText") or "")
            numbering.levels[abstract.get(f"{W}abstractNumId") or ""] = levels
        for num in root.iterchildren(f"{W}num"):
            num_id = num.get(f"{W}numId") or ""
            numbering.lists[num_id] = val(num, f"{W}abstractNumId") or ""
            for override in num.iterchildren(f"{W}lvlOverride"):
                start = val(override, f"{W}startOverride")
                if start is not None:
                    numbering.overrides.setdefault(num_id, {})[_int(override.get(f"{W}ilvl"), 0)] = _int(start, 1)
        try:
            styles = document.part.styles.element
        except (NotImplementedError, KeyError, AttributeError):
            return numbering
        for style in styles.iterchildren(f"{W}style"):
            numbering.styles[style.get(f"{W}styleId") or ""] = (
                val(style, f"{W}pPr/{W}numPr/{W}numId"), val(style, f"{W}pPr/{W}numPr/{W}ilvl"),
                val(style, f"{W}basedOn"))
        return numbering

    def _style_numbering(self, style_id: str | None) -> tuple[str | None, str | None]:
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            num_id, ilvl, based_on = self.styles[style_id]
            if num_id is not None:
                return num_id, ilvl
            style_id = based_on
        return None, None

    def label(self, paragraph: Any) -> str:
        """The label Word shows before this paragraph, counting it; "" for an unnumbered paragraph."""
        if not self.lists:
            return ""
        num_id = val(paragraph, f"{W}pPr/{W}numPr/{W}numId")
        ilvl = val(paragraph, f"{W}pPr/{W}numPr/{W}ilvl")
        if num_id is None:
            num_id, style_ilvl = self._style_numbering(val(paragraph, f"{W}pPr/{W}pStyle"))
            ilvl = ilvl if ilvl is not None else style_ilvl
        abstract = self.lists.get(num_id or "")
        levels = self.levels.get(abstract or "")
        level = _int(ilvl, 0)
        if not levels or level not in levels or levels[level].kind == "bullet" or abstract is None:
            return ""
        counters = self.counters.setdefault(abstract, [None] * 10)
        starts = self.starts.setdefault(abstract, {})
        if num_id not in self.started:  # a list instance's start override applies where it first appears
            self.started.add(num_id or "")
            for at, start in self.overrides.get(num_id or "", {}).items():
                if 0 <= at < 10:
                    counters[at], starts[at] = None, start
        current = counters[level]
        counters[level] = current + 1 if current is not None else starts.pop(level, levels[level].start)
        for deeper in range(level + 1, 10):
            counters[deeper] = None

        def shown(match: re.Match[str]) -> str:
            at = int(match.group(1)) - 1
            spec = levels.get(at)
            if spec is None:
                return ""
            value = counters[at]
            return number_text(value if value is not None else spec.start, spec.kind)

        return _PLACEHOLDER.sub(shown, levels[level].text)
