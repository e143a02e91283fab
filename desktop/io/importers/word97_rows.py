"""An old Word file's paragraphs as blocks: text paragraphs, and the paragraphs of a table gathered into
its cells and rows, placed on a grid of columns from the cells' boundaries, with their merges."""

from __future__ import annotations

import bisect
import struct
from dataclasses import dataclass, field

from desktop.io.importers.document import Block, Cell, Grid, Para
from desktop.io.importers.limits import TableBudget, check_blocks, check_span
from desktop.io.importers.word97_properties import VERT_MERGE, Damaged


@dataclass
class Paragraph:
    text: str
    end: str  # "\r" a paragraph, "\x07" a cell or a row, "\x0c" a page or section
    in_table: bool = False
    row_end: bool = False
    depth: int = 0
    row: RowDef | None = None


@dataclass
class RowDef:
    edges: list[int] = field(default_factory=list)  # the cells' boundaries, in twips
    merges: list[tuple[int, int]] = field(default_factory=list)  # per cell: (horizontal, vertical)


def row_def(operand: bytes) -> RowDef:
    """sprmTDefTable: the number of cells, their boundaries and, per cell, its merge flags."""
    if not operand:
        return RowDef()
    cells = operand[0]
    if 1 + (cells + 1) * 2 > len(operand):
        raise Damaged("a row's cells beyond its definition")
    edges = list(struct.unpack_from(f"<{cells + 1}h", operand, 1))
    merges = []
    at = 1 + (cells + 1) * 2
    for index in range(cells):
        if at + index * 20 + 2 <= len(operand):
            flags = struct.unpack_from("<H", operand, at + index * 20)[0]
            merges.append((flags & 0x3, (flags >> 5) & 0x3))
        else:
            merges.append((0, 0))
    return RowDef(edges, merges)


def merge(row: RowDef, sprm: int, first: int, second: int) -> None:
    """sprmTVertMerge (a cell, its vertical merge) or sprmTMerge (the cells from first to before second
    merged across) applied to the row's definition."""
    merges = row.merges
    if sprm == VERT_MERGE:
        if first < len(merges):
            merges[first] = (merges[first][0], second & 0x3)
        return
    for index in range(first, min(second, len(merges))):
        merges[index] = (1 if index == first else 2, merges[index][1])


def blocks(paragraphs: list[Paragraph]) -> list[Block]:
    blocks: list[Block] = []
    rows: list[tuple[list[str], RowDef]] = []
    cells: list[str] = []
    content: list[str] = []
    budget = TableBudget()
    for paragraph in paragraphs:
        if paragraph.depth >= 1 and paragraph.in_table:
            if paragraph.row_end and paragraph.depth == 1:
                rows.append((cells, paragraph.row or RowDef()))
                cells = []
                continue
            content.append(paragraph.text)
            if paragraph.end == "\x07" and paragraph.depth == 1:
                cells.append("\n".join(part for part in content if part.strip()).strip())
                content = []
            continue
        if rows or cells or content:
            blocks += _table(rows, cells, content, budget)
            rows, cells, content = [], [], []
        blocks += [Para(line.strip()) for line in paragraph.text.split("\n") if line.strip()]
        check_blocks(len(blocks))
    if rows or cells or content:
        blocks += _table(rows, cells, content, budget)
    return blocks


def _table(rows: list[tuple[list[str], RowDef]], cells: list[str], content: list[str],
           budget: TableBudget) -> list[Block]:
    """A table's rows as one grid, columns from the cells' boundaries; a row without its end mark (a
    damaged file) is kept as it was read."""
    if content:
        cells = [*cells, "\n".join(content).strip()]
    if cells:
        rows = [*rows, (cells, RowDef())]
    edges = _clustered({edge for _, row in rows for edge in row.edges})
    grid: list[Cell] = []
    open_above: dict[int, Cell] = {}
    for row_index, (texts, row) in enumerate(rows):
        budget.add_rows()
        positioned = len(row.edges) == len(texts) + 1
        col = 0
        merged_into: Cell | None = None
        for index, text in enumerate(texts):
            budget.add_cells()
            if positioned:
                col = _column(edges, row.edges[index])
                span = check_span(max(_column(edges, row.edges[index + 1]) - col, 1))
                horizontal, vertical = row.merges[index] if index < len(row.merges) else (0, 0)
            else:
                span, horizontal, vertical = 1, 0, 0
            if horizontal == 2 and merged_into is not None:  # an old-style horizontal merge goes on
                merged_into.colspan += span
            elif vertical == 1 and col in open_above:  # a vertical merge goes on
                above = open_above[col]
                above.rowspan = row_index - above.row + 1
                merged_into = None
            else:
                cell = Cell(text, row_index, col, 1, span)
                grid.append(cell)
                for c in range(col, col + span):
                    open_above.pop(c, None)
                if vertical == 3:
                    open_above[col] = cell
                merged_into = cell if horizontal == 1 else None
            if not positioned:
                col += 1
    return [Grid(grid)] if grid else []


def _clustered(edges: set[int]) -> list[int]:
    """The table's column boundaries: cell boundaries within 20 twips (1 mm) of each other are one."""
    found: list[int] = []
    for edge in sorted(edges):
        if not found or edge - found[-1] > 20:
            found.append(edge)
    return found


def _column(bounds: list[int], edge: int) -> int:
    return max(bisect.bisect_right(bounds, edge + 20) - 1, 0)
