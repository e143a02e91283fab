"""Old Word (.doc, Word 97–2003) and WPS files of the same format: paragraphs, and tables with their real
columns and merges, read from the binary format ([MS-DOC]).

The main text is found through the piece table; each paragraph's properties (in a table, end of a row,
the row's cell boundaries and merges) through the paragraph property pages, and each run's (deleted
with tracked changes, hidden) through the character property pages. Field codes are left out and their
shown results kept, as Word shows them.
"""

from __future__ import annotations

import bisect
import struct
from dataclasses import dataclass, field

from desktop.io.importers.document import Block, Cell, Grid, ImportRefused, Para, Source
from desktop.io.importers.limits import TableBudget, check_blocks, check_span, within
from desktop.io.importers.ole_file import OleError, OleFile

_FIB_IDENT = 0xA5EC
_CLX, _BTE_PAPX, _BTE_CHPX = 33, 13, 12  # their places among the FIB's (fc, lcb) pairs
_IN_TABLE, _ROW_END, _DEPTH, _HUGE = 0x2416, 0x2417, 0x6649, 0x6646
_INNER_CELL, _INNER_ROW_END = 0x244B, 0x244C
_DEF_TABLE = 0xD608
_VERT_MERGE, _MERGE = 0xD62B, 0x5624  # a cell's vertical merge, cells merged across (both after the row's definition)
_DELETED, _HIDDEN = 0x0800, 0x083C
_OPERAND = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}
_DROPPED = {"\x01", "\x02", "\x05", "\x08", "\x1f"}  # pictures, note marks, drawn objects, optional hyphens
MAX_TEXT = 500_000  # characters of a document's main text (a report has some 30,000)


DAMAGED = "此Word文件已损坏（不是有效的.doc文件），无法导入；如能在Word或WPS中打开，请另存为.docx后再导入"


class NotWord(ImportRefused):
    """A compound file that holds no Word document (an Excel workbook, another program's file)."""


class Damaged(Exception):
    """The Word binary is inconsistent: an offset outside its stream, a count beyond its part."""


@dataclass
class _Paragraph:
    text: str
    end: str  # "\r" a paragraph, "\x07" a cell or a row, "\x0c" a page or section
    in_table: bool = False
    row_end: bool = False
    depth: int = 0
    row: _RowDef | None = None


@dataclass
class _RowDef:
    edges: list[int] = field(default_factory=list)  # the cells' boundaries, in twips
    merges: list[tuple[int, int]] = field(default_factory=list)  # per cell: (horizontal, vertical)


def read_doc(data: bytes) -> Source:
    try:
        ole = OleFile(data)
        word = ole.stream("WordDocument")
        if word is None:
            if "Workbook" in ole.top or "Book" in ole.top:
                raise NotWord("此文件是旧版Excel工作簿（.xls），不是年度报告全文；请导入报告的网页、Word或PDF")
            raise NotWord("此文件不是Word文档，无法导入；请在Word或WPS中另存为.docx后再导入")
        return Source("Word文档", _blocks(_Document(ole, word).paragraphs()))
    except (Damaged, OleError, struct.error, IndexError, UnicodeDecodeError):
        raise ImportRefused(DAMAGED) from None


