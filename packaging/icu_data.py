"""A smaller ICU data library for the Linux bundle.

Qt on Linux links to ICU, whose data library (``libicudata.so.NN``, about 32 MB) holds every locale,
converter, dictionary and transliterator ICU knows. Qt calls ICU for only four things: collation
(``QCollator``), locale case mapping, legacy text encodings (``QStringDecoder``) and time-zone names.
This module keeps the data those need for Chinese and English, and leaves out the rest: the other
languages' locales, word-break dictionaries, transliteration, and the Japanese, Korean and EBCDIC
converters. The smaller library is about 6 MB; a locale it lacks falls back to ICU's root locale.

The data is an ICU "common data" package (the ``icudtNN_dat`` symbol): a header, a table of
contents sorted by name, and the items, each aligned to 16 bytes. The new package is linked into a
shared library of the same name with the C compiler; without one, the full library stays.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

# The package header: MappedData (headerSize, 0xda, 0x27), then UDataInfo with the format "CmnD".
_HEADER = re.compile(rb"(?s)..\xda\x27.{8}CmnD")
_ALIGN = 16

# Locales kept in every tree: the root and its pool of shared strings, Chinese and English.
KEPT_LOCALE = re.compile(r"^(root|pool|res_index|zh(_[\w-]+)?|en(_US(_POSIX)?|_001|_GB)?)\.res$")
LOCALE_FILE = re.compile(r"^[a-z]{2,3}(_[\w-]+)?\.res$")

# Trees of data no Qt function reads: transliteration and word and line breaking.
DROPPED_TREES = {"translit", "brkitr"}

# Converters for scripts other than Chinese: Japanese (Shift-JIS, EUC-JP, JIS X 0212), Korean
# (EUC-KR, UHC), EBCDIC double-byte code pages of mainframes, EUC-TW and CNS 11643, and the X11
# compound-text tables. Chinese (GB 18030, GBK, GB 2312, Big5, HKSCS) and single-byte code pages stay.
DROPPED_CONVERTERS = re.compile(
    r"^(euc-jp-\d+|ibm-33722_[\w-]+|ibm-954_[\w-]+|ibm-942_[\w-]+|ibm-943_[\w-]+|jisx-212"
    r"|ibm-949_[\w-]+|windows-949-2000|ibm-970_[\w-]+|ibm-971_[\w-]+|ibm-1363_[\w-]+|icu-internal-25546"
    r"|ibm-(930|933|935|937|939|1364|1371|1388|1390|1399|16684)_[\w-]+"
    r"|euc-tw-\d+|ibm-964_[\w-]+|cns-11643-\d+|icu-internal-compound-\w+)\.cnv$"
)


def kept(name: str) -> bool:
    """Whether an item of the package, e.g. ``icudt73l/coll/zh.res``, is kept."""
    parts = name.split("/")[1:]
    file = parts[-1]
    if len(parts) > 1 and parts[0] in DROPPED_TREES:
        return False
    if DROPPED_CONVERTERS.match(file):
        return False
    if LOCALE_FILE.match(file) or file in ("root.res", "pool.res", "res_index.res"):
        return bool(KEPT_LOCALE.match(file))
    return True


class Package:
    """An ICU common data package: its header bytes and its items by name, in order."""

    def __init__(self, header: bytes, items: dict[str, bytes]) -> None:
        self.header = header
        self.items = items

    @classmethod
    def read(cls, blob: bytes) -> Package:
        """The package that starts `blob` and fills it."""
        if _HEADER.match(blob) is None:
            raise ValueError("not an ICU data package")
        (header_size,) = struct.unpack_from("<H", blob, 0)
        (count,) = struct.unpack_from("<I", blob, header_size)
        offsets = [struct.unpack_from("<II", blob, header_size + 4 + 8 * i) for i in range(count)]
        table = blob[header_size:]
        names = [table[name : table.index(b"\0", name)].decode("ascii") for name, _ in offsets]
        ends = [data for _, data in offsets[1:]] + [len(table)]
        items = {name: table[data:end] for name, (_, data), end in zip(names, offsets, ends, strict=True)}
        return cls(blob[:header_size], items)

    def without(self, keep: Callable[[str], bool]) -> Package:
        return Package(self.header, {name: data for name, data in self.items.items() if keep(name)})

    def to_bytes(self) -> bytes:
        names = sorted(self.items)  # ICU finds items by binary search on the name
        table_size = 4 + 8 * len(names)
        name_blob = b"".join(name.encode("ascii") + b"\0" for name in names)
        position = _aligned(table_size + len(name_blob))
        name_offsets, data_offsets, body = [], [], bytearray()
        offset = table_size
        for name in names:
            name_offsets.append(offset)
            offset += len(name) + 1
        for name in names:
            data_offsets.append(position + len(body))
            body += self.items[name]
            body += b"\0" * (_aligned(len(body)) - len(body))
        table = struct.pack("<I", len(names)) + b"".join(
            struct.pack("<II", n, d) for n, d in zip(name_offsets, data_offsets, strict=True)
        )
        padding = b"\0" * (position - table_size - len(name_blob))
        return self.header + table + name_blob + padding + bytes(body)


def _aligned(size: int) -> int:
    return (size + _ALIGN - 1) // _ALIGN * _ALIGN


def symbol_bytes(library: bytes, symbol: str) -> bytes:
    """The bytes of an exported data symbol of a 64-bit little-endian ELF shared library."""
    if library[:6] != b"\x7fELF\x02\x01":
        raise ValueError("not a 64-bit little-endian ELF file")
    (section_offset,) = struct.unpack_from("<Q", library, 0x28)
    entry_size, count = struct.unpack_from("<HH", library, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", library, section_offset + i * entry_size) for i in range(count)]
    for _, kind, _, _, offset, size, link, _, _, _ in sections:
        if kind != 11:  # SHT_DYNSYM
            continue
        names = sections[link][4]
        for position in range(offset, offset + size, 24):
            name, _, _, index, value, length = struct.unpack_from("<IBBHQQ", library, position)
            if library[names + name : library.index(b"\0", names + name)] == symbol.encode("ascii"):
                _, _, _, address, file_offset, *_ = sections[index]
                start = value - address + file_offset
                return library[start : start + length]
    raise ValueError(f"{symbol} not found")


def symbol_of(library: Path) -> str:
    """``icudt73_dat`` for ``libicudata.so.73``."""
    version = library.name.split(".so.")[-1].split(".")[0]
    return f"icudt{version}_dat"


def trim_library(source: Path, target: Path) -> bool:
    """Write a trimmed copy of the ICU data library `source` to `target`; False when no C compiler."""
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        return False
    symbol = symbol_of(source)
    package = Package.read(symbol_bytes(source.read_bytes(), symbol))
    data = package.without(kept).to_bytes()
    soname = source.name
    with tempfile.TemporaryDirectory() as folder:
        blob = Path(folder, "icudata.dat")
        blob.write_bytes(data)
        assembly = Path(folder, "icudata.S")
        assembly.write_text(
            "\t.section .rodata\n"
            f"\t.globl {symbol}\n"
            f"\t.type {symbol}, %object\n"
            "\t.balign 16\n"
            f"{symbol}:\n"
            f'\t.incbin "{blob}"\n'
            f"\t.size {symbol}, . - {symbol}\n"
            '\t.section .note.GNU-stack,"",%progbits\n',
            encoding="ascii",
        )
        target.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [compiler, "-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-o", str(target), str(assembly)],
            check=True,
        )
    return True
