"""The fonts an export uses: the clerk's choices from the settings, then the PC's, then the bundled ones."""

from __future__ import annotations

from pathlib import Path

from desktop.io.fonts import FontFace, FontRole, resolve_fonts
from desktop.ui.settings import Settings

# What a clerk calls the bundled fonts, by file. Their family names (「Nianbao Kai」) are internal; the
# renamed WenKai subset may not carry the reserved name 霞鹜 as its own, so it is named by its origin.
BUNDLED_NAMES = {
    "FandolFang-Regular.ttf": "Fandol仿宋",
    "NianbaoKai-Regular.ttf": "年报楷体（源自霞鹜文楷）",
    "NotoSansSC-Regular.ttf": "思源黑体",
    "NotoSerifSC-Regular.ttf": "思源宋体",
    "NotoSerifSC-Bold.ttf": "思源宋体 粗体",
}
SOURCE_NAMES = {"system": "本机字体", "bundled": "内置字体", "user": "自选字体",
                "stand-in": "本机没有该字体，暂用内置字体代替"}


def overrides(settings: Settings) -> dict[FontRole, Path]:
    chosen = {}
    for role in FontRole:
        path = settings.font_override(role.value)
        if path:
            chosen[role] = Path(path)
    return chosen


def export_fonts(settings: Settings) -> dict[FontRole, FontFace]:
    return resolve_fonts(overrides(settings))


def font_name(face: FontFace) -> str:
    """「Fandol仿宋」 for a bundled font; a PC's font by its own family name (仿宋_GB2312)."""
    bundled = face.source in ("bundled", "stand-in")
    return BUNDLED_NAMES.get(face.path.name, face.family) if bundled else face.family


def font_description(face: FontFace) -> str:
    return f"{font_name(face)} — {SOURCE_NAMES.get(face.source, face.source)}"
