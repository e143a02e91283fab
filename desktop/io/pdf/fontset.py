"""The report's fonts, registered with reportlab, and the choice of font for every character.

reportlab draws a character missing from a font as an empty box, so each character is checked against
the font of its role and, when missing, set in the full-coverage fallback font. A character that even
the fallback lacks (an emoji, say) is looked up once among the PC's fonts.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Mapping
from itertools import groupby, repeat
from operator import itemgetter
from pathlib import Path

from reportlab.pdfbase import pdfmetrics, ttfonts

from desktop.core.report import Report
from desktop.io.fonts import FontFace, FontRole, bundled_font, covers, resolve_fonts, scan_fonts
from desktop.io.pdf import facecache

log = logging.getLogger(__name__)

# (path, subfont index, modification time) → the name the face is registered under.
_REGISTERED: dict[tuple[str, int, int], str] = {}
# A character no role font has → the registered name of a PC font that has it, or None.
_FOUND_ELSEWHERE: dict[str, str | None] = {}
_FONT_SETS: dict[tuple[tuple[FontRole, FontFace], ...], FontSet] = {}


_PLAIN_STYLE_WORDS = ("bold", "italic", "oblique", "light", "thin", "black", "heavy", "medium", "semibold")


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode map, with characters above U+FFFF written as UTF-16 as PDF requires
    (reportlab writes five hex digits, and a copied emoji comes out as garbage)."""
    cmap = _reportlab_to_unicode_cmap(fontname, [min(code, 0xFFFF) for code in subset])
    for i, code in enumerate(subset):
        if code > 0xFFFF:
            cmap = cmap.replace(f"<{i:02X}> <FFFF>", f"<{i:02X}> <{chr(code).encode('utf-16-be').hex().upper()}>", 1)
    return cmap


_reportlab_to_unicode_cmap = ttfonts.makeToUnicodeCMap
ttfonts.makeToUnicodeCMap = _to_unicode_cmap


def register(face: FontFace) -> str:
    """Register a face once per process. Parsing a large CJK font takes about 0.1 s, so the parsed face
    comes from the font cache (facecache.py) when the file is unchanged since it was stored."""
    path = Path(face.path)
    key = (str(path.resolve()), face.index, path.stat().st_mtime_ns)
    name = _REGISTERED.get(key)
    if name is None:
        name = f"Nianbao-{len(_REGISTERED) + 1}"
        pdfmetrics.registerFont(facecache.load_font(name, path, face.index))
        _REGISTERED[key] = name
    return name


def font_set(faces: Mapping[FontRole, FontFace] | None = None) -> FontSet:
    """The fonts for an export, by default those found on this PC; reused while the faces are the same."""
    faces = dict(faces) if faces is not None else resolve_fonts()
    missing = [role.value for role in FontRole if role not in faces]
    if missing:
        raise ValueError(f"no font for: {', '.join(missing)}")
    key = tuple(sorted(faces.items(), key=lambda item: item[0].value))
    if key not in _FONT_SETS:
        _FONT_SETS[key] = FontSet(faces)
    return _FONT_SETS[key]


class FontSet:
    """Registered names by role, and the split of text into runs that each font can print."""

    def __init__(self, faces: Mapping[FontRole, FontFace]) -> None:
        self.faces = dict(faces)
        self.names = {role: self._register(role, face) for role, face in self.faces.items()}
        self._glyphs = {role: _char_map(name) for role, name in self.names.items()}
        self._choice: dict[tuple[FontRole, str], str] = {}

    def name(self, role: FontRole) -> str:
        return self.names[role]

    def _register(self, role: FontRole, face: FontFace) -> str:
        """A PC font reportlab cannot read gives way to the bundled one rather than stop the export."""
        try:
            return register(face)
        except Exception as error:
            if face.source in ("bundled", "stand-in"):
                raise
            log.warning("cannot use %s for %s (%s); using the bundled font", face.path, role.display_name, error)
            self.faces[role] = bundled_font(role)
            return register(self.faces[role])

    def font_for(self, role: FontRole, char: str) -> str:
        key = (role, char)
        choice = self._choice.get(key)
        if choice is None:
            choice = self._choose(role, char)
            self._choice[key] = choice
        return choice

    def runs(self, role: FontRole, text: str) -> list[tuple[str, str]]:
        """Text as (font name, text) runs, so that every character is set in a font that has it."""
        lacking = {
            c for c in set(text)
            if (role, c) not in self._choice and not self._has(role, c) and not self._has(FontRole.FALLBACK, c)
        }
        if lacking:
            _search_elsewhere(lacking)
        fonts = list(map(self.font_for, repeat(role), text))
        runs = groupby(zip(text, fonts, strict=True), itemgetter(1))
        return [(font, "".join(map(itemgetter(0), run))) for font, run in runs]  # joined once: a long run is linear

    def _has(self, role: FontRole, char: str) -> bool:
        return ord(char) in self._glyphs[role] or char.isspace()

    def _choose(self, role: FontRole, char: str) -> str:
        if self._has(role, char):
            return self.names[role]
        if self._has(FontRole.FALLBACK, char):
            return self.names[FontRole.FALLBACK]
        _search_elsewhere({char})
        return _FOUND_ELSEWHERE[char] or self.names[role]


def _char_map(name: str) -> Mapping[int, int]:
    font = pdfmetrics.getFont(name)
    return font.face.charToGlyph  # type: ignore[attr-defined, no-any-return]


def _search_elsewhere(chars: set[str]) -> None:
    """Find PC fonts for characters the report's fonts lack, in one pass over the PC's fonts."""
    wanted = {
        c for c in chars
        if c not in _FOUND_ELSEWHERE and unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Co", "Cn")
    }
    _FOUND_ELSEWHERE.update(dict.fromkeys(chars - wanted - _FOUND_ELSEWHERE.keys()))
    if not wanted:
        return
    faces = sorted(scan_fonts(), key=lambda f: any(w in f.path.stem.lower() for w in _PLAIN_STYLE_WORDS))
    for face in faces:
        try:
            lacking = covers(face, "".join(wanted))
            if len(lacking) == len(wanted):
                continue
            name = register(face)
        except Exception as error:  # a damaged font on the PC must not stop the export
            log.debug("skipping %s: %s", face.path, error)
            continue
        _FOUND_ELSEWHERE.update(dict.fromkeys(wanted - lacking, name))
        wanted &= lacking
        if not wanted:
            return
    for char in wanted:
        log.info("no font has U+%04X; it prints as an empty box", ord(char))  # callers tell the clerk in Chinese
        _FOUND_ELSEWHERE[char] = None


def unprintable(fonts: FontSet, report: Report) -> list[str]:
    """Characters of the report's text that no font of the export and none on the PC can draw: the PDF
    would show them as empty boxes, so the clerk is told before exporting. Invisible ones are not counted."""
    text = "".join([report.meta.agency, *report.text.values()])
    candidates = {c for c in set(text)
                  if unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Co", "Cn") and not c.isspace()
                  and not any(fonts._has(role, c) for role in fonts.names)}
    _search_elsewhere(candidates)
    return sorted(c for c in candidates if _FOUND_ELSEWHERE.get(c) is None)
