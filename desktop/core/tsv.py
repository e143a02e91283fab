"""Tab-separated blocks as Excel and WPS put them on the clipboard: a cell holding a tab, a line break or
a quote is quoted, and a quote inside it is doubled."""

from __future__ import annotations

import csv
import io

MAX_PASTED_CELLS = 100_000  # table 三 has 175 cells; a block this large is not a report


class BlockTooLarge(ValueError):
    def __init__(self, cells: int) -> None:
        super().__init__(f"粘贴的内容有{cells}个以上单元格，远超报告表格的大小，未粘贴")


def parse_tsv(text: str) -> list[list[str]]:
    """Rows of cells. A trailing line break (Excel adds one) does not make an extra row; an empty line is a
    row of one blank cell."""
    rows: list[list[str]] = []
    cells = 0
    for row in csv.reader(io.StringIO(text, newline=""), dialect="excel-tab"):
        cells += max(len(row), 1)
        if cells > MAX_PASTED_CELLS:
            raise BlockTooLarge(MAX_PASTED_CELLS)
        rows.append(row or [""])
    return rows


def to_tsv(rows: list[list[str]]) -> str:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, dialect="excel-tab", lineterminator="\n").writerows(rows)
    return buffer.getvalue()
