"""Finds the fonts the exported report is set in, without Qt.

Office PCs usually have the fonts agencies expect (仿宋_GB2312, 黑体, 楷体, 方正小标宋简体, 宋体), so a
font found on the system wins over the bundled free substitute. Matching uses the family names
inside the font, because file names on office PCs are unreliable. reportlab embeds only TrueType
(glyf) outlines and must be allowed to embed, so anything else is skipped.
"""

from __future__ import annotations

import dataclasses
import logging
import marshal
import os
import struct
import sys
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO, Literal

from desktop.cache_folder import cache_root
from desktop.core.atomic_write import write_atomically
from desktop.resources import resource, resources_dir

log = logging.getLogger(__name__)

# "stand-in": the bundled fallback, set for a role whose own substitute this build leaves out (see
# SYSTEM_ROLES) on a PC that lacks the system font after all.
FontSource = Literal["system", "bundled", "user", "stand-in"]


class FontRole(Enum):
    FANGSONG = "fangsong"
    HEITI = "heiti"
    KAITI = "kaiti"
    XIAOBIAOSONG = "xiaobiaosong"
    SONGTI = "songti"
    FALLBACK = "fallback"

    @property
    def display_name(self) -> str:
        return _DISPLAY_NAMES[self]


_DISPLAY_NAMES = {
    FontRole.FANGSONG: "仿宋",
    FontRole.HEITI: "黑体",
    FontRole.KAITI: "楷体",
    FontRole.XIAOBIAOSONG: "小标宋",
    FontRole.SONGTI: "宋体",
    FontRole.FALLBACK: "后备字体",
}

