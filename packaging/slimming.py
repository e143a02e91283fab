"""How nianbao.spec leaves out what the app does not use; the spec itself says what that is.

PyInstaller's Qt hooks collect every plugin with the libraries it links to. Removing a plugin from the
list is not enough: the GTK, Kerberos or Wayland libraries that only it needed would stay. So after the
rules are applied, libraries that were collected only as dependencies, and that nothing kept still
links to, are removed too.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

Entry = tuple[str, str, str]  # PyInstaller TOC entry: (destination, source, type)


def plugin_name(dest: str) -> tuple[str, str]:
    """('platforms', 'xcb') for PySide6/Qt/plugins/platforms/libqxcb.so or PySide6/plugins/platforms/qxcb.dll."""
    kind, name = Path(dest).parts[-2:]
    return kind, re.sub(r"^(lib)?q?", "", name.split(".")[0])


def is_qt_plugin(dest: str) -> bool:
    parts = Path(dest).parts
    return parts[0] == "PySide6" and "plugins" in parts[:-2]


def prune_unused_libraries(before: list[Entry], after: list[Entry]) -> list[Entry]:
    """Drop from `after` the libraries that were dependencies of `before` but are needed by nothing left.

    Linux only: elsewhere `after` is returned as it is.
    """
    if not sys.platform.startswith("linux"):
        return after
    links = {dest: _linked_names(source) for dest, source, kind in before if kind in ("BINARY", "EXTENSION")}
    dependencies = set().union(*links.values())
    roots = [dest for dest, _, _ in after if Path(dest).name not in dependencies]
    needed = set().union(*(links.get(dest, set()) for dest in roots))
    return [entry for entry in after if Path(entry[0]).name not in dependencies or Path(entry[0]).name in needed]


def drop_dangling_symlinks(datas: list[Entry], binaries: Iterable[Entry]) -> list[Entry]:
    """PyInstaller links top-level names to libraries inside packages; keep links whose library stays."""
    kept = {dest for dest, _, _ in binaries}
    return [entry for entry in datas if entry[2] != "SYMLINK" or entry[1] in kept]


def select(entries: list[Entry], kept: Callable[[str], bool]) -> list[Entry]:
    return [entry for entry in entries if kept(entry[0])]


def _linked_names(source: str) -> set[str]:
    """The shared libraries a binary loads, directly or through others (ldd follows the whole chain)."""
    from PyInstaller.depend.bindepend import get_imports

    return {Path(name).name for name, _ in get_imports(source)}
