"""Word (.docx): the official template filled in, or any document with the three tables.

Merged cells are read from the table XML (gridSpan across, vMerge down) so that every cell keeps its
real position. The archive's directory is checked before anything is decompressed.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import Any

from desktop.io.importers.document import Block, Cell, Grid, ImportRefused, Para, Source
from desktop.io.importers.limits import TableBudget, check_span

MAX_PART_BYTES = 40 * 1024 * 1024
MAX_TOTAL_BYTES = 120 * 1024 * 1024
MAX_MEMBERS = 3000
MAX_RATIO = 400  # a packed Word part compresses some 5-20 times; a bomb thousands of times

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def check_archive(data: bytes) -> None:
    """Refuse a damaged or oversized archive, or one that is no Word document, before reading it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise ImportRefused("此Word文件已损坏（不是有效的.docx），无法导入") from None
    names = {m.filename for m in members}
    if "word/document.xml" not in names:
        raise ImportRefused("此压缩文件不是Word文档（.docx），无法导入")
    total = sum(m.file_size for m in members)
    bomb = any(m.file_size > MAX_PART_BYTES or m.file_size > MAX_RATIO * max(m.compress_size, 1024)
               for m in members)
    if len(members) > MAX_MEMBERS or total > MAX_TOTAL_BYTES or bomb:
        raise ImportRefused("此Word文件解压后过大，可能是伪装的压缩炸弹，未导入")


def _text(element: Any) -> str:
    """The visible text of a paragraph or cell: runs, tabs and breaks; no deleted or field-code text."""
    parts: list[str] = []
    for node in element.iter():
        tag = node.tag
        if tag == f"{_W}t":
            parts.append(node.text or "")
        elif tag == f"{_W}tab":
            parts.append(" ")
        elif tag in (f"{_W}br", f"{_W}cr") or (tag == f"{_W}p" and parts and node is not element):
            parts.append("\n")
    return "".join(parts).strip()


def _attribute(element: Any, path: str, default: str | None = None) -> str | None:
    found = element.find(path)
    if found is None:
        return default
    return found.get(f"{_W}val", "")


def _grid(table: Any, budget: TableBudget) -> Grid:
    cells: list[Cell] = []
    open_above: dict[int, Cell] = {}  # column → the cell a vMerge continues
    for row_index, row in enumerate(table.iterchildren(f"{_W}tr")):
        budget.add_rows()
        col = check_span(int(_attribute(row, f"{_W}trPr/{_W}gridBefore", "0") or 0))
        for tc in row.iterchildren(f"{_W}tc"):
            budget.add_cells()
            span = check_span(max(1, int(_attribute(tc, f"{_W}tcPr/{_W}gridSpan", "1") or 1)))
            merge = _attribute(tc, f"{_W}tcPr/{_W}vMerge")
            if merge is not None and merge != "restart" and col in open_above:
                open_above[col].rowspan = row_index - open_above[col].row + 1
            else:
                cell = Cell(_text(tc), row_index, col, 1, span)
                cells.append(cell)
                for c in range(col, col + span):
                    open_above.pop(c, None)
                if merge == "restart":
                    open_above[col] = cell
            col += span
    return Grid(cells)


def _blocks(container: Any, budget: TableBudget) -> list[Block]:
    blocks: list[Block] = []
    for child in container.iterchildren():
        if child.tag == f"{_W}p":
            text = _text(child)
            if text:
                blocks += [Para(line.strip()) for line in text.split("\n") if line.strip()]
        elif child.tag == f"{_W}tbl":
            blocks.append(_grid(child, budget))
        elif child.tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"):
            blocks += _blocks(child, budget)
    return blocks


def _check_relationships(data: bytes) -> None:
    """Every relationship names its target: python-docx follows them unchecked, and a damaged one (no
    Target) stops it with a TypeError that would look like a bug in the app."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in (n for n in archive.namelist() if n.endswith(".rels")):
            root = etree.fromstring(archive.read(name), parser)
            if any(rel.get("Target") is None or rel.get("Id") is None for rel in root.iter("{*}Relationship")):
                raise ImportRefused("此Word文件已损坏（文件内部的关联缺少目标），无法导入")


def read_docx(data: bytes) -> Source:
    check_archive(data)
    import docx
    from lxml.etree import LxmlError

    try:
        _check_relationships(data)
        document = docx.Document(io.BytesIO(data))
        blocks = _blocks(document.element.body, TableBudget())
    except (KeyError, ValueError, zipfile.BadZipFile, zlib.error, LxmlError, EOFError):
        raise ImportRefused("此Word文件已损坏，无法导入") from None
    source = Source("Word文档", blocks)
    title = document.core_properties.title or ""
    if title.strip():
        source.meta["title"] = title.strip()
    return source
