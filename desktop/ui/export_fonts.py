"""The fonts an export uses: the clerk's choices from the settings, then the PC's, then the bundled ones."""

from __future__ import annotations

from pathlib import Path

from desktop.io.fonts import FontFace, FontRole, resolve_fonts
from desktop.ui.settings import Settings


def overrides(settings: Settings) -> dict[FontRole, Path]:
    chosen = {}
    for role in FontRole:
        path = settings.font_override(role.value)
        if path:
            chosen[role] = Path(path)
    return chosen


def export_fonts(settings: Settings) -> dict[FontRole, FontFace]:
    return resolve_fonts(overrides(settings))
