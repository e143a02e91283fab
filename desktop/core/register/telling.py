"""The register's account in sentences and lines, for the command line and the window alike."""

from __future__ import annotations

from desktop.core.register.columns import COLUMNS
from desktop.core.register.findings import lines_text
from desktop.core.register.mapping import Mapping
from desktop.core.register.sheet import RawSheet
from desktop.core.register.tally import Tally
from desktop.core.tablespec import TABLE_BY_ID, cell_key


def mapping_lines(sheet: RawSheet, mapping: Mapping) -> list[str]:
    """「收到日期：受理日期（第2列）」 for every column of the register kind."""
    lines = []
    for column in COLUMNS[sheet.kind]:
        index = mapping.columns.get(column.key)
        found = "未找到"
        if index is not None and index < len(sheet.headers):
            found = f"{sheet.headers[index]}（第{index + 1}列）"
        lines.append(f"{column.label}：{found}")
    return lines


def not_counted_lines(tally: Tally) -> list[str]:
    """Every word and row the table does not count, then the assumptions made for rows it does."""
    number = TABLE_BY_ID[tally.table].number
    lines = []
    for column, words in tally.unrecognised.items():
        for word, rows in words.items():
            lines.append(f"{column}“{word or '（空白）'}”对应不到表{number}：{lines_text(rows)}，未计入")
    lines += [f"第{s.line}行：{s.reason}，未计入" for s in sorted(tally.skipped, key=lambda s: s.line)]
    return lines


def note_lines(tally: Tally) -> list[str]:
    return [f"第{n.line}行：{n.reason}" for n in tally.notes]


def summary(tally: Tally) -> str:
    number = TABLE_BY_ID[tally.table].number
    unrecognised = {line for words in tally.unrecognised.values() for rows in words.values() for line in rows}
    left_out = len(unrecognised | {s.line for s in tally.skipped})
    text = f"{tally.source}：共{len(tally.entries)}行，{tally.counted}行计入{tally.year}年表{number}"
    if tally.outside_year:
        text += f"，{tally.outside_year}行不属于本年度"
    return text + (f"，{left_out}行未计入" if left_out else "")


def table_lines(tally: Tally) -> list[str]:
    """The table as tab-separated lines: a header of column labels, then one line per row."""
    spec = TABLE_BY_ID[tally.table]
    lines = ["\t".join(["", *(c.label for c in spec.columns)])]
    for row in spec.rows:
        lines.append("\t".join([row.label, *(str(tally.cells[cell_key(spec.id, row, c)]) for c in spec.columns)]))
    return lines
