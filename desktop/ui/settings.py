"""Every persisted preference, typed, in one place around QSettings."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings

if TYPE_CHECKING:  # the register's modules load with the first register, not at start-up
    from desktop.core.register.mapping import Mapping


MAX_RECENT = 8
ORGANIZATION = "Nianbao"
APPLICATION = "nianbao"


class Settings:
    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store or QSettings(ORGANIZATION, APPLICATION)

    # window

    @property
    def geometry(self) -> QByteArray | None:
        value = self._store.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._store.setValue("window/geometry", value)

    @property
    def problems_height(self) -> int | None:
        """The problems panel's height as the clerk last dragged it; None until then."""
        value = self._store.value("window/problems_height")
        try:
            height = int(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return None
        return height if height >= 0 else None

    @problems_height.setter
    def problems_height(self, value: int) -> None:
        self._store.setValue("window/problems_height", int(value))

    # files

    @property
    def recent_files(self) -> list[str]:
        value = self._store.value("files/recent", [])
        items: list[object] = [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
        return [str(v) for v in items if v]

    def add_recent(self, path: Path) -> None:
        text = str(path)
        files = [text] + [f for f in self.recent_files if f != text]
        self._store.setValue("files/recent", files[:MAX_RECENT])

    def forget_recent(self, path: str) -> None:
        self._store.setValue("files/recent", [f for f in self.recent_files if f != path])

    @property
    def last_folder(self) -> str:
        value = self._store.value("files/last_folder", "")
        folder = str(value or "")
        return folder if folder and Path(folder).is_dir() else str(Path.home())

    @last_folder.setter
    def last_folder(self, folder: str) -> None:
        self._store.setValue("files/last_folder", folder)

    def remember_folder_of(self, path: str | Path) -> None:
        self.last_folder = str(Path(path).parent)

    # fonts chosen for export, by role name

    def font_override(self, role: str) -> str:
        return str(self._store.value(f"fonts/{role}", "") or "")

    def set_font_override(self, role: str, path: str) -> None:
        if path:
            self._store.setValue(f"fonts/{role}", path)
        else:
            self._store.remove(f"fonts/{role}")

    # registers: the confirmed mapping of each sheet layout (its kind and headers)

    def register_mapping(self, layout: str) -> Mapping | None:
        from desktop.core.register.mapping import Mapping

        value = self._store.value(f"registers/{_layout_key(layout)}", "")
        return Mapping.from_json(value) if isinstance(value, str) and value else None

    def remember_register_mapping(self, layout: str, mapping: Mapping) -> None:
        self._store.setValue(f"registers/{_layout_key(layout)}", mapping.to_json())

    def sync(self) -> None:
        self._store.sync()


def _layout_key(layout: str) -> str:
    """Headers may hold any character; a settings key is a short hash of them."""
    return hashlib.sha1(layout.encode("utf-8")).hexdigest()[:16]
