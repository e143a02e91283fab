"""Parsed TrueType faces kept between runs, so that an export does not parse five large CJK fonts again.

reportlab spends about 0.1 s per CJK font reading its cmap, widths and glyph offsets, which never change
while the file does not. The parsed tables are stored per face in the user's cache folder (the install
folder may be read-only), keyed by the file's path, size, modification time and table directory (whose
per-table checksums stand for its content), and by the reportlab version. A missing, stale or damaged
entry is parsed again and rewritten; nothing in the cache can do more than cost that parse.

The font file itself is mapped, not read, when its subsets are embedded, so that an export holds in
memory only the glyphs it uses. The last subsets made of each face are kept with their deflated bytes
while the program runs: printing a report after exporting it, or exporting it again after an edit that
brings no new character, embeds mostly the same subsets; making and deflating them is a third of an export.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import mmap
import os
import zlib
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import TTEncoding, TTFError, TTFNameBytes, TTFont, TTFontFace

from desktop.core.atomic_write import write_atomically
from desktop.io import fonts

log = logging.getLogger(__name__)

FORMAT = 1
# glyphToChar serves only reportlab's shaping, which is off (CachedTTFont), and is the slowest to load.
_NOT_STORED = frozenset({"_ttf_data", "_pos", "_pdfScale", "filename", "glyphToChar", "hmetrics"})
_MAX_DIRECTORY_TABLES = 256
KEPT_SUBSETS = 16  # per face, a few MB at most; a report embeds one to eight subsets of a face


class Program:
    """A subset's font program, and the same deflated once a PDF has asked for it."""

    __slots__ = ("raw", "deflated")

    def __init__(self, raw: bytes) -> None:
        self.raw = raw
        self.deflated: bytes | None = None


class CachedFace(TTFontFace):
    """A reportlab face built from stored tables instead of by parsing the file."""

    def __init__(self, path: str, index: int, stamp: tuple[Any, ...], fields: dict[str, Any]) -> None:
        self.__dict__.update(fields)  # instead of parsing
        self.filename = path
        self.index = index
        self.stamp = stamp
        self._pdfScale = _scale(self.unitsPerEm)
        self.programs: OrderedDict[tuple[int, ...], Program] = OrderedDict()  # by the subset's characters

    def makeSubset(self, subset: list[int]) -> bytes:
        key = tuple(subset)
        kept = self.programs.get(key)
        if kept is None:
            kept = self.programs[key] = Program(super().makeSubset(subset))
            if len(self.programs) > KEPT_SUBSETS:
                self.programs.popitem(last=False)
        else:
            self.programs.move_to_end(key)
        return kept.raw

    def addSubsetObjects(self, doc: Any, fontname: str, subset: list[int]) -> Any:
        """reportlab's, with the program's deflated bytes made once: the stream is given them with its
        Filter entry, which reportlab then writes as it would have after deflating them itself."""
        descriptor = super().addSubsetObjects(doc, fontname, subset)
        stream = doc.idToObject.get(f"fontFile:{self.filename}({fontname})")  # as reportlab names it
        kept = self.programs.get(tuple(subset))
        if (kept is not None and stream is not None and stream.filters == [pdfdoc.PDFZCompress]
                and kept.raw is stream.content):
            if kept.deflated is None:
                kept.deflated = zlib.compress(kept.raw)
            stream.content = kept.deflated
            stream.dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName(pdfdoc.PDFZCompress.pdfname)])
        return descriptor

    def map_file(self) -> None:
        """Map the font file for making subsets: only the pages of the glyphs used are ever read, where
        reportlab would hold the whole file in memory and copy its glyph table for every subset."""
        if file_stamp(self.filename, self.index) != self.stamp:
            raise TTFError(f"字体文件在导出过程中被修改：{self.filename}")
        if getattr(self, "_ttf_data", None) is None:
            with open(self.filename, "rb") as handle:
                self._ttf_data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)

    def get_table(self, tag: str) -> Any:
        if tag == "glyf":
            return _Slices(self._ttf_data, self.get_table_pos(tag)[0])
        return super().get_table(tag)


class _Slices:
    """The glyph table as makeSubset uses it, by slices only, without copying the table."""

    def __init__(self, data: mmap.mmap, offset: int) -> None:
        self.data = data
        self.offset = offset

    def __getitem__(self, part: slice) -> bytes:
        return self.data[self.offset + part.start : self.offset + part.stop]


class CachedTTFont(TTFont):
    """reportlab's TTFont around a CachedFace. TTFont's own __init__ parses the file, so its few
    assignments are repeated here (tests/io/test_font_cache.py compares the two)."""

    def __init__(self, name: str, face: CachedFace) -> None:
        self.fontName = name
        self.face = face
        self.encoding = TTEncoding()
        self.state: WeakKeyDictionary[Any, Any] = WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        self.shapable = False  # shaping would need the whole file; Chinese text needs none

    def addObjects(self, doc: Any) -> None:
        self.face.map_file()
        super().addObjects(doc)