class _Document:
    def __init__(self, ole: OleFile, word: bytes) -> None:
        self.word = word
        if len(word) < 0x20 or struct.unpack_from("<H", word, 0)[0] != _FIB_IDENT:
            raise Damaged("no FIB")
        flags = struct.unpack_from("<H", word, 0x0A)[0]
        if flags & 0x0100:
            raise ImportRefused("此Word文件设有打开密码（已加密），无法导入；请去除密码后另存为.docx再导入")
        table = ole.stream("1Table" if flags & 0x0200 else "0Table")
        if table is None:
            raise Damaged("no table stream")
        self.table = table
        self.data = ole.stream("Data") or b""
        csw = struct.unpack_from("<H", word, 0x20)[0]
        at = 0x22 + csw * 2
        cslw = struct.unpack_from("<H", word, at)[0]
        self.text_length = struct.unpack_from("<I", word, at + 2 + 3 * 4)[0]
        at += 2 + cslw * 4
        pairs = struct.unpack_from("<H", word, at)[0]
        if pairs <= _CLX:
            raise Damaged("too few FIB pairs")
        self._pairs = at + 2
        self.pieces = self._pieces()
        self.papx = _Pages(self, _BTE_PAPX)
        self.chpx = _Pages(self, _BTE_CHPX)

    def pair(self, index: int) -> tuple[int, int]:
        fc, lcb = struct.unpack_from("<II", self.word, self._pairs + index * 8)
        if fc + lcb > len(self.table):
            raise Damaged(f"part {index} beyond the table stream")
        return fc, lcb

    def _pieces(self) -> list[tuple[int, int, int, bool]]:
        """(first character, last character + 1, file offset, 8-bit) for each piece of the main text."""
        fc, lcb = self.pair(_CLX)
        clx, at = self.table[fc:fc + lcb], 0
        while at < len(clx) and clx[at] == 1:  # property modifiers kept with the pieces: skipped
            size = struct.unpack_from("<h", clx, at + 1)[0]
            if size < 0:
                raise Damaged("a negative modifier size")
            at += 3 + size
        if at >= len(clx) or clx[at] != 2:
            raise Damaged("no piece table")
        size = struct.unpack_from("<I", clx, at + 1)[0]
        count = (size - 4) // 12
        if count <= 0 or at + 5 + size > len(clx):
            raise Damaged("bad piece table")
        cps = struct.unpack_from(f"<{count + 1}I", clx, at + 5)
        pieces = []
        for index in range(count):
            value = struct.unpack_from("<I", clx, at + 5 + (count + 1) * 4 + index * 8 + 2)[0]
            compressed = bool(value & 0x40000000)
            offset = (value & 0x3FFFFFFF) // 2 if compressed else value & 0x3FFFFFFF
            pieces.append((cps[index], cps[index + 1], offset, compressed))
        return pieces

    def characters(self) -> list[tuple[str, int]]:
        """The main text, each character with its offset in the WordDocument stream."""
        out: list[tuple[str, int]] = []
        within(self.text_length, MAX_TEXT, f"文件中的文字超过{MAX_TEXT}字")
        limit = self.text_length
        for first, last, offset, compressed in self.pieces:
            if first >= limit:
                break
            last = min(last, limit)
            width = 1 if compressed else 2
            raw = self.word[offset:offset + (last - first) * width]
            if len(raw) < (last - first) * width:
                raise Damaged("a piece beyond the stream")
            if compressed:
                out += [(ch, offset + i) for i, ch in enumerate(raw.decode("cp1252", errors="replace"))]
            else:
                out += _utf16(raw, offset)
        return out

    def paragraphs(self) -> list[_Paragraph]:
        found: list[_Paragraph] = []
        line: list[str] = []
        fields: list[bool] = []  # per open field: True while its code is read (before the separator)
        for ch, offset in self.characters():
            if ch in "\r\x07\x0c":
                found.append(self._paragraph("".join(line), ch, offset))
                line, fields = [], []
                continue
            if ch == "\x13":
                fields.append(True)
            elif ch == "\x14":
                if fields:
                    fields[-1] = False
            elif ch == "\x15":
                if fields:
                    fields.pop()
            elif any(fields) or ch in _DROPPED or not self.chpx.shown(offset):
                continue
            else:
                line.append("\n" if ch == "\x0b" else "-" if ch == "\x1e" else ch)
        if line:
            found.append(_Paragraph("".join(line), "\r"))
        return found

    def _paragraph(self, text: str, end: str, offset: int) -> _Paragraph:
        paragraph = _Paragraph(text, end)
        for sprm, operand in self.papx.sprms(offset):
            if sprm == _IN_TABLE:
                paragraph.in_table = operand[:1] == b"\x01"
            elif sprm == _ROW_END:
                paragraph.row_end = operand[:1] == b"\x01"
            elif sprm == _DEPTH and len(operand) >= 4:
                paragraph.depth = struct.unpack_from("<i", operand)[0]
            elif sprm == _DEF_TABLE:
                paragraph.row = _row_def(operand)
            elif sprm in (_VERT_MERGE, _MERGE) and paragraph.row is not None and len(operand) >= 2:
                _merge(paragraph.row, sprm, operand[0], operand[1])
        if paragraph.in_table and not paragraph.depth:
            paragraph.depth = 1
        return paragraph


