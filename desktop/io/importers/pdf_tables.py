"""PDF with a text layer, as WPS or Word make it: tables from their ruled cells, prose from the lines.

Ruled cells are found from the page's lines (ruled_cells.py). Prose lines are joined
into paragraphs by their indent and by where the previous line ended; page numbers 「-N-」 are dropped.
"""

from __future__ import annotations

import statistics
from bisect import bisect_left, bisect_right
from dataclasses import replace
from typing import Any

from desktop.io.importers.document import PAGE_NUMBER, Block, Cell, Grid, ImportRefused, Para, Source
from desktop.io.importers.label_match import classify
from desktop.io.importers.limits import MAX_RULED_LINES, check_crossings, check_ruled_lines
from desktop.io.importers.pdf_extract import Char, Page, read_pages
from desktop.io.importers.ruled_cells import find_cells, group_tables
from desktop.io.importers.sections import opens_heading

Box = tuple[float, float, float, float]  # x0, top, x1, bottom
_ENDS = "。！？：；:;!?）)"


def _boundaries(values: list[float], tolerance: float = 2.0) -> list[float]:
    merged: list[float] = []
    for value in sorted(values):
        if not merged or value - merged[-1] > tolerance:
            merged.append(value)
    return merged


def _index(bounds: list[float], value: float) -> int:
    return min(range(len(bounds)), key=lambda i: abs(bounds[i] - value))


def _inside(char: Char, box: Box) -> bool:
    x, y = (char.x0 + char.x1) / 2, (char.top + char.bottom) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _lines(chars: list[Char]) -> list[list[Char]]:
    """Characters grouped into lines by their vertical centre, each sorted left to right."""
    lines: list[list[Char]] = []
    for char in sorted(chars, key=lambda c: (c.top, c.x0)):
        middle = (char.top + char.bottom) / 2
        if lines and lines[-1][0].top - 1 <= middle <= lines[-1][0].bottom + 1:
            lines[-1].append(char)
        else:
            lines.append([char])
    return [sorted(line, key=lambda c: c.x0) for line in lines]


def _line_text(line: list[Char]) -> str:
    out = ""
    for prev, char in zip([None, *line], line, strict=False):
        if prev is not None and char.x0 - prev.x1 > 0.25 * char.size and prev.text.isascii() and char.text.isascii():
            out += " "
        out += char.text
    return out.strip()


def _joined(lines: list[str]) -> str:
    """Lines of one cell or paragraph; a vertical label comes out one character per line."""
    out = ""
    for line in lines:
        if out and out[-1].isascii() and out[-1].isalnum() and line[:1].isascii() and line[:1].isalnum() \
                and not (out[-1].isdigit() and line[:1].isdigit()):  # 「202」「4年」: a number wrapped
            out += " "
        out += line
    return out


