"""File names made from what the clerk typed (the agency name goes into every suggested file name)."""

from __future__ import annotations

import re
import unicodedata

MAX_STEM = 80  # well inside Windows' 255 per name, with room for 「（1）」 and the extension
_FORBIDDEN = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')
_RESERVED = re.compile(r"^(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])(\..*)?$", re.IGNORECASE)
FALLBACK = "政府信息公开工作年度报告"


def safe_stem(text: str) -> str:
    """A name that stays in the chosen folder and is valid on Windows and Linux: no separators, no
    characters Windows refuses, no reserved device names, no leading dots, not too long."""
    text = "".join(c for c in text if unicodedata.category(c) not in ("Cf", "Co", "Cs"))
    stem = _FORBIDDEN.sub("_", text).strip().lstrip(".").rstrip(". ")
    stem = stem[:MAX_STEM].rstrip(". ")
    if not stem.strip("_"):
        return FALLBACK
    if _RESERVED.match(stem):
        stem = f"_{stem}"
    return stem
