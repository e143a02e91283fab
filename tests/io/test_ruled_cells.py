"""Table cells from ruling lines, as a PDF draws them: snapped, joined, merged cells kept whole."""

from __future__ import annotations

from desktop.io.importers.ruled_cells import find_cells, group_tables


def h(y: float, x0: float, x1: float) -> dict:
    return {"orientation": "h", "x0": x0, "x1": x1, "top": y, "bottom": y}


def v(x: float, top: float, bottom: float) -> dict:
    return {"orientation": "v", "x0": x, "x1": x, "top": top, "bottom": bottom}


def test_a_header_merged_over_two_columns_is_one_cell() -> None:
    # ┌───────┐   a caption over two columns, then two rows of two cells
    # ├───┬───┤
    # ├───┼───┤
    # └───┴───┘
    edges = [h(0, 0, 100), h(20, 0, 100), h(40.8, 0, 49.5), h(41, 50.5, 100), h(60, 0, 100),  # a wobble and a gap
             v(0, 0, 60), v(100, 0, 60), v(50, 20, 60)]
    cells = find_cells(edges)
    assert (0, 0, 100, 20) in cells
    assert len(cells) == 5
    (table,) = group_tables(cells)
    assert table[0] == (0, 0, 100, 20)


def test_separate_tables_and_stray_lines() -> None:
    first = [h(0, 0, 10), h(10, 0, 10), v(0, 0, 10), v(10, 0, 10), h(20, 0, 10), v(0, 10, 20), v(10, 10, 20)]
    second = [h(100, 0, 10), h(110, 0, 10), h(120, 0, 10), v(0, 100, 120), v(10, 100, 120)]
    underline = [h(200, 0, 50)]
    tables = group_tables(find_cells(first + second + underline))
    assert [len(t) for t in tables] == [2, 2]
    assert tables[0][0][1] == 0 and tables[1][0][1] == 100
