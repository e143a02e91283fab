"""Old Word (.doc, Word 97–2003) and WPS files of the same format: paragraphs, and tables with their real
columns and merges, read from the binary format ([MS-DOC]).

The main text is found through the piece table; each paragraph's properties (in a table, end of a row,
the row's cell boundaries and merges) through the paragraph property pages, and each run's (deleted
with tracked changes, hidden) through the character property pages. Field codes are left out and their
shown results kept, as Word shows them.
"""

from __future__ import annotations

import struct

from desktop.io.importers.document import ImportRefused, Source
from desktop.io.importers.limits import within
from desktop.io.importers.ole_file import OleError, OleFile
from desktop.io.importers.word97_properties import (
    DEF_TABLE,
    DEPTH,
    IN_TABLE,
    MERGE,
    ROW_END,
    VERT_MERGE,
    Damaged,
    PropertyPages,
)
from desktop.io.importers.word97_rows import Paragraph, blocks, merge, row_def

_FIB_IDENT = 0xA5EC
_CLX, _BTE_PAPX, _BTE_CHPX = 33, 13, 12  # their places among the FIB's (fc, lcb) pairs
_DROPPED = {"\x01", "\x02", "\x05", "\x08", "\x1f"}  # pictures, note marks, drawn objects, optional hyphens
MAX_TEXT = 500_000  # characters of a document's main text (a report has some 30,000)


DAMAGED = "此Word文件已损坏（不是有效的.doc文件），无法导入；如能在Word或WPS中打开，请另存为.docx后再导入"


def read_doc(data: bytes) -> Source:
    try:
        ole = OleFile(data)
        word = ole.stream("WordDocument")
        if word is None:
            if "Workbook" in ole.top or "Book" in ole.top:
                raise ImportRefused("此文件是旧版Excel工作簿（.xls），不是年度报告全文；请导入报告的网页、Word或PDF")
            raise ImportRefused("此文件不是Word文档，无法导入；请在Word或WPS中另存为.docx后再导入")
        return Source("Word文档", blocks(_Document(ole, word).paragraphs()))
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
        self.papx = PropertyPages(word, table, self.data, self.pair(_BTE_PAPX), paragraphs=True)
        self.chpx = PropertyPages(word, table, self.data, self.pair(_BTE_CHPX), paragraphs=False)

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

    def paragraphs(self) -> list[Paragraph]:
        found: list[Paragraph] = []
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
            found.append(Paragraph("".join(line), "\r"))
        return found

    def _paragraph(self, text: str, end: str, offset: int) -> Paragraph:
        paragraph = Paragraph(text, end)
        for sprm, operand in self.papx.sprms(offset):
            if sprm == IN_TABLE:
                paragraph.in_table = operand[:1] == b"\x01"
            elif sprm == ROW_END:
                paragraph.row_end = operand[:1] == b"\x01"
            elif sprm == DEPTH and len(operand) >= 4:
                paragraph.depth = struct.unpack_from("<i", operand)[0]
            elif sprm == DEF_TABLE:
                paragraph.row = row_def(operand)
            elif sprm in (VERT_MERGE, MERGE) and paragraph.row is not None and len(operand) >= 2:
                merge(paragraph.row, sprm, operand[0], operand[1])
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
