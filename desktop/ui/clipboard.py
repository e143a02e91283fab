"""Tab-separated blocks as Excel and WPS put them on the clipboard."""

from __future__ import annotations


def parse_tsv(text: str) -> list[list[str]]:
    """Rows of cells. A trailing line break (Excel adds one) does not make an extra row."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    return [_unquote(line).split("\t") if line else [""] for line in text.split("\n")]


def _unquote(line: str) -> str:
    return "\t".join(cell[1:-1] if len(cell) >= 2 and cell[0] == cell[-1] == '"' else cell for cell in line.split("\t"))


def to_tsv(rows: list[list[str]]) -> str:
    return "\n".join("\t".join(row) for row in rows) + "\n"