def load_font(name: str, path: str | Path, index: int = 0, cache_dir: Path | None = None) -> CachedTTFont:
    """A TTFont for reportlab from the cache, or parsed (and then stored) when the cache has no valid entry.

    TTFError and OSError propagate as from ``TTFont(name, path)``."""
    path = os.path.realpath(path)
    folder = fonts.cache_dir() if cache_dir is None else cache_dir
    stamp = file_stamp(path, index)
    # One entry per face: a font file that changes replaces its entry rather than adding another.
    entry = folder / f"{hashlib.sha256(repr((FORMAT, path, index)).encode()).hexdigest()[:32]}.face"
    fields = _read_entry(entry, stamp)
    if fields is None:
        stored = _parse(path, index)
        _write_entry(entry, stamp, stored)
        fields = _restore(stored)
    return CachedTTFont(name, CachedFace(path, index, stamp, fields))


def file_stamp(path: str, index: int) -> tuple[Any, ...]:
    """What identifies a font file's content without reading all of it."""
    stat = os.stat(path)
    with open(path, "rb") as handle:
        head = handle.read(12)
        count = int.from_bytes(head[4:6], "big") if head[:4] != b"ttcf" else int.from_bytes(head[8:12], "big")
        directory = head + handle.read(16 * min(count, _MAX_DIRECTORY_TABLES))
    digest = hashlib.sha256(directory).hexdigest()
    return (FORMAT, path, index, stat.st_size, stat.st_mtime_ns, digest, reportlab.Version)


class HorizontalMetrics:
    """reportlab's ``hmetrics`` list of (advance, bearing) pairs, kept as two lists of numbers, which load
    several times faster than a list of tuples."""

    def __init__(self, advances: list[int], bearings: list[int]) -> None:
        if len(advances) != len(bearings):
            raise ValueError("advances and bearings differ in length")
        self.advances = advances
        self.bearings = bearings

    def __getitem__(self, glyph: int) -> tuple[int, int]:
        return self.advances[glyph], self.bearings[glyph]

    def __len__(self) -> int:
        return len(self.advances)


def _parse(path: str, index: int) -> dict[str, Any]:
    face = TTFontFace(path, subfontIndex=index)
    stored = {
        key: (value.ustr if isinstance(value, TTFNameBytes) else value, isinstance(value, TTFNameBytes))
        for key, value in vars(face).items() if key not in _NOT_STORED
    }
    stored["hmetrics"] = ([aw for aw, _ in face.hmetrics], [lsb for _, lsb in face.hmetrics]), False
    return stored


def _restore(stored: dict[str, Any]) -> dict[str, Any]:
    fields = {key: TTFNameBytes(value.encode()) if is_name else value for key, (value, is_name) in stored.items()}
    fields["hmetrics"] = HorizontalMetrics(*fields["hmetrics"])
    fields["glyphToChar"] = {}
    return fields


def _read_entry(entry: Path, stamp: tuple[Any, ...]) -> dict[str, Any] | None:
    try:
        stored_stamp, stored = marshal.loads(entry.read_bytes())
        if stored_stamp != stamp:
            return None
        fields = _restore(stored)
        _check(fields)
        return fields
    except FileNotFoundError:
        return None
    except (OSError, EOFError, ValueError, TypeError, KeyError, AttributeError) as error:
        log.info("font cache entry %s is unusable (%s); parsing the font instead", entry, error)
        return None


def _check(fields: dict[str, Any]) -> None:
    """A damaged entry that still unmarshals must not reach reportlab half-formed."""
    for key, kind in _SHAPES.items():
        if not isinstance(fields[key], kind):
            raise TypeError(f"{key} is {type(fields[key]).__name__}")
    if len(fields["glyphPos"]) != fields["numGlyphs"] + 1 or len(fields["hmetrics"]) != fields["numGlyphs"]:
        raise ValueError("glyph tables disagree with numGlyphs")


_SHAPES: dict[str, type | tuple[type, ...]] = {
    "name": bytes, "unitsPerEm": int, "numGlyphs": int, "charToGlyph": dict, "charWidths": dict,
    "hmetrics": HorizontalMetrics, "glyphPos": list, "table": dict, "bbox": list,
    "ascent": (int, float), "descent": (int, float), "flags": int, "subfontNameX": bytes,
}


def _write_entry(entry: Path, stamp: tuple[Any, ...], fields: dict[str, Any]) -> None:
    """Best effort: a cache folder that cannot be written only means parsing again next time."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(entry, marshal.dumps((stamp, fields)))
    except (OSError, ValueError) as error:
        log.info("cannot store the parsed font in %s: %s", entry, error)


def _scale(units_per_em: int) -> Callable[[float], float]:
    """As reportlab's extractInfo sets it."""
    if units_per_em == 1000:
        return lambda x: x
    factor = 1000 / units_per_em
    return lambda x: x * factor
