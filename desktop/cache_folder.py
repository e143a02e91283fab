"""Where the program keeps what it derives from its own files and can always derive again: parsed fonts,
the index of the PC's fonts, compiled patterns. The user's cache folder, since the install folder may be
read-only."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def cache_root() -> Path:
    """``%LOCALAPPDATA%\\nianbao\\cache`` on Windows, ``$XDG_CACHE_HOME/nianbao`` (``~/.cache/nianbao``)
    elsewhere."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "nianbao" / "cache"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "nianbao"