def _tables(page: Page, crossings_so_far: list[int]) -> list[tuple[Box, list[Box]]]:
    def lines_counted(count: int) -> None:
        # the pieces before joining may be many more (a cell drawn as its own rectangle): 20 times
        check_ruled_lines(count if count <= 20 * MAX_RULED_LINES else count // 20, page.number)

    def crossings_counted(count: int) -> None:
        crossings_so_far[0] += count
        check_crossings(count, page.number, crossings_so_far[0])

    found = []
    for table in group_tables(find_cells(page.edges, lines_counted, crossings_counted)):
        box = (min(c[0] for c in table), min(c[1] for c in table), max(c[2] for c in table), max(c[3] for c in table))
        found.append((box, table))
    return found


def _grid(boxes: list[Box], chars: list[Char]) -> Grid:
    xs = _boundaries([b[0] for b in boxes] + [b[2] for b in boxes])
    ys = _boundaries([b[1] for b in boxes] + [b[3] for b in boxes])
    # characters by their vertical centre, so each box looks only at those of its own band
    by_middle = sorted(range(len(chars)), key=lambda i: (chars[i].top + chars[i].bottom) / 2)
    middles = [(chars[i].top + chars[i].bottom) / 2 for i in by_middle]
    cells = []
    for box in sorted(boxes, key=lambda b: (b[1], b[0])):
        band = by_middle[bisect_left(middles, box[1]):bisect_right(middles, box[3])]
        inside = [chars[i] for i in sorted(band) if _inside(chars[i], box)]  # in the page's order, as before
        text = _joined([_line_text(line) for line in _lines(inside)])
        row, col = _index(ys, box[1]), _index(xs, box[0])
        cells.append(Cell(text, row, col, max(1, _index(ys, box[3]) - row), max(1, _index(xs, box[2]) - col)))
    return Grid(cells)


def read_pdf(data: bytes) -> Source:
    try:
        pages = read_pages(data)
    except PermissionError:
        raise ImportRefused("此PDF设有打开密码，无法导入；请提供未加密的文件") from None
    except OverflowError:
        raise ImportRefused("此PDF页数过多，不像是一份年度报告，未导入") from None
    except ValueError:
        raise ImportRefused("此PDF文件已损坏，无法打开") from None
    if not has_text(pages):
        raise ImportRefused("此PDF没有文字层（可能是扫描件或图片），无法导入；请使用网页版、Word版或带文字的PDF")
    return source_of_pages(pages, "PDF")


def has_text(pages: list[Page]) -> bool:
    return sum(1 for p in pages for c in p.chars if not c.text.isspace()) >= 20


def source_of_pages(pages: list[Page], kind: str) -> Source:
    """Fixed-layout pages (PDF, OFD) as blocks: ruled tables as grids, the other characters as lines."""
    items: list[tuple[int, float, Any]] = []  # (page, top, line chars or grid)
    crossings = [0]
    texts = [[c for c in page.chars if not c.text.isspace()] for page in pages]
    used: list[list[Box]] = [[] for _ in pages]
    for unit in _units(texts, [_tables(page, crossings) for page in pages]):
        joined = _unit_grid(unit, texts) if len(unit) > 1 else None
        if joined is not None and classify(joined) is not None:
            pieces = [(unit, joined)]
        else:  # each page's part on its own
            pieces = [([part], _grid(part[2], texts[part[0]])) for part in unit]
        for parts, grid in pieces:
            if classify(grid) is not None:
                items.append((pages[parts[0][0]].number, parts[0][1][1], grid))
                for number, box, _ in parts:
                    used[number].append(box)
    for page, chars, boxes in zip(pages, texts, used, strict=True):
        rest = [c for c in chars if not any(_inside(c, box) for box in boxes)]
        items += [(page.number, line[0].top, line) for line in _lines(rest)]
    items.sort(key=lambda item: (item[0], item[1]))
    return Source(kind, _blocks(items))


Part = tuple[int, Box, list[Box]]  # page index, the table's box, its cells


def _alone(chars: list[Char], box: Box, above: bool) -> bool:
    """No text on the page below (or above) the table but a page number."""
    outside = [c for c in chars if (c.bottom <= box[1] if above else c.top >= box[3])]
    return all(PAGE_NUMBER.match(_line_text(line)) for line in _lines(outside))


def _units(texts: list[list[Char]], tables: list[list[tuple[Box, list[Box]]]]) -> list[list[Part]]:
    """Each table with the pieces it continues in on the next pages: a table at the foot of a page, and at
    the head of the next one the same columns with a piece that is no table of the format on its own
    (table 四's one row of numbers, under its header on the page before)."""
    units: list[list[Part]] = []
    for number, found in enumerate(tables):
        for index, (box, boxes) in enumerate(found):
            last = units[-1][-1] if units else None
            continues = (last is not None and index == 0 and last[0] == number - 1
                         and last[1] == tables[number - 1][-1][0]
                         and abs(last[1][0] - box[0]) < 3 and abs(last[1][2] - box[2]) < 3
                         and _alone(texts[number - 1], last[1], above=False) and _alone(texts[number], box, above=True)
                         and classify(_grid(boxes, texts[number])) is None)
            if continues:
                units[-1].append((number, box, boxes))
            else:
                units.append([(number, box, boxes)])
    return units


def _unit_grid(unit: list[Part], texts: list[list[Char]]) -> Grid:
    """One grid of a table's pieces, each page's piece placed below the one before."""
    boxes: list[Box] = []
    chars: list[Char] = []
    offset = 0.0
    for number, box, cells in unit:
        shift = offset - (box[1] if boxes else 0.0)
        boxes += [(b[0], b[1] + shift, b[2], b[3] + shift) for b in cells]
        chars += [replace(c, top=c.top + shift, bottom=c.bottom + shift) for c in texts[number] if _inside(c, box)]
        offset = box[3] + shift
    return _grid(boxes, chars)


def _left_margin(lines: list[list[Char]]) -> float:
    """Where the text block's lines start. Mostly where most long lines start; but in a short report
    of one-line paragraphs most long lines are first lines, indented two characters, and the margin is
    where the lines that continue a paragraph start, two characters to their left."""
    if not lines:
        return 0
    most = statistics.median(round(line[0].x0) for line in lines)
    size = statistics.median(c.size for line in lines for c in line)
    continuing = [line[0].x0 for line in lines if most - 2.6 * size < line[0].x0 < most - 1.4 * size]
    return statistics.median(continuing) if continuing else most


def _blocks(items: list[tuple[int, float, Any]]) -> list[Block]:
    lines = [item[2] for item in items if isinstance(item[2], list)]
    long_lines = [line for line in lines if len(line) >= 12] or lines
    left = _left_margin(long_lines)
    right = max((line[-1].x1 for line in long_lines), default=0)
    blocks: list[Block] = []
    paragraph: list[str] = []
    previous: list[Char] | None = None
    for _, _, item in items:
        if isinstance(item, Grid):
            if paragraph:
                blocks.append(Para(_joined(paragraph)))
            paragraph, previous = [], None
            blocks.append(item)
            continue
        text = _line_text(item)
        if PAGE_NUMBER.match(text):
            continue
        size = statistics.median(c.size for c in item)
        starts = item[0].x0 - left > 0.9 * size
        short = right - previous[-1].x1 if previous is not None else right
        closed = previous is not None and previous[-1].text in _ENDS
        # after a line that ended a sentence, a heading starts a paragraph even where the sentence filled its
        # line and the heading is not indented
        ended = short > 2.2 * size or (short > 0.6 * size and closed) or (closed and opens_heading(text))
        if paragraph and (starts or ended):
            blocks.append(Para(_joined(paragraph)))
            paragraph = []
        paragraph.append(text)
        previous = item
    if paragraph:
        blocks.append(Para(_joined(paragraph)))
    return blocks