def _utf16(raw: bytes, offset: int) -> list[tuple[str, int]]:
    """UTF-16 text, each character with the offset of its first code unit: a character beyond the basic
    plane (a rare name's character) is two units, and the offsets of those after it stay exact."""
    units = struct.unpack(f"<{len(raw) // 2}H", raw[:len(raw) // 2 * 2])
    out: list[tuple[str, int]] = []
    index = 0
    while index < len(units):
        unit = units[index]
        if 0xD800 <= unit < 0xDC00 and index + 1 < len(units) and 0xDC00 <= units[index + 1] < 0xE000:
            out.append((chr(0x10000 + ((unit - 0xD800) << 10) + units[index + 1] - 0xDC00), offset + index * 2))
            index += 2
            continue
        out.append(("\ufffd" if 0xD800 <= unit < 0xE000 else chr(unit), offset + index * 2))
        index += 1
    return out


class _Pages:
    """The property pages (FKPs) of paragraphs or runs: for a file offset, the sprms that apply."""

    def __init__(self, document: _Document, index: int) -> None:
        self.document = document
        self.paragraphs = index == _BTE_PAPX
        fc, lcb = document.pair(index)
        count = (lcb - 4) // 8 if lcb >= 12 else 0
        table = document.table
        self.bounds = list(struct.unpack_from(f"<{count + 1}I", table, fc)) if count else []
        self.pages = [value & 0x3FFFFF for value in struct.unpack_from(f"<{count}I", table, fc + (count + 1) * 4)] \
            if count else []
        self._cache: dict[int, tuple[list[int], list[int], bytes]] = {}
        self._shown: dict[bytes, bool] = {}

    def _page(self, number: int) -> tuple[list[int], list[int], bytes]:
        if number not in self._cache:
            page = self.document.word[number * 512:number * 512 + 512]
            if len(page) < 512:
                raise Damaged("a property page beyond the stream")
            runs = page[511]
            bounds = list(struct.unpack_from(f"<{runs + 1}I", page, 0))
            step = 13 if self.paragraphs else 1
            offsets = [page[(runs + 1) * 4 + i * step] * 2 for i in range(runs)]
            self._cache[number] = (bounds, offsets, page)
        return self._cache[number]

    def grpprl(self, offset: int) -> bytes:
        index = bisect.bisect_right(self.bounds, offset) - 1
        if index < 0 or index >= len(self.pages):
            return b""
        bounds, offsets, page = self._page(self.pages[index])
        run = bisect.bisect_right(bounds, offset) - 1
        if run < 0 or run >= len(offsets) or not offsets[run]:
            return b""
        at = offsets[run]
        if at >= 511:
            raise Damaged("a property outside its page")
        if not self.paragraphs:
            return page[at + 1:at + 1 + page[at]]
        size = page[at]
        if size:
            start, length = at + 1, 2 * size - 1
        else:
            start, length = at + 2, 2 * page[at + 1]
        return page[start + 2:start + length]  # after the style number

    def sprms(self, offset: int) -> list[tuple[int, bytes]]:
        found = list(_sprms(self.grpprl(offset)))
        for sprm, operand in found:
            if sprm == _HUGE and len(operand) >= 4:  # the properties were too large for the page
                at = struct.unpack_from("<I", operand)[0]
                data = self.document.data
                if at + 2 > len(data):
                    raise Damaged("large properties beyond the data stream")
                size = struct.unpack_from("<H", data, at)[0]
                return list(_sprms(data[at + 2:at + 2 + size]))
        return found

    def shown(self, offset: int) -> bool:
        """False for a run deleted with tracked changes or formatted as hidden text."""
        grpprl = self.grpprl(offset)
        if grpprl not in self._shown:
            self._shown[grpprl] = not any(sprm in (_DELETED, _HIDDEN) and operand[:1] in (b"\x01", b"\x81")
                                          for sprm, operand in _sprms(grpprl))
        return self._shown[grpprl]


def _sprms(grpprl: bytes):  # type: ignore[no-untyped-def]
    at = 0
    while at + 2 <= len(grpprl):
        sprm = struct.unpack_from("<H", grpprl, at)[0]
        at += 2
        kind = sprm >> 13
        if kind == 6:
            if sprm == _DEF_TABLE:
                if at + 2 > len(grpprl):
                    return
                size = struct.unpack_from("<H", grpprl, at)[0] + 1
            elif at < len(grpprl):
                size = grpprl[at] + 1
            else:
                return
        else:
            size = _OPERAND[kind]
        operand = grpprl[at:at + size]
        if kind == 6:
            operand = operand[2:] if sprm == _DEF_TABLE else operand[1:]
        yield sprm, operand
        at += size


def _row_def(operand: bytes) -> _RowDef:
    """sprmTDefTable: the number of cells, their boundaries and, per cell, its merge flags."""
    if not operand:
        return _RowDef()
    cells = operand[0]
    if 1 + (cells + 1) * 2 > len(operand):
        raise Damaged("a row's cells beyond its definition")
    edges = list(struct.unpack_from(f"<{cells + 1}h", operand, 1))
    merges = []
    at = 1 + (cells + 1) * 2
    for index in range(cells):
        if at + index * 20 + 2 <= len(operand):
            flags = struct.unpack_from("<H", operand, at + index * 20)[0]
            merges.append((flags & 0x3, (flags >> 5) & 0x3))
        else:
            merges.append((0, 0))
    return _RowDef(edges, merges)


def _merge(row: _RowDef, sprm: int, first: int, second: int) -> None:
    """sprmTVertMerge (a cell, its vertical merge) or sprmTMerge (the cells from first to before second
    merged across) applied to the row's definition."""
    merges = row.merges
    if sprm == _VERT_MERGE:
        if first < len(merges):
            merges[first] = (merges[first][0], second & 0x3)
        return
    for index in range(first, min(second, len(merges))):
        merges[index] = (1 if index == first else 2, merges[index][1])


def _blocks(paragraphs: list[_Paragraph]) -> list[Block]:
    blocks: list[Block] = []
    rows: list[tuple[list[str], _RowDef]] = []
    cells: list[str] = []
    content: list[str] = []
    budget = TableBudget()
    for paragraph in paragraphs:
        if paragraph.depth >= 1 and paragraph.in_table:
            if paragraph.row_end and paragraph.depth == 1:
                rows.append((cells, paragraph.row or _RowDef()))
                cells = []
                continue
            content.append(paragraph.text)
            if paragraph.end == "\x07" and paragraph.depth == 1:
                cells.append("\n".join(part for part in content if part.strip()).strip())
                content = []
            continue
        if rows or cells or content:
            blocks += _table(rows, cells, content, budget)
            rows, cells, content = [], [], []
        blocks += [Para(line.strip()) for line in paragraph.text.split("\n") if line.strip()]
        check_blocks(len(blocks))
    if rows or cells or content:
        blocks += _table(rows, cells, content, budget)
    return blocks


def _table(rows: list[tuple[list[str], _RowDef]], cells: list[str], content: list[str],
           budget: TableBudget) -> list[Block]:
    """A table's rows as one grid, columns from the cells' boundaries; a row without its end mark (a
    damaged file) is kept as it was read."""
    if content:
        cells = [*cells, "\n".join(content).strip()]
    if cells:
        rows = [*rows, (cells, _RowDef())]
    edges = _clustered({edge for _, row in rows for edge in row.edges})
    grid: list[Cell] = []
    open_above: dict[int, Cell] = {}
    for row_index, (texts, row) in enumerate(rows):
        budget.add_rows()
        positioned = len(row.edges) == len(texts) + 1
        col = 0
        merged_into: Cell | None = None
        for index, text in enumerate(texts):
            budget.add_cells()
            if positioned:
                col = _column(edges, row.edges[index])
                span = check_span(max(_column(edges, row.edges[index + 1]) - col, 1))
                horizontal, vertical = row.merges[index] if index < len(row.merges) else (0, 0)
            else:
                span, horizontal, vertical = 1, 0, 0
            if horizontal == 2 and merged_into is not None:  # an old-style horizontal merge goes on
                merged_into.colspan += span
            elif vertical == 1 and col in open_above:  # a vertical merge goes on
                above = open_above[col]
                above.rowspan = row_index - above.row + 1
                merged_into = None
            else:
                cell = Cell(text, row_index, col, 1, span)
                grid.append(cell)
                for c in range(col, col + span):
                    open_above.pop(c, None)
                if vertical == 3:
                    open_above[col] = cell
                merged_into = cell if horizontal == 1 else None
            if not positioned:
                col += 1
    return [Grid(grid)] if grid else []


def _clustered(edges: set[int]) -> list[int]:
    """The table's column boundaries: cell boundaries within 20 twips (1 mm) of each other are one."""
    found: list[int] = []
    for edge in sorted(edges):
        if not found or edge - found[-1] > 20:
            found.append(edge)
    return found


def _column(bounds: list[int], edge: int) -> int:
    return max(bisect.bisect_right(bounds, edge + 20) - 1, 0)
