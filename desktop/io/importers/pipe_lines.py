"""Tables flattened to one cell per line with the pipes kept, as two kinds of portal pages save them.

- **trailing**: each cell on its own line ending in 「 |」 (merged cells add 「|||」 on the same line); a lone
  「|」 line either starts a row or is a blank cell.
- **separated**: each cell on its own line followed by a lone 「|」 line; a line of pipes only (「||」,
  「|||||」) ends the row. A 「|」 with no cell before it is a blank cell.

Both keep the rows, which plain one-cell-per-line text loses, so they become grids: a blank cell stays
where it was printed instead of letting the next number slide into its place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.io.importers import label_match as lm
from desktop.io.importers.document import Cell, Grid, value_of

_ONE_CELL = re.compile(r"^([^|]*[^|\s][^|]*)\|[\s|]*$")
_PIPES = re.compile(r"^\|{2,}$")
_MIN_CELLS = 4


@dataclass(frozen=True)
class Run:
    start: int
    end: int  # exclusive
    grid: Grid


def _is_lone(line: str) -> bool:
    return line == "|"


def _is_pipes(line: str) -> bool:
    return bool(_PIPES.match(line.replace(" ", "")))


def _one_cell(line: str) -> list[str] | None:
    """「规章 |」 → ["规章"]; 「0 | ||」 → ["0"]: pipes after the cell on its line fill merged columns and are
    never cells (a blank cell is a lone 「|」 line)."""
    match = _ONE_CELL.match(line)
    return [match.group(1).strip()] if match else None


def _is_row_label(text: str) -> bool:
    return bool(lm.t2_row(text) or lm.match_t3_row(text, "", False) or lm.match_t3_group(text))


def _starts_row(row: list[str], following: str | None) -> bool:
    """Whether lone 「|」 lines before the number ``following`` start a row rather than being blank
    cells of ``row``: only when the row so far is a header (no number, the last cell no row label), as
    before table 四's data row. After a row label they are the blank cells of that row."""
    if following is None:
        return False
    if not row:
        return True
    has_values = any(value_of(c) not in (None, "") for c in row if c)
    return not has_values and len(row) >= 2 and not _is_row_label(row[-1])


def _trailing_run(lines: list[str], start: int) -> Run | None:
    end = start
    lone = 0
    while end < len(lines) and (_is_lone(lines[end]) or _one_cell(lines[end]) is not None or not lines[end]):
        lone += _is_lone(lines[end])
        end += 1
    while end > start and not lines[end - 1]:
        end -= 1
    if lone < 2 or end - start < _MIN_CELLS:
        return None
    rows: list[list[str]] = [[]]
    body = [line for line in lines[start:end] if line]
    index = 0
    while index < len(body):
        if not _is_lone(body[index]):
            rows[-1] += _one_cell(body[index]) or []
            index += 1
            continue
        after = index
        while after < len(body) and _is_lone(body[after]):
            after += 1
        pipes = after - index
        following = (_one_cell(body[after]) or [""])[0] if after < len(body) else None
        if following is not None and value_of(following) is None:
            rows[-1] += [""] * (pipes - 1)  # the last 「|」 starts the labelled row
            rows.append([])
        elif _starts_row(rows[-1], following):
            rows.append([""] * (pipes - 1))  # table 四's data row, its first cells blank
        else:
            rows[-1] += [""] * pipes
        index = after
    return Run(start, end, _grid(rows))


def _separated_run(lines: list[str], start: int) -> Run | None:
    """From a line without pipes that a lone 「|」 follows, while cells and pipe lines alternate."""
    def next_filled(i: int) -> int:
        while i < len(lines) and not lines[i]:
            i += 1
        return i

    rows: list[list[str]] = [[]]
    pending: str | None = None
    i = start
    end = start
    cells = 0
    while i < len(lines):
        line = lines[i]
        if not line:
            i += 1
            continue
        if _is_lone(line) or _is_pipes(line):
            if _is_lone(line):
                rows[-1].append(pending or "")
                cells += 1
            elif pending is not None:
                rows[-1].append(pending)
                cells += 1
            if _is_pipes(line) and rows[-1]:
                rows.append([])
            pending = None
            end = i + 1
        elif "|" not in line and pending is None:
            after = next_filled(i + 1)
            if after >= len(lines) or not (_is_lone(lines[after]) or _is_pipes(lines[after])):
                break
            pending = line
        else:
            break
        i += 1
    if cells < _MIN_CELLS:
        return None
    return Run(start, end, _grid([row for row in rows if row]))


def _grid(rows: list[list[str]]) -> Grid:
    return Grid([Cell(text, index) for index, row in enumerate(rows) if row for text in row])


def find_runs(lines: list[str]) -> list[Run]:
    """Every table in ``lines`` (stripped) flattened in one of the two forms, in order."""
    runs: list[Run] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        run = None
        if _is_lone(line) or _one_cell(line) is not None:
            run = _trailing_run(lines, i)
        elif line and "|" not in line:
            after = i + 1
            while after < len(lines) and not lines[after]:
                after += 1
            if after < len(lines) and _is_lone(lines[after]):
                run = _separated_run(lines, i)
        if run is None:
            i += 1
            continue
        runs.append(run)
        i = run.end
    return runs
