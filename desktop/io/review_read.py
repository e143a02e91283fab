"""One received file as a report: a project file is loaded, a published one (text, web page, Word, PDF)
imported. A file that does not say its year, agency or level is refused: they decide the deadline and
which rules apply, and a review never guesses them."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from desktop.core import storage
from desktop.core.file_errors import describe
from desktop.core.report import Report
from desktop.io.importers.identity import AGENCY, LEVEL, MISSING_NAMES, YEAR
from desktop.io.importers.saved_frames import PAGE_SUFFIXES
from desktop.io.importing import ImportRefused, import_file


class Unreadable(Exception):
    """``str(error)`` says, in Chinese, why the file cannot be reviewed."""


class Received(NamedTuple):
    report: Report
    notes: tuple[str, ...] = ()  # what importing it noted (a project file has none)


def read_received(path: Path) -> Received:
    if path.is_dir():  # a subfolder that could not be listed
        try:
            next(path.iterdir(), None)
        except OSError as error:
            raise Unreadable(f"无法读取此文件夹中的文件：{describe(error)}") from None
        raise Unreadable("此文件夹中的文件未能列出，请单独审核此文件夹")
    if path.suffix.lower() == storage.EXTENSION:
        try:
            return Received(storage.load(path))
        except storage.ProjectFileError as error:
            raise Unreadable(str(error)) from None
    try:
        result = import_file(path)
    except ImportRefused as error:
        raise Unreadable(str(error)) from None
    if result.missing:
        named = "、".join(MISSING_NAMES[name] for name in (YEAR, AGENCY, LEVEL) if name in result.missing)
        raise Unreadable(f"原文中未找到{named}，无法确定公开期限和适用的规则；请与报送单位核实")
    return Received(result.report, tuple(result.notes))


def received_files(folder: Path, limit: int) -> list[Path]:
    """The files of a folder and of its subfolders (a county sorts its mail into 乡镇 and 部门), in name
    order, each folder's files where the folder stands. Left out: hidden files and folders (a leading dot,
    or Windows' hidden and system marks: desktop.ini, Thumbs.db), temporaries, Office lock files
    (~$报告.docx), links and junctions to folders (Windows keeps 「My Music」 in 文档 as one), and the
    folder of pictures a page saved 「网页，全部」 keeps beside itself (报告_files, 报告.files). A subfolder
    that cannot be listed stands in the list itself, so that its row says why. More than ``limit`` files
    is not a county's mail: Unreadable. The folder itself that cannot be listed raises OSError."""
    found: list[Path] = []
    _collect(sorted(folder.iterdir(), key=lambda p: p.name), found, limit, folder)
    return found


def _collect(entries: list[Path], found: list[Path], limit: int, top: Path) -> None:
    pages = {entry.stem for entry in entries if entry.suffix.lower() in PAGE_SUFFIXES}
    for entry in entries:
        if entry.name.startswith((".", "~$")) or entry.suffix.lower() == ".tmp" or _marked_hidden(entry):
            continue
        if entry.is_dir():
            if entry.is_symlink() or _page_assets(entry.name, pages):
                continue
            try:
                inside = sorted(entry.iterdir(), key=lambda p: p.name)
            except OSError:
                inside = None
            if inside is not None:
                _collect(inside, found, limit, top)
                continue
        elif not entry.is_file():
            continue
        found.append(entry)
        if len(found) > limit:
            raise Unreadable(f"文件夹“{top.name}”中的文件超过{limit}个，请分批审核")


_HIDDEN, _SYSTEM, _REPARSE_POINT = 0x2, 0x4, 0x400  # Windows file attributes


def _marked_hidden(entry: Path) -> bool:
    """Hidden or system on Windows, or a junction; other systems mark hidden files by a leading dot."""
    try:
        attributes = getattr(entry.lstat(), "st_file_attributes", 0)
    except OSError:
        return False
    return bool(attributes & (_HIDDEN | _SYSTEM | _REPARSE_POINT))


def _page_assets(name: str, pages: set[str]) -> bool:
    """A folder of a saved page's pictures and frames: 「报告_files」 (browsers) or 「报告.files」 (Chinese Word)."""
    return any(name.endswith(ending) and name.removesuffix(ending) in pages for ending in ("_files", ".files"))
