"""Table 四 (administrative review and litigation): one row of 15 values under three header rows."""

from __future__ import annotations

from desktop.core.tablespec import T4_GROUPS, T4_ITEMS, cell_key
from desktop.io.importers import label_match as lm
from desktop.io.importers.document import Block, Grid
from desktop.io.importers.table_read import TableRead, fit
from desktop.io.importers.table_stream import Token, header_columns, tokens_of

KEYS = tuple(cell_key("t4", g, i) for g, _ in T4_GROUPS for i, _ in T4_ITEMS)


def _column_map(grid: Grid, data_row: int) -> dict[int, str] | None:
    """Data column → key from the group and item headers above it, when all 15 are named."""
    groups = header_columns(grid, data_row, lm.t4_group)
    items = header_columns(grid, data_row, lm.t4_item)
    mapping: dict[int, str] = {}
    for col in set(groups) & set(items):
        if len(set(groups[col])) == 1 and len(set(items[col])) == 1:
            mapping[col] = cell_key("t4", groups[col][0], items[col][0])
    return mapping if sorted(mapping.values()) == sorted(KEYS) else None


def _data_rows(tokens: list[Token]) -> list[list[Token]]:
    """Grid rows that hold only values, and runs of value paragraphs."""
    runs: list[list[Token]] = []
    i = 0
    while i < len(tokens):
        row = tokens[i].row
        j = i + 1
        if row is not None:
            while j < len(tokens) and tokens[j].row == row:
                j += 1
            run = tokens[i:j]
            if all(t.value is not None for t in run):
                runs.append(run)
        elif tokens[i].value is not None:
            while j < len(tokens) and tokens[j].row is None and tokens[j].value is not None:
                j += 1
            runs.append(tokens[i:j])
        i = j
    filled = [run for run in runs if any(t.value for t in run)]
    return filled or [run for run in runs if len(run) >= len(KEYS)][:1]


def read_t4(blocks: list[Block]) -> TableRead:
    read = TableRead()
    tokens = tokens_of(blocks)
    for run in _data_rows(tokens):
        grid = blocks[run[0].grid] if run[0].grid >= 0 else None
        mapping = _column_map(grid, run[0].row - _row_base(tokens, run[0])) if isinstance(grid, Grid) \
            and grid.positioned and run[0].row is not None else None
        if mapping is not None:
            placed = {mapping[t.col]: t.value for t in run if t.col in mapping}
            if any(t.col not in mapping and t.value for t in run):
                read.extra_labels.append("表四 多出的列")
        else:
            fitted = fit(run, len(KEYS))
            if fitted is None:
                continue
            placed = {key: t.value for key, t in zip(KEYS, fitted, strict=True)}
        read.values.update({k: v for k, v in placed.items() if v is not None})
        read.rows_found.add("data")
        break
    else:
        if any(t.value for t in tokens):
            read.problems.append("表四的数据不是15列，未导入")
    return read


def _row_base(tokens: list[Token], token: Token) -> int:
    """The stream row number where ``token``'s grid starts, to get back its row inside the grid."""
    return min(t.row for t in tokens if t.grid == token.grid and t.row is not None)
