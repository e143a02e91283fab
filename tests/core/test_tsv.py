"""Blocks as Excel and WPS write them to the clipboard."""

from __future__ import annotations

import pytest

from desktop.core.tsv import MAX_PASTED_CELLS, BlockTooLarge, parse_tsv, to_tsv


def test_rows_and_the_trailing_line_break() -> None:
    assert parse_tsv("1\t2\r\n3\t4\r\n") == [["1", "2"], ["3", "4"]]
    assert parse_tsv("1\n\n2") == [["1"], [""], ["2"]]


def test_a_quoted_cell_keeps_its_line_break_and_doubled_quotes() -> None:
    assert parse_tsv('"第一行\n第二行"\t2\n"他说""是"""\t3\n') == [["第一行\n第二行", "2"], ['他说"是"', "3"]]


def test_what_is_copied_out_reads_back_the_same() -> None:
    rows = [["a\tb", '引"号'], ["两\n行", ""]]
    assert parse_tsv(to_tsv(rows)) == rows


def test_a_huge_block_is_refused_in_chinese() -> None:
    with pytest.raises(BlockTooLarge, match="单元格"):
        parse_tsv(("0\t" * 1000 + "\n") * (MAX_PASTED_CELLS // 1000 + 1))
