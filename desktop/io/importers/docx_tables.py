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
from desktop.io.importers.docx_numbering import Numbering
from desktop.io.importers.limits import TableBudget, check_span, packed_too_large
from desktop.io.importers.wordml import W, val


def check_archive(data: bytes) -> None:
    """Refuse a damaged or oversized archive, or one that is no Word document, before reading it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise ImportRefused("此Word文件已损坏（不是有效的.docx），无法导入") from None
    names = {m.filename for m in members}
    if "word/document.xml" not in names:
        raise ImportRefused(_not_word(names))
    if packed_too_large(members):
        raise ImportRefused("此Word文件解压后过大，可能是伪装的压缩炸弹，未导入")


def _not_word(names: set[str]) -> str:
    """Why a zip archive that is no Word document cannot be imported, for the formats offices receive."""
    if "xl/workbook.xml" in names:
        return "此文件是Excel工作簿，不是年度报告全文；请导入报告的网页、Word或PDF"
    files = [name for name in names if not name.endswith("/")]
    if any(name.lower().endswith(_PACKED) for name in files):
        return f"此文件是压缩包（内有{len(files)}个文件），请先解压，再导入或审核其中的报告"
    return "此压缩文件不是Word文档（.docx），无法导入"


# what a zip of reports holds: a county's mail often comes packed
_PACKED = (".docx", ".doc", ".wps", ".pdf", ".ofd", ".html", ".htm", ".mht", ".mhtml", ".nianbao")


_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# What Word does not show: a text box's copy for old readers, text moved away or deleted with tracking.
_UNSHOWN = (_MC_FALLBACK, f"{W}moveFrom", f"{W}del")
_HIDDEN_RUN = f".//{W}r/{W}rPr/{W}vanish"
_WRAPPERS = (f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}smartTag")


def _shown(element: Any) -> Any:
    """The element's nodes in document order, without those Word does not show (hidden runs too)."""
    if not any(True for _ in element.iter(*_UNSHOWN)) and element.find(_HIDDEN_RUN) is None:
        yield from element.iter()
        return
    stack = [element]
    while stack:
        node = stack.pop()
        if node.tag in _UNSHOWN or (node.tag == f"{W}r" and _vanished(node)):
            continue
        yield node
        stack.extend(reversed(list(node)))


def _vanished(run: Any) -> bool:
    """A run formatted as hidden text (字体 → 隐藏): Word neither shows nor prints it."""
    properties = run.find(f"{W}rPr")
    hidden = properties.find(f"{W}vanish") if properties is not None else None
    return hidden is not None and hidden.get(f"{W}val", "true") not in ("0", "false", "off")


def _text(element: Any) -> str:
    """The visible text of a paragraph or cell: runs, tabs and breaks; no deleted or field-code text."""
    parts: list[str] = []
    for node in _shown(element):
        tag = node.tag
        if tag == f"{W}t":
            parts.append(node.text or "")
        elif tag == f"{W}tab":
            parts.append(" ")
        elif tag in (f"{W}br", f"{W}cr") or (tag == f"{W}p" and parts and node is not element):
            parts.append("\n")
    return "".join(parts).strip()


def _children(element: Any, tag: str) -> list[Any]:
    """The element's children of a tag, also those inside content controls (w:sdt) and custom XML."""
    found = []
    for child in element.iterchildren():
        if child.tag == tag:
            found.append(child)
        elif child.tag in _WRAPPERS:
            found += _children(child, tag)
    return found


def _grid(table: Any, budget: TableBudget) -> Grid:
    cells: list[Cell] = []
    open_above: dict[int, Cell] = {}  # column → the cell a vMerge continues
    rows = [r for r in _children(table, f"{W}tr") if r.find(f"{W}trPr/{W}del") is None]  # not deleted rows
    for row_index, row in enumerate(rows):
        budget.add_rows()
        col = check_span(int(val(row, f"{W}trPr/{W}gridBefore", "0") or 0))
        for tc in _children(row, f"{W}tc"):
            budget.add_cells()
            span = check_span(max(1, int(val(tc, f"{W}tcPr/{W}gridSpan", "1") or 1)))
            merge = val(tc, f"{W}tcPr/{W}vMerge")
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


def _layout_cells(table: Any) -> list[Any] | None:
    """The cells of a table used only for layout, one cell a row with tables inside: their content is
    the document's, read as paragraphs and tables."""
    rows = _children(table, f"{W}tr")
    cells = [_children(row, f"{W}tc") for row in rows]
    if not rows or any(len(c) != 1 for c in cells) or table.find(f".//{W}tc//{W}tbl") is None:
        return None
    return [c[0] for c in cells]


def _blocks(container: Any, budget: TableBudget, numbering: Numbering) -> list[Block]:
    blocks: list[Block] = []
    for child in container.iterchildren():
        if child.tag == f"{W}p":
            text = _text(child)
            label = numbering.label(child)
            if label and text:
                text = label + ("" if label[-1] in "、.．)）:：" else " ") + text
            if text:
                blocks += [Para(line.strip()) for line in text.split("\n") if line.strip()]
        elif child.tag == f"{W}tbl":
            layout = _layout_cells(child)
            if layout is None:
                blocks.append(_grid(child, budget))
            else:
                for cell in layout:
                    blocks += _blocks(cell, budget, numbering)
        elif child.tag in _WRAPPERS:
            blocks += _blocks(child, budget, numbering)
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
        blocks = _blocks(document.element.body, TableBudget(), Numbering.of(document))
    except (KeyError, ValueError, zipfile.BadZipFile, zlib.error, LxmlError, EOFError):
        raise ImportRefused("此Word文件已损坏，无法导入") from None
    source = Source("Word文档", blocks)
    title = document.core_properties.title or ""
    if title.strip():
        source.meta["title"] = title.strip()
    return source
