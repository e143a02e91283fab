"""Every program file of the Windows bundle loads on the oldest Windows the build supports.

Reads the import tables of each .exe, .dll and .pyd in ``dist/nianbao`` (made by
packaging/windows/build_wine.py) and checks them against packaging/windows/oldest-windows.txt: a DLL
must be in the bundle or in that Windows, and a function known to be newer than it must not be
imported. Skips without a Windows bundle unless $NIANBAO_WINDOWS_DIST says one is expected.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.fixtures.reports import REPO

sys.path.insert(0, str(REPO / "packaging" / "windows"))
from windows_dist import VARIABLE, windows_dist  # noqa: E402

pefile = pytest.importorskip("pefile", reason="pip install -e '.[test]' installs pefile")

OLDEST = REPO / "packaging" / "windows" / "oldest-windows.txt"
PROGRAM_SUFFIXES = {".exe", ".dll", ".pyd"}


@dataclass(frozen=True)
class OldestWindows:
    name: str
    build: int
    dlls: frozenset[str]
    first_builds: dict[tuple[str, str], int]


def read_oldest_windows(path: Path = OLDEST) -> OldestWindows:
    sections: dict[str, list[str]] = {}
    current = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if m := re.fullmatch(r"\[(\w+)\]", line):
            current = m.group(1)
        elif line:
            sections.setdefault(current, []).append(line)
    info = dict(item.split(" = ", 1) for item in sections["windows"])
    first_builds = {}
    for line in sections["exports"]:
        dll, function, build = line.split()
        first_builds[(dll.lower(), function)] = int(build)
    return OldestWindows(info["name"], int(info["build"]), frozenset(d.lower() for d in sections["dlls"]), first_builds)


def imports(path: Path) -> dict[str, set[str]]:
    """DLL name (lower case) → imported function names, static and delay-loaded."""
    pe = pefile.PE(str(path), fast_load=True)
    pe.parse_data_directories(directories=[
        pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_IMPORT"],
        pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_DELAY_IMPORT"],
    ])
    found: dict[str, set[str]] = {}
    for entry in [*getattr(pe, "DIRECTORY_ENTRY_IMPORT", []), *getattr(pe, "DIRECTORY_ENTRY_DELAY_IMPORT", [])]:
        names = found.setdefault(entry.dll.decode("ascii").lower(), set())
        names.update(item.name.decode("ascii") for item in entry.imports if item.name)
    pe.close()
    return found


@pytest.fixture(scope="module")
def bundle() -> Path:
    dist, required = windows_dist()
    folder = dist / "nianbao"
    if not (folder / "nianbao.exe").is_file():
        if required:
            pytest.fail(f"${VARIABLE} is set but {folder} holds no Windows build (packaging/windows/build_wine.py)")
        pytest.skip(f"no Windows bundle in {folder}: run packaging/windows/build_wine.py, or set ${VARIABLE}")
    return folder


@pytest.fixture(scope="module")
def program_files(bundle: Path) -> dict[Path, dict[str, set[str]]]:
    return {p: imports(p) for p in sorted(bundle.rglob("*")) if p.suffix.lower() in PROGRAM_SUFFIXES}


def test_the_list_of_the_oldest_windows_reads() -> None:
    oldest = read_oldest_windows()
    assert oldest.build == 17763 and "kernel32.dll" in oldest.dlls
    assert "icuuc.dll" not in oldest.dlls and "icu.dll" not in oldest.dlls
    assert all(dll in oldest.dlls for dll, _ in oldest.first_builds)


def test_every_dll_imported_is_in_the_bundle_or_in_the_oldest_windows(
    bundle: Path, program_files: dict[Path, dict[str, set[str]]]
) -> None:
    oldest = read_oldest_windows()
    bundled = {p.name.lower() for p in bundle.rglob("*")}
    assert len(program_files) > 50
    missing = {
        f"{path.relative_to(bundle)} → {dll}"
        for path, table in program_files.items() for dll in table
        if dll not in bundled and dll not in oldest.dlls
    }
    assert sorted(missing) == [], f"not in the bundle nor in {oldest.name}; see {OLDEST.name}"


def test_no_function_newer_than_the_oldest_windows_is_imported(program_files: dict[Path, dict[str, set[str]]]) -> None:
    oldest = read_oldest_windows()
    too_new = {
        f"{path.name} → {dll} {function} (from build {oldest.first_builds[(dll, function)]})"
        for path, table in program_files.items() for dll, functions in table.items() for function in functions
        if oldest.first_builds.get((dll, function), 0) > oldest.build
    }
    assert sorted(too_new) == [], f"needs a newer Windows than {oldest.name}"


def test_the_check_would_catch_qt_on_windows_10_1607(program_files: dict[Path, dict[str, set[str]]]) -> None:
    """Why 1809 and not 1607: Qt's platform plugin needs a function Windows 10 has only from 1703 on."""
    oldest = read_oldest_windows()
    qwindows = next(table for path, table in program_files.items() if path.name.lower() == "qwindows.dll")
    user32 = qwindows.get("user32.dll", set())
    newer_than_1607 = {f for f in user32 if oldest.first_builds.get(("user32.dll", f), 0) > 14393}
    assert "SetProcessDpiAwarenessContext" in newer_than_1607


def test_only_the_windows_programs_are_shipped(bundle: Path, program_files: dict[Path, dict[str, set[str]]]) -> None:
    """The stand-in DLLs CI puts into Wine never reach the bundle, and Qt does not bring the system ICU in."""
    names = {p.name.lower() for p in program_files}
    assert "bcryptprimitives.dll" not in names and "mscms.dll" not in names
    assert not any(dll.startswith("icu") for table in program_files.values() for dll in table)
    assert {"nianbao.exe", "nianbao-cli.exe"} <= {p.name for p in bundle.iterdir()}
