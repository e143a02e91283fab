"""A table as a stream of cells, so one reader serves grids and text that lost its rows.

A cell from a grid knows its row (and its column when the source kept positions). A paragraph cell
(one cell per line) knows neither, and its values are found by order alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from desktop.io.importers.document import Block, Grid, Para, value_of


@dataclass(frozen=True)
class Token:
    text: str
    row: int | None  # unique across the stream; None: the source lost its rows
    col: int | None = None
    colspan: int = 1
    grid: int = -1
    right_aligned: bool = False  # from a Markdown table (Grid.right_aligned)

    @property
    def value(self) -> str | None:
        return value_of(self.text)


_NUMBERS_AFTER = re.compile(r"^(.*?[^\d\s.,，/])?\s*((?:[\d.,/]+\s+)*[\d.,/]+)$")


def _split_line(text: str) -> tuple[str, list[str]] | None:
    """「规章 1 0 11」 as copied out of a PDF viewer: a label and the numbers after it, or numbers alone."""
    normal = unicodedata.normalize("NFKC", text).strip()  # full-width spaces (U+3000) become spaces
    match = _NUMBERS_AFTER.match(normal)
    if not match or (match.group(1) and not any(ch.isspace() for ch in normal)):
        return None
    numbers = match.group(2).split()
    if not match.group(1) and len(numbers) < 2:
        return None
    return (match.group(1) or "").strip(), numbers


def tokens_of(blocks: list[Block]) -> list[Token]:
    tokens: list[Token] = []
    row_base = 0
    for index, block in enumerate(blocks):
        if isinstance(block, Para):
            split = _split_line(block.text)
            if split is None:
                tokens.append(Token(block.text, None))
            elif split[0]:
                tokens += [Token(text, row_base) for text in (split[0], *split[1])]
                row_base += 1
            else:
                tokens += [Token(number, None) for number in split[1]]
            continue
        last = 0
        for cell in block.cells:
            tokens.append(Token(cell.text, row_base + cell.row, cell.col, cell.colspan, index, block.right_aligned))
            last = max(last, cell.row + cell.rowspan)
        row_base += last + 1
    return tokens


def values_after(tokens: list[Token], start: int, wanted: int,
                 is_label: Callable[[Token], bool]) -> tuple[list[Token], int]:
    """The value cells following a row label at ``start``, and where reading stopped.

    Within a grid row: every value cell to the row's end. Without rows: up to ``wanted`` values,
    stopping at the next label; a blank printed as such (「/」 「—」) is one, an empty line is none.
    """
    label = tokens[start]
    found: list[Token] = []
    i = start + 1
    while i < len(tokens):
        token = tokens[i]
        if label.row is not None:
            if token.row != label.row:
                break
        elif token.row is not None or is_label(token) or len(found) >= wanted:
            break
        if token.value is not None:
            if label.row is not None or token.value != "" or token.text.strip():
                found.append(token)
        elif is_label(token):
            break
        i += 1
    return found, i


def header_columns(grid: Grid, first_data_row: int, match: Callable[[str], str | None]) -> dict[int, list[str]]:
    """For each column of a positioned grid, the keys its header cells (above the data) match."""
    keys: dict[int, list[str]] = {}
    for cell in grid.cells:
        if cell.col is None or cell.row >= first_data_row:
            continue
        key = match(cell.text)
        if key is None:
            continue
        for col in range(cell.col, cell.col + cell.colspan):
            keys.setdefault(col, []).append(key)
    return keys
