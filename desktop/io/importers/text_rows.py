"""Plain text pasted or saved from a portal page.

Portals flatten tables in several ways: one row per line with cells joined by 「|」 (also Markdown pipe
tables), cells separated by tabs (a copy from the browser), one cell per line with the pipes kept
(``pipe_lines``), or one cell per line or per paragraph. The first three become grids whose cells keep
only their order; the last two stay paragraphs, and the table readers take them as a stream of cells.
"""

from __future__ import annotations

import html
import re

from desktop.io.importers.document import PAGE_NUMBER, Block, Cell, Grid, Para, Source
from desktop.io.importers.invisible import invisible_note, without_invisible
from desktop.io.importers.limits import TableBudget, check_blocks
from desktop.io.importers.pipe_lines import find_runs
from desktop.io.importers.title import parse_title

# Character references a page's text kept when it was scraped (「0&nbsp;」, 「&amp;」): only whole ones,
# with their semicolon, so that text such as 「R&D」 stays as written.
_CHARACTER_REFERENCE = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")
_MARKDOWN_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
# A page flattened to Markdown marks its title and headings: 「## 一、总体情况」, 「**（一）主动公开**」.
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s*(?=\S)")
_MARKDOWN_BOLD_LINE = re.compile(r"^(\*\*|__)((?:(?!\1).)+)\1$")
# Line and page breaks other than 「\n」: Unicode's line and paragraph separators, NEL, and the vertical tab
# and form feed of text copied from Word or a PDF viewer.
_LINE_BREAKS = "\u2028\u2029\x85\x0b\x0c"
# Bars that text renderings of a table draw between cells instead of 「|」: full-width, box-drawing.
_BAR_CHARS = "｜│┃║"
_BARS = str.maketrans(dict.fromkeys(_BAR_CHARS, "|"))
_ANY_BAR = re.compile(f"[{_BAR_CHARS}]")
# A ruled line of such a rendering: box-drawing characters, or ASCII 「+----+----+」.
_BOX_RULE = re.compile(r"^[\s|+:=\-\u2500-\u257f]*$")
_BOX_LINE = re.compile(r"[\u2500-\u257f]{3}|\+-{3}")


def _unmarked(line: str) -> str:
    """A prose line without the Markdown marks of a heading or of a line in bold."""
    line = _MARKDOWN_HEADING.sub("", line)
    bold = _MARKDOWN_BOLD_LINE.match(line)
    return bold.group(2).strip() if bold else line


def _cells_of(line: str, markdown: bool = True) -> list[str] | None:
    """The cells of a flattened table row, or None for a line of prose. Outside a Markdown table a 「|」 at
    the start of a line follows a blank first cell (「 | 1 | 0 | …」, table 四 with its first cell blank)."""
    stripped = line.strip()
    if "\t" in stripped and len([p for p in stripped.split("\t") if p.strip()]) >= 2:
        return [p.strip() for p in stripped.split("\t")]
    if "|" not in stripped:
        return None
    if not (" | " in stripped or stripped.startswith("|") or stripped.endswith("|") or stripped.count("|") >= 2):
        return None
    if stripped.startswith("|") and markdown:
        stripped = stripped[1:]
    if stripped.endswith("|"):
        stripped = stripped[:-1]
    return [p.strip() for p in stripped.split("|")]


def _markdown_rule(line: str) -> bool:
    return bool(_MARKDOWN_RULE.match(line) and "-" in line)


def _box_rule(line: str) -> bool:
    """A ruled line of a table drawn in text: 「├───┼───┤」, 「+----+----+」."""
    return bool(_BOX_RULE.match(line) and _BOX_LINE.search(line))


def _barred(line: str) -> str:
    """A table row drawn with 「｜」 or 「│」 between its cells, with 「|」 instead; any other line as it is
    (「首页｜政务公开」 is no row, and prose keeps its characters)."""
    if _ANY_BAR.search(line) is None:  # translate() looks up every character: only lines with a bar
        return line
    barred = line.translate(_BARS)
    return barred if _cells_of(barred, markdown=False) is not None else line


# The title stands among a page's first lines, below its furniture.
_TITLE_LINES = 200


def _without_page_marks(lines: list[str]) -> list[str]:
    """The lines without what a PDF's pages print at their head and foot, as text copied from it keeps them:
    page numbers, and the title again at the top of each page. Left in a table's cells, one would break the
    rows and end its table."""
    title = next((line.strip() for line in lines[:_TITLE_LINES] if parse_title(line) is not None), None)
    kept: list[str] = []
    title_seen = False
    for line in lines:
        stripped = line.strip()
        if stripped == title:
            if title_seen:
                continue
            title_seen = True
        elif PAGE_NUMBER.match(stripped):
            continue
        kept.append(line)
    return kept


def read_text(text: str) -> Source:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "").replace("\x00", "")
    for line_break in _LINE_BREAKS:
        if line_break in text:
            text = text.replace(line_break, "\n")
    text, invisible = without_invisible(text)
    text = _CHARACTER_REFERENCE.sub(lambda m: html.unescape(m.group(0)), text)
    blocks: list[Block] = []
    budget = TableBudget()
    grid: Grid | None = None
    row = 0
    lines = text.split("\n")
    check_blocks(sum(1 for line in lines if line.strip()))  # before any line is read
    lines = _without_page_marks([_barred(line) for line in lines])
    runs = {run.start: run for run in find_runs([line.strip() for line in lines])}
    # 「---」 alone is a Markdown rule (under a heading, or a table's rule without its bars) only in Markdown;
    # in a page's text, a cell per line, it is a blank cell.
    markdown = any(_markdown_rule(line) and "|" in line for line in lines) or (
        any(_markdown_rule(line) for line in lines) and any(_MARKDOWN_HEADING.match(line) for line in lines))
    skip_to = 0
    for index, line in enumerate(lines):
        if index < skip_to:
            continue
        if index in runs:
            budget.add_rows(len({c.row for c in runs[index].grid.cells}))
            budget.add_cells(len(runs[index].grid.cells))
            blocks.append(runs[index].grid)
            skip_to, grid = runs[index].end, None
            continue
        if (markdown and _markdown_rule(line)) or _box_rule(line):
            continue
        cells = _cells_of(line, markdown)
        if cells is not None and grid is None and len(cells) == 2 and parse_title(line) is not None:
            cells = None  # a page's title with its site's name: 「…年度报告 | 衡东县人民政府」
        if cells is None:
            grid = None
            if line.strip():
                blocks.append(Para(_unmarked(line.strip())))
            continue
        if grid is None:
            grid = Grid([])
            blocks.append(grid)
            row = 0
        budget.add_rows()
        budget.add_cells(len(cells))
        if markdown and line.strip().startswith("|"):
            grid.right_aligned = True
        grid.cells += [Cell(c, row) for c in cells]
        row += 1
    return Source("文本", blocks, notes=[invisible_note(invisible)] if invisible else [])
