"""Where shipped files live, in a source checkout and in a frozen (PyInstaller) bundle alike."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def sample_report() -> Path:
    return resources_dir() / "samples" / "erkou-2023.nianbao"
