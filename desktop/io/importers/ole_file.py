"""The streams of an OLE compound file ([MS-CFB]): the container of old Word (.doc), WPS (.wps) and Excel
(.xls) files. Only the streams at the top level are read, by name; every chain of sectors is bounded by
the file's size, so a damaged or hostile file is refused, never followed round in a loop.
"""

from __future__ import annotations

import struct

SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_END = 0xFFFFFFFE
_FREE = 0xFFFFFFFF
_NONE = 0xFFFFFFFF
_HEADER_DIFAT = 109


class OleError(ValueError):
    """The compound file is damaged: a bad header, a sector outside the file, a chain that loops."""


class OleFile:
    def __init__(self, data: bytes) -> None:
        if not data.startswith(SIGNATURE) or len(data) < 512:
            raise OleError("no compound file header")
        self.data = data
        shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
        if shift not in (9, 12) or mini_shift != 6:
            raise OleError(f"sector shift {shift}/{mini_shift}")
        self.sector = 1 << shift
        self.sectors = (len(data) - self.sector + self.sector - 1) // self.sector  # those after the header
        fat_count, self._directory_start = struct.unpack_from("<II", data, 0x2C)
        self._cutoff, mini_fat_start, mini_fat_count, difat_start, difat_count = struct.unpack_from(
            "<IIIII", data, 0x38)
        self.fat = self._read_fat(fat_count, difat_start, difat_count)
        self.entries = self._read_directory()
        root = self.entries[0] if self.entries else None
        if root is None or root.kind != 5:
            raise OleError("no root entry")
        self._mini_stream = self._chain_bytes(root.start, root.size) if root.size else b""
        self._mini_fat = _uint32s(self._chain_bytes(mini_fat_start, mini_fat_count * self.sector)) \
            if mini_fat_count and mini_fat_start != _END else []
        self.top = self._top_level()

    def stream(self, name: str) -> bytes | None:
        """A stream at the top level by name, or None where the file has none of that name."""
        entry = self.top.get(name)
        if entry is None or entry.kind != 2:
            return None
        if entry.size < self._cutoff:
            return self._mini_bytes(entry.start, entry.size)
        return self._chain_bytes(entry.start, entry.size)

    def _sector_bytes(self, number: int) -> bytes:
        if number >= self.sectors:
            raise OleError(f"sector {number} beyond the file")
        offset = (number + 1) * self.sector
        return self.data[offset:offset + self.sector]

    def _read_fat(self, fat_count: int, difat_start: int, difat_count: int) -> list[int]:
        if fat_count > self.sectors:
            raise OleError("more FAT sectors than the file has")
        difat = list(struct.unpack_from(f"<{_HEADER_DIFAT}I", self.data, 0x4C))
        seen: set[int] = set()
        next_sector = difat_start
        for _ in range(difat_count):
            if next_sector in (_END, _FREE) or next_sector in seen:
                break
            seen.add(next_sector)
            values = _uint32s(self._sector_bytes(next_sector))
            difat += values[:-1]
            next_sector = values[-1]
        fat: list[int] = []
        for number in difat[:fat_count]:
            if number in (_FREE, _END):
                continue
            fat += _uint32s(self._sector_bytes(number))
        return fat

    def _chain(self, start: int, table: list[int], limit: int) -> list[int]:
        chain: list[int] = []
        seen: set[int] = set()
        current = start
        while current != _END:
            if current >= len(table) or current in seen or len(chain) >= limit:
                raise OleError("a broken or looping chain of sectors")
            seen.add(current)
            chain.append(current)
            current = table[current]
        return chain

    def _chain_bytes(self, start: int, size: int) -> bytes:
        if start == _END or size == 0:
            return b""
        needed = (size + self.sector - 1) // self.sector
        chain = self._chain(start, self.fat, self.sectors)
        if len(chain) < needed:
            raise OleError("a stream longer than its chain")
        return b"".join(self._sector_bytes(number) for number in chain[:needed])[:size]

    def _mini_bytes(self, start: int, size: int) -> bytes:
        if start == _END or size == 0:
            return b""
        chain = self._chain(start, self._mini_fat, len(self._mini_stream) // 64 + 1)
        data = b"".join(self._mini_stream[number * 64:number * 64 + 64] for number in chain)
        if len(data) < size:
            raise OleError("a small stream longer than its chain")
        return data[:size]

    def _read_directory(self) -> list[_Entry]:
        raw = self._chain_bytes(self._directory_start, len(self._chain(self._directory_start, self.fat,
                                                                         self.sectors)) * self.sector)
        entries = []
        for offset in range(0, len(raw) - 127, 128):
            entries.append(_Entry(raw[offset:offset + 128]))
        return entries

    def _top_level(self) -> dict[str, _Entry]:
        """The root's children: a tree of siblings under the root's child."""
        found: dict[str, _Entry] = {}
        stack = [self.entries[0].child]
        seen: set[int] = set()
        while stack:
            number = stack.pop()
            if number == _NONE or number in seen or number >= len(self.entries):
                continue
            seen.add(number)
            entry = self.entries[number]
            found.setdefault(entry.name, entry)
            stack += [entry.left, entry.right]
        return found


class _Entry:
    __slots__ = ("name", "kind", "left", "right", "child", "start", "size")

    def __init__(self, raw: bytes) -> None:
        length = min(struct.unpack_from("<H", raw, 0x40)[0], 64)
        self.name = raw[:max(length - 2, 0)].decode("utf-16-le", errors="replace")
        self.kind = raw[0x42]
        self.left, self.right, self.child = struct.unpack_from("<III", raw, 0x44)
        self.start, self.size = struct.unpack_from("<IQ", raw, 0x74)
        self.size &= 0xFFFFFFFF  # version 3 files leave the high half undefined


def _uint32s(data: bytes) -> list[int]:
    return list(struct.unpack(f"<{len(data) // 4}I", data[:len(data) // 4 * 4]))
