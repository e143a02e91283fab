"""Table cells from a page's ruling lines: snap and join the lines, find where they cross, and take
each smallest rectangle whose four sides are drawn. Cells that share corners form one table.

Only this is needed from a PDF table library, so the app ships without one (and without the
cryptography and imaging packages such a library pulls in).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

Box = tuple[float, float, float, float]  # x0, top, x1, bottom
Point = tuple[float, float]

SNAP = 3.0  # lines this close are the same line
JOIN = 3.0  # collinear pieces with a gap this small are one line
CROSS = 3.0  # a line that stops this short of another still meets it
MIN_LENGTH = 3.0


@dataclass
class Line:
    horizontal: bool
    at: float  # y of a horizontal line, x of a vertical one
    start: float
    end: float


def _lines(edges: Iterable[dict[str, Any]]) -> list[Line]:
    lines = []
    for e in edges:
        if e["orientation"] == "h":
            lines.append(Line(True, e["top"], e["x0"], e["x1"]))
        else:
            lines.append(Line(False, e["x0"], e["top"], e["bottom"]))
    return lines


def _snap(lines: list[Line]) -> None:
    """Lines whose positions differ by less than SNAP move to their common mean."""
    for horizontal in (True, False):
        group: list[Line] = []
        for line in sorted((ln for ln in lines if ln.horizontal == horizontal), key=lambda ln: ln.at):
            if group and line.at - group[-1].at > SNAP:
                _settle(group)
                group = []
            group.append(line)
        _settle(group)


def _settle(group: list[Line]) -> None:
    if group:
        mean = sum(ln.at for ln in group) / len(group)
        for line in group:
            line.at = mean


def _join(lines: list[Line]) -> list[Line]:
    joined: list[Line] = []
    for line in sorted(lines, key=lambda ln: (ln.horizontal, ln.at, ln.start)):
        last = joined[-1] if joined else None
        if last and last.horizontal == line.horizontal and last.at == line.at and line.start <= last.end + JOIN:
            last.end = max(last.end, line.end)
        else:
            joined.append(Line(line.horizontal, line.at, line.start, line.end))
    return [ln for ln in joined if ln.end - ln.start >= MIN_LENGTH]


def _crossings(lines: list[Line]) -> dict[Point, tuple[set[int], set[int]]]:
    """Each crossing point with the indexes of the horizontal and vertical lines through it."""
    points: dict[Point, tuple[set[int], set[int]]] = {}
    verticals = [(i, ln) for i, ln in enumerate(lines) if not ln.horizontal]
    for h_index, h in enumerate(lines):
        if not h.horizontal:
            continue
        for v_index, v in verticals:
            if h.start - CROSS <= v.at <= h.end + CROSS and v.start - CROSS <= h.at <= v.end + CROSS:
                across, down = points.setdefault((v.at, h.at), (set(), set()))
                across.add(h_index)
                down.add(v_index)
    return points


def find_cells(edges: Iterable[dict[str, Any]], lines_counted: Callable[[int], None] = lambda n: None,
               crossings_counted: Callable[[int], None] = lambda n: None) -> list[Box]:
    """The smallest ruled rectangles, from edge dicts with orientation, x0, x1, top and bottom.

    The work grows with the lines times the crossings: the caller is told how many there are (and may
    refuse) before each step is taken."""
    lines = _lines(edges)
    lines_counted(len(lines))
    _snap(lines)
    joined_lines = _join(lines)
    lines_counted(len(joined_lines))
    points = _crossings(joined_lines)
    crossings_counted(len(points))
    ordered = sorted(points)

    def joined(a: Point, b: Point) -> bool:
        if a[0] == b[0] and points[a][1] & points[b][1]:
            return True
        return a[1] == b[1] and bool(points[a][0] & points[b][0])

    by_column: dict[float, list[Point]] = {}
    by_row: dict[float, list[Point]] = {}
    for point in ordered:
        by_column.setdefault(point[0], []).append(point)
        by_row.setdefault(point[1], []).append(point)
    cells = []
    for top_left in ordered:
        found = None
        for below in (p for p in by_column[top_left[0]] if p[1] > top_left[1]):
            if not joined(top_left, below):
                continue
            for right in (p for p in by_row[top_left[1]] if p[0] > top_left[0]):
                if not joined(top_left, right):
                    continue
                corner = (right[0], below[1])
                if corner in points and joined(corner, right) and joined(corner, below):
                    found = (top_left[0], top_left[1], corner[0], corner[1])
                    break
            if found:
                break
        if found:
            cells.append(found)
    return cells


def group_tables(cells: list[Box]) -> list[list[Box]]:
    """Cells that share a corner belong to one table; tables in reading order."""
    parent = list(range(len(cells)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[Point, int] = {}
    for i, (x0, top, x1, bottom) in enumerate(cells):
        for corner in ((x0, top), (x1, top), (x0, bottom), (x1, bottom)):
            if corner in owner:
                parent[root(i)] = root(owner[corner])
            else:
                owner[corner] = i
    tables: dict[int, list[Box]] = {}
    for i, cell in enumerate(cells):
        tables.setdefault(root(i), []).append(cell)
    found = [sorted(t, key=lambda c: (c[1], c[0])) for t in tables.values() if len(t) > 1]
    return sorted(found, key=lambda t: (min(c[1] for c in t), min(c[0] for c in t)))
