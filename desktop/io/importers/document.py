"""What every reader produces: the source as paragraphs and tables, in reading order.

Tables keep real positions (row, column, spans) when the source has them (HTML, Word, PDF). Flattened
text keeps only the order of cells within a row, and ``col`` is None.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from desktop.io.importers.chinese_variants import count_traditional, to_simplified


class ImportRefused(Exception):
    """The source cannot be imported; ``str(error)`` is the message for the clerk."""


@dataclass
class Cell:
    text: str
    row: int
    col: int | None = None
    rowspan: int = 1
    colspan: int = 1


@dataclass
class Grid:
    cells: list[Cell]
    # A Markdown table gives every row all its columns, so a row's values are its last cells: the blank
    # cells of a label spanning columns stand before them (「| 一、本年新收… | | | 3 | 1 | … | |」).
    right_aligned: bool = False

    @property
    def positioned(self) -> bool:
        return all(c.col is not None for c in self.cells)

    def rows(self) -> list[list[Cell]]:
        by_row: dict[int, list[Cell]] = {}
        for cell in self.cells:
            by_row.setdefault(cell.row, []).append(cell)
        positioned = self.positioned  # once: asked per row, it made the rows of a long table quadratic
        return [sorted(by_row[r], key=lambda c: c.col or 0) if positioned else by_row[r] for r in sorted(by_row)]

    def text(self) -> str:
        return " ".join(c.text for c in self.cells if c.text)


@dataclass
class Para:
    text: str


Block = Para | Grid


@dataclass
class Source:
    """A read document. ``meta`` holds what the file says about itself (title, 成文日期, 发文机关)."""

    kind: str  # 文本, 网页, Word, PDF: named in the account
    blocks: list[Block]
    meta: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def each_text(self, convert: Callable[[str], str]) -> None:
        """Every paragraph, cell and meta value replaced by ``convert`` of it."""
        for block in self.blocks:
            if isinstance(block, Para):
                block.text = convert(block.text)
            else:
                for cell in block.cells:
                    cell.text = convert(cell.text)
        self.meta = {k: convert(v) for k, v in self.meta.items()}

    def each_counted(self, convert: Callable[[str], tuple[str, int]]) -> int:
        """Every text replaced as ``each_text`` does, by a conversion that counts what it changed: the total."""
        total = 0

        def counted(text: str) -> str:
            nonlocal total
            text, count = convert(text)
            total += count
            return text

        self.each_text(counted)
        return total

    def drop_invisible(self) -> None:
        """Zero-width spaces and the other characters nobody sees, out of every text; the account counts them."""
        from desktop.io.importers.invisible import invisible_note, without_invisible

        removed = self.each_counted(without_invisible)
        if removed:
            self.notes.append(invisible_note(removed))

    def simplify(self) -> None:
        """Mirror sites print traditional characters, some with pinyin after them: labels and text are
        read in simplified form, without the pinyin. The account says so."""
        from desktop.io.importers.traditional import strip_pinyin, to_simplified_prose

        removed = self.each_counted(strip_pinyin)
        if removed:
            self.notes.append(f"原文在{removed}处字后注有拼音，已去除")
        total = sum(count_traditional(b.text if isinstance(b, Para) else b.text()) for b in self.blocks)
        if total >= 3:
            self.each_text(lambda text: to_simplified(to_simplified_prose(text)))
            self.notes.append("原文为繁体字，已全文转换为简体字")


# A page's number as printed at its foot or head, a line of its own: 「- 3 -」 「—3—」 「第3页 共6页」 「3 / 6」.
PAGE_NUMBER = re.compile(r"^[-—－–·•]\s*\d{1,3}\s*[-—－–·•]$|^第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?$"
                         r"|^\d{1,3}\s*/\s*\d{1,3}$|^共\s*\d+\s*页\s*[/，,]?\s*第\s*\d+\s*页$")

# A blank cell as pages print it: empty, 无 or 空, or up to four dashes and slashes (「—」 「--」 「- -」 「／」).
_BLANK = re.compile(r"^(?:[-‐‑‒–—―─/\\]{1,4}|无|空|)$")
_NUMBER = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_UNIT = re.compile(r"(件|个|项|条|次|万元|元)$")
# A change, as the 2019 column 本年增/减 prints it: 「-1」 「+2」 「增2」 「减1」. A value in its column's place,
# though no count of the 2021 tables.
_SIGNED = re.compile(r"^(?:([+-])|(增加?)|(减少?))(\d+(?:\.\d+)?)$")


def value_of(text: str) -> str | None:
    """The number a value cell holds, as text; "" for a blank (/, -, 无, empty); None if it is no value."""
    compact = "".join(unicodedata.normalize("NFKC", text).split())
    if _BLANK.match(compact):
        return ""
    compact = _UNIT.sub("", compact)
    if _NUMBER.match(compact):
        return compact.replace(",", "")
    signed = _SIGNED.match(compact)
    if signed:
        return ("-" if signed.group(1) == "-" or signed.group(3) else "+") + signed.group(4)
    return None