# In order of preference; the fallback has no system preference since it must cover rare characters.
PREFERRED_FAMILIES: dict[FontRole, tuple[str, ...]] = {
    FontRole.FANGSONG: ("仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "方正仿宋_GBK"),
    FontRole.HEITI: ("黑体", "SimHei"),
    FontRole.KAITI: ("楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi"),
    FontRole.XIAOBIAOSONG: ("方正小标宋简体", "方正小标宋_GBK"),
    FontRole.SONGTI: ("宋体", "SimSun"),
    FontRole.FALLBACK: (),
}

BUNDLED_FILES: dict[FontRole, tuple[str, str]] = {
    FontRole.FANGSONG: ("FandolFang-Regular.ttf", "FandolFang"),
    FontRole.HEITI: ("NotoSansSC-Regular.ttf", "Noto Sans SC"),
    FontRole.KAITI: ("NianbaoKai-Regular.ttf", "Nianbao Kai"),
    FontRole.XIAOBIAOSONG: ("NotoSerifSC-Bold.ttf", "Noto Serif SC"),
    FontRole.SONGTI: ("NotoSerifSC-Regular.ttf", "Noto Serif SC"),
    FontRole.FALLBACK: ("NotoSerifSC-Regular.ttf", "Noto Serif SC"),
}

# The bundled 黑体 is also the application's UI font: a bare Linux desktop has no CJK font at all.
UI_FONT_ROLE = FontRole.HEITI

# Roles every Chinese Windows 10 and 11 has a font for: 仿宋 (simfang.ttf), 黑体 (simhei.ttf) and 楷体
# (simkai.ttf). The export prefers them over a substitute anyway, so the Windows build leaves those
# substitutes out (about 9 MB of the installer), and its window uses the system's UI font.
SYSTEM_ROLES: dict[str, frozenset[FontRole]] = {
    "win32": frozenset({FontRole.FANGSONG, FontRole.HEITI, FontRole.KAITI}),
}

FONT_SUFFIXES = frozenset({".ttf", ".ttc", ".otf", ".otc"})
_FAMILY_NAME_IDS = (1, 4, 16)
_TRUETYPE_TAGS = (b"\x00\x01\x00\x00", b"true")


@dataclass(frozen=True)
class FontFace:
    path: Path
    index: int
    family: str
    source: FontSource


class UnsupportedFontError(ValueError):
    """Raised for a font file reportlab could not embed, with the reason in plain Chinese."""


@dataclass(frozen=True)
class _FaceInfo:
    index: int
    names: frozenset[str]
    display_family: str
    weight: int
    italic: bool
    problem: str | None


def bundled_fonts_dir() -> Path:
    """The shipped fonts, in a source checkout, an installed copy or a PyInstaller bundle."""
    return resources_dir() / "fonts"


def ships_substitute(role: FontRole, platform: str = sys.platform) -> bool:
    """Whether the build for the platform has the role's own bundled font."""
    return role not in SYSTEM_ROLES.get(platform, frozenset())


def files_left_out(platform: str) -> frozenset[str]:
    """The font files in resources/fonts that the build for the platform does not ship."""
    kept = {BUNDLED_FILES[role][0] for role in FontRole if ships_substitute(role, platform)}
    return frozenset(BUNDLED_FILES[role][0] for role in FontRole) - kept


def bundled_font(role: FontRole, platform: str = sys.platform) -> FontFace:
    """A shipped font, or the fallback standing in where the build leaves the role's own out;
    MissingResource names the file when the installation lacks it."""
    if not ships_substitute(role, platform):
        file_name, family = BUNDLED_FILES[FontRole.FALLBACK]
        return FontFace(resource("fonts", file_name), 0, family, "stand-in")
    file_name, family = BUNDLED_FILES[role]
    return FontFace(resource("fonts", file_name), 0, family, "bundled")


def cache_dir() -> Path:
    """The cache folder for what the PDF export derives from fonts: the index of the PC's fonts here, the
    parsed faces in desktop/io/pdf/facecache.py."""
    return cache_root() / "fonts"


def default_search_dirs() -> list[Path]:
    if sys.platform == "win32":
        dirs = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
        return dirs
    home = Path.home()
    return [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        home / ".local" / "share" / "fonts",
        home / ".fonts",
    ]


def load_font(path: Path, index: int = 0, source: FontSource = "user") -> FontFace:
    """Check a font file chosen by the user, so a bad choice is refused with a reason."""
    path = Path(path)
    try:
        stat = path.stat()
        faces = _read_faces(str(path), stat.st_mtime_ns, stat.st_size)
    except OSError as exc:
        raise UnsupportedFontError(f"无法读取字体文件：{path}") from exc
    if not faces:
        raise UnsupportedFontError(f"不是可识别的字体文件：{path.name}")
    face = next((f for f in faces if f.index == index), None)
    if face is None:
        raise UnsupportedFontError(f"字体集合 {path.name} 中没有第 {index} 个字体")
    if face.problem:
        raise UnsupportedFontError(f"{path.name}：{face.problem}")
    return FontFace(path, index, face.display_family, source)


def scan_fonts(search_dirs: Iterable[Path] | None = None) -> list[FontFace]:
    """All embeddable TrueType faces in the folders, cached per process."""
    dirs = tuple(Path(d) for d in (default_search_dirs() if search_dirs is None else search_dirs))
    return [FontFace(path, info.index, info.display_family, "system") for path, info in _scan(dirs)]


def find_system_font(role: FontRole, search_dirs: Iterable[Path] | None = None) -> FontFace | None:
    preferred = [_normalise(name) for name in PREFERRED_FAMILIES[role]]
    if not preferred:
        return None
    dirs = tuple(Path(d) for d in (default_search_dirs() if search_dirs is None else search_dirs))
    best: tuple[tuple[int, int, bool, str, int], FontFace] | None = None
    for path, info in _scan(dirs):
        ranks = [i for i, name in enumerate(preferred) if name in info.names]
        if not ranks:
            continue
        key = (min(ranks), abs(info.weight - 400), info.italic, str(path), info.index)
        if best is None or key < best[0]:
            best = (key, FontFace(path, info.index, info.display_family, "system"))
    return best[1] if best else None


def resolve_fonts(
    overrides: Mapping[FontRole, Path] | None = None,
    search_dirs: Iterable[Path] | None = None,
    platform: str = sys.platform,
) -> dict[FontRole, FontFace]:
    """Pick a face for every role: the user's choice, else a system font, else the bundled one (or the
    fallback standing in for it)."""
    dirs = None if search_dirs is None else tuple(search_dirs)
    resolved: dict[FontRole, FontFace] = {}
    for role in FontRole:
        face = None
        override = (overrides or {}).get(role)
        if override is not None:
            try:
                face = load_font(Path(override), source="user")
            except UnsupportedFontError as exc:
                log.warning("ignoring font chosen for %s: %s", role.display_name, exc)
        resolved[role] = face or find_system_font(role, dirs) or bundled_font(role, platform)
    return resolved


def stood_in(faces: Mapping[FontRole, FontFace]) -> list[FontRole]:
    """The roles set in the fallback because this PC lacks their font, for telling the clerk."""
    return [role for role, face in faces.items() if face.source == "stand-in"]


def stand_in_notice(roles: Iterable[FontRole]) -> str:
    """「本机没有仿宋、楷体字体，……」: what the PDF is set in instead, for a sentence the caller ends."""
    names = "、".join(role.display_name for role in roles)
    return f"本机没有{names}字体，导出的PDF中这些文字暂用内置的思源宋体"


def covers(face: FontFace, text: str) -> set[str]:
    """The characters of text that the face has no glyph for, to be set in the fallback font."""
    cmap = _cmap(str(face.path), face.index)
    return {ch for ch in set(text) if ord(ch) not in cmap and not _needs_no_glyph(ch)}


def clear_font_cache() -> None:
    _scan.cache_clear()
    _read_faces.cache_clear()
    _cmap.cache_clear()


def _needs_no_glyph(ch: str) -> bool:
    return unicodedata.category(ch) in ("Cc", "Cf")


def _normalise(name: str) -> str:
    return unicodedata.normalize("NFKC", name).casefold().replace(" ", "")


@lru_cache(maxsize=16)
def _scan(dirs: tuple[Path, ...]) -> tuple[tuple[Path, _FaceInfo], ...]:
    """The PC's own folders are indexed between runs (a Windows PC has hundreds of fonts, each opened
    to read its names); a file is read again only when its size or time has changed."""
    index = _FaceIndex(cache_dir() / "system-fonts.index") if dirs == tuple(default_search_dirs()) else None
    found: list[tuple[Path, _FaceInfo]] = []
    seen: set[str] = set()
    for path in _font_files(dirs):
        try:
            real = os.path.realpath(path)
            if real in seen:
                continue
            seen.add(real)
            stat = os.stat(real)
            faces = index.faces(real, stat) if index else _read_faces(real, stat.st_mtime_ns, stat.st_size)
        except OSError:
            continue
        found.extend((Path(path), info) for info in faces if info.problem is None)
    if index:
        index.save(seen)
    return tuple(found)


class _FaceIndex:
    """What _read_faces found in each font file, by path, with the size and time it was read at. A
    damaged or unreadable index is rebuilt; one that cannot be written only costs reading the fonts."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.changed = False
        self.entries: dict[str, tuple[int, int, tuple[_FaceInfo, ...]]] = {}
        try:
            stored = marshal.loads(path.read_bytes())
            for font, (mtime_ns, size, faces) in stored.items():
                self.entries[font] = (mtime_ns, size, tuple(_FaceInfo(*face) for face in faces))
        except FileNotFoundError:
            pass
        except (OSError, EOFError, ValueError, TypeError, AttributeError) as error:
            log.info("font index %s is unusable (%s); reading the fonts again", path, error)
            self.entries.clear()
            self.changed = True

    def faces(self, real: str, stat: os.stat_result) -> tuple[_FaceInfo, ...]:
        entry = self.entries.get(real)
        if entry is not None and entry[:2] == (stat.st_mtime_ns, stat.st_size):
            return entry[2]
        faces = _read_faces(real, stat.st_mtime_ns, stat.st_size)
        self.entries[real] = (stat.st_mtime_ns, stat.st_size, faces)
        self.changed = True
        return faces

    def save(self, seen: set[str]) -> None:
        gone = self.entries.keys() - seen
        if not (self.changed or gone):
            return
        stored = {font: (mtime_ns, size, [dataclasses.astuple(face) for face in faces])
                  for font, (mtime_ns, size, faces) in self.entries.items() if font in seen}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(self.path, marshal.dumps(stored))
        except (OSError, ValueError) as error:
            log.info("cannot store the font index in %s: %s", self.path, error)


def _font_files(dirs: tuple[Path, ...]) -> Iterable[str]:
    visited: set[str] = set()
    for root in dirs:
        for folder, subdirs, files in os.walk(root, followlinks=True):
            real = os.path.realpath(folder)
            if real in visited:
                subdirs.clear()
                continue
            visited.add(real)
            subdirs.sort()
            for name in sorted(files):
                if os.path.splitext(name)[1].lower() in FONT_SUFFIXES:
                    yield os.path.join(folder, name)


@lru_cache(maxsize=4096)
def _read_faces(path: str, mtime_ns: int, size: int) -> tuple[_FaceInfo, ...]:
    """Read only the table directory, name and OS/2 of each face; the stat values key the cache."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(12)
            if head[:4] == b"ttcf":
                count = struct.unpack(">I", head[8:12])[0]
                offsets = struct.unpack(f">{count}I", fh.read(4 * count))
            elif len(head) == 12:
                offsets = (0,)
            else:
                return ()
            return tuple(info for i, offset in enumerate(offsets) if (info := _read_face(fh, i, offset)) is not None)
    except (OSError, struct.error, ValueError):
        return ()


def _read_face(fh: BinaryIO, index: int, offset: int) -> _FaceInfo | None:
    fh.seek(offset)
    tag, num_tables = struct.unpack(">4sH", fh.read(6))
    if tag not in _TRUETYPE_TAGS and tag != b"OTTO":
        return None
    fh.seek(offset + 12)
    directory = fh.read(16 * num_tables)
    tables = {
        directory[i : i + 4]: struct.unpack(">II", directory[i + 8 : i + 16]) for i in range(0, len(directory) - 15, 16)
    }
    names = _read_names(fh, tables[b"name"]) if b"name" in tables else []
    weight, italic, fs_type = 400, False, 0
    if b"OS/2" in tables:
        fh.seek(tables[b"OS/2"][0])
        os2 = fh.read(64)
        weight, _, fs_type = struct.unpack(">HHH", os2[4:10])
        italic = len(os2) >= 64 and bool(struct.unpack(">H", os2[62:64])[0] & 1)
    problem = None
    if tag == b"OTTO" or b"glyf" not in tables or b"loca" not in tables:
        problem = "字形为 PostScript（CFF）轮廓，PDF 导出只能嵌入 TrueType 轮廓的字体"
    elif not _embedding_allowed(fs_type):
        problem = "字体授权不允许嵌入 PDF"
    family_names = frozenset(_normalise(text) for _, _, text in names)
    return _FaceInfo(index, family_names, _display_family(names), weight, italic, problem)


def _embedding_allowed(fs_type: int) -> bool:
    """Restricted (bit 1) only counts when no less restrictive bit is set, as OpenType specifies.

    No-subsetting and bitmap-only fonts are refused too, because reportlab cannot embed them.
    """
    usage = fs_type & 0x000F
    restricted = usage & 0x0002 and not usage & 0x000C
    return not restricted and not fs_type & 0x0300


def _read_names(fh: BinaryIO, location: tuple[int, int]) -> list[tuple[int, str, str]]:
    """Family names (IDs 1, 4, 16) of every platform and language, as (name ID, language, text)."""
    offset, length = location
    fh.seek(offset)
    data = fh.read(length)
    _, count, storage = struct.unpack(">HHH", data[:6])
    names = []
    for i in range(count):
        platform, encoding, lang, name_id, size, start = struct.unpack(">6H", data[6 + 12 * i : 18 + 12 * i])
        if name_id not in _FAMILY_NAME_IDS:
            continue
        text = _decode_name(platform, encoding, data[storage + start : storage + start + size])
        if text and text.strip("\x00 "):
            names.append((name_id, _language(platform, lang), text.strip("\x00 ")))
    return names


def _decode_name(platform: int, encoding: int, raw: bytes) -> str | None:
    if platform == 0 or (platform == 3 and encoding in (0, 1, 10)):
        return raw.decode("utf-16-be", "replace")
    if platform == 3 and encoding == 3:
        return raw.replace(b"\x00", b"").decode("gbk", "replace")
    if platform == 1 and encoding == 0:
        return raw.decode("mac_roman", "replace")
    if platform == 1 and encoding == 25:
        return raw.decode("gbk", "replace")
    return None


def _language(platform: int, lang: int) -> str:
    if (platform, lang) in ((3, 0x804), (1, 33)):
        return "zh"
    if (platform, lang) in ((3, 0x409), (1, 0)):
        return "en"
    return f"{platform}:{lang:#x}"


def _display_family(names: list[tuple[int, str, str]]) -> str:
    """The Chinese family name if the font has one, since that is what users know it by."""
    by_key: dict[tuple[int, str], str] = {}
    for name_id, lang, text in names:
        by_key.setdefault((name_id, lang), text)
    for key in ((16, "zh"), (1, "zh"), (16, "en"), (1, "en")):
        if key in by_key:
            return by_key[key]
    return next((text for name_id, _, text in names if name_id in (16, 1)), "")


@lru_cache(maxsize=32)
def _cmap(path: str, index: int) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(path, fontNumber=index, lazy=True) as font:
        return frozenset(font.getBestCmap() or ())
