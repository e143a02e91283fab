"""The typed rows and columns of the table spec, and the one way to make a cell key."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from desktop.core.tablespec import CELLS, T2, T2_SECTIONS, T3, T4, TABLES, cell_key, row_label, short_label
from tests.fixtures.reports import REPO

_KEY_START = re.compile(r"^t[234]\.")



def _hand_built_keys(path: Path) -> list[int]:
    """Lines where an f-string or a ``"t3." + …`` concatenation spells a cell key."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.JoinedStr) and node.values:
            first = node.values[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str) and _KEY_START.match(first.value):
                lines.append(node.lineno)
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left = node.left
            if isinstance(left, ast.Constant) and isinstance(left.value, str) and _KEY_START.match(left.value):
                lines.append(node.lineno)
    return lines


def test_no_key_is_built_by_hand() -> None:
    """Keys come from cell_key or the spec's objects; a key spelled by hand escapes the spec's validation."""
    found = []
    for path in sorted((REPO / "desktop").rglob("*.py")):
        rel = path.relative_to(REPO).as_posix()
        if rel == "desktop/core/tablespec.py":
            continue
        found += [f"{rel}:{line}" for line in _hand_built_keys(path)]
    assert found == []


def test_the_scan_sees_a_hand_built_key(tmp_path: Path) -> None:
    source = tmp_path / "sample.py"
    source.write_text('row = "new"\nkey = f"t3.{row}.total"\nother = "t4." + row\nfine = f"表三 {row}"\n',
                      encoding="utf-8")
    assert _hand_built_keys(source) == [2, 3]


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.id)
def test_every_cell_is_a_row_by_a_column(table) -> None:  # type: ignore[no-untyped-def]
    made = set()
    for row in table.rows:
        for column in table.columns:
            try:
                made.add(cell_key(table.id, row, column))
            except KeyError:
                assert table.id == "t2", (row.key, column.key)  # table 二's blocks have their own columns
    assert made == set(table.keys)
    assert len({r.key for r in table.rows}) == len(table.rows)
    assert len({c.key for c in table.columns}) == len(table.columns)


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.id)
def test_axis_labels_are_the_cells_labels(table) -> None:  # type: ignore[no-untyped-def]
    for spec in table.cells:
        row, column = table.row(spec.row), table.column(spec.column)
        assert (row.table, column.table) == (table.id, table.id)
        assert row.label == spec.row_label
        assert column.label == spec.column_label
        assert row.short == short_label(row.printed) and column.short == short_label(column.printed)
        assert row_label(table.id, spec.row) == spec.row_label


def test_printed_labels_are_on_the_grid() -> None:
    for table in TABLES:
        texts = {p.text for p in table.placed if p.text}
        for axis in (*table.rows, *table.columns):
            assert axis.printed in texts, (table.id, axis.key)
        for group in table.groups:
            assert group.label in texts, (table.id, group.key)


def test_rows_in_printed_order_and_groups() -> None:
    assert [r.key for r in T3.rows[:3]] == ["new", "carried_in", "granted"]
    assert [r.key for r in T3.rows[-2:]] == ["total", "carried_out"]
    denied = T3.group("denied")
    assert denied.short == "不予公开" and len(denied.rows) == 8
    assert all(T3.row(r).group == "denied" for r in denied.rows)
    assert {r.key for r in T3.rows if r.group is None} == {"new", "carried_in", "total", "carried_out"}
    assert T3.row("denied_1").short == "属于国家秘密"
    assert T3.row("total").short == "总计" and T3.column("total").label == "总计"
    assert [(r.key, r.group) for r in T4.rows] == [("review", "review"), ("suit_direct", "suit"),
                                                   ("suit_after_review", "suit")]
    assert T4.row("suit_direct").label == "行政诉讼 " + T4.row("suit_direct").printed
    assert [c.key for c in T4.columns] == ["upheld", "corrected", "other", "pending", "total"]
    assert all(r.group is None for r in T2.rows)


def test_table_two_blocks() -> None:
    assert [len(b.rows) for b in T2_SECTIONS] == [2, 1, 2, 1]
    assert [c.key for c in T2_SECTIONS[0].columns] == ["issued", "repealed", "in_force"]
    assert [c.key for c in T2.columns] == ["issued", "repealed", "in_force", "decisions", "amount"]
    for block in T2_SECTIONS:
        for row in block.rows:
            for column in block.columns:
                assert CELLS[cell_key("t2", row, column)].kind is block.kind


def test_cell_key_takes_keys_or_axes() -> None:
    assert cell_key("t3", T3.row("new"), T3.column("total")) == cell_key("t3", "new", "total") == "t3.new.total"
    with pytest.raises(KeyError):
        cell_key("t2", "regulations", "decisions")
