"""The property pages of an old Word file ([MS-DOC] FKPs): for an offset in the WordDocument stream, the
properties (sprms) of the paragraph or the run that holds it. Paragraphs' properties too large for their
page are followed into the Data stream."""

from __future__ import annotations

import bisect
import struct
from collections.abc import Iterator

IN_TABLE, ROW_END, DEPTH, HUGE = 0x2416, 0x2417, 0x6649, 0x6646
DEF_TABLE = 0xD608
VERT_MERGE, MERGE = 0xD62B, 0x5624  # a cell's vertical merge, cells merged across (after the row's definition)
DELETED, HIDDEN = 0x0800, 0x083C
_OPERAND = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}  # operand sizes by the sprm's top three bits


class Damaged(Exception):
    """The Word binary is inconsistent: an offset outside its stream, a count beyond its part."""


class PropertyPages:
    """The property pages (FKPs) of paragraphs or runs: for a file offset, the sprms that apply."""

    def __init__(self, word: bytes, table: bytes, data: bytes, part: tuple[int, int], paragraphs: bool) -> None:
        """``part``: where the table stream holds the pages' index (the FIB's fc and lcb)."""
        self.word, self.data = word, data
        self.paragraphs = paragraphs
        fc, lcb = part
        count = (lcb - 4) // 8 if lcb >= 12 else 0
        self.bounds = list(struct.unpack_from(f"<{count + 1}I", table, fc)) if count else []
        self.pages = [value & 0x3FFFFF for value in struct.unpack_from(f"<{count}I", table, fc + (count + 1) * 4)] \
            if count else []
        self._cache: dict[int, tuple[list[int], list[int], bytes]] = {}
        self._shown: dict[bytes, bool] = {}

    def _page(self, number: int) -> tuple[list[int], list[int], bytes]:
        if number not in self._cache:
            page = self.word[number * 512:number * 512 + 512]
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
        found = list(sprms_of(self.grpprl(offset)))
        for sprm, operand in found:
            if sprm == HUGE and len(operand) >= 4:  # the properties were too large for the page
                at = struct.unpack_from("<I", operand)[0]
                data = self.data
                if at + 2 > len(data):
                    raise Damaged("large properties beyond the data stream")
                size = struct.unpack_from("<H", data, at)[0]
                return list(sprms_of(data[at + 2:at + 2 + size]))
        return found

    def shown(self, offset: int) -> bool:
        """False for a run deleted with tracked changes or formatted as hidden text."""
        grpprl = self.grpprl(offset)
        if grpprl not in self._shown:
            self._shown[grpprl] = not any(sprm in (DELETED, HIDDEN) and operand[:1] in (b"\x01", b"\x81")
                                          for sprm, operand in sprms_of(grpprl))
        return self._shown[grpprl]


def sprms_of(grpprl: bytes) -> Iterator[tuple[int, bytes]]:
    at = 0
    while at + 2 <= len(grpprl):
        sprm = struct.unpack_from("<H", grpprl, at)[0]
        at += 2
        kind = sprm >> 13
        if kind == 6:
            if sprm == DEF_TABLE:
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
            operand = operand[2:] if sprm == DEF_TABLE else operand[1:]
        yield sprm, operand
        at += size
