"""One received file as a report: a project file is loaded, a published one (text, web page, Word, PDF)
imported. A file that does not say its year, agency or level is refused: they decide the deadline and
which rules apply, and a review never guesses them."""

from __future__ import annotations

from pathlib import Path

from desktop.core import storage
from desktop.core.report import Report
from desktop.io.importers.identity import AGENCY, LEVEL, MISSING_NAMES, YEAR
from desktop.io.importing import ImportRefused, import_file


class Unreadable(Exception):
    """``str(error)`` says, in Chinese, why the file cannot be reviewed."""


def read_received(path: Path) -> Report:
    if path.suffix.lower() == storage.EXTENSION:
        try:
            return storage.load(path)
        except storage.ProjectFileError as error:
            raise Unreadable(str(error)) from None
    try:
        result = import_file(path)
    except ImportRefused as error:
        raise Unreadable(str(error)) from None
    if result.missing:
        named = "、".join(MISSING_NAMES[name] for name in (YEAR, AGENCY, LEVEL) if name in result.missing)
        raise Unreadable(f"原文中未找到{named}，无法确定公开期限和适用的规则；请与报送单位核实")
    return result.report


def received_files(folder: Path, limit: int) -> list[Path]:
    """The files of a folder and of its subfolders (a county sorts its mail into 乡镇 and 部门), in name
    order, each folder's files where the folder stands. Left out: hidden files and folders, temporaries,
    Office lock files (~$报告.docx), links to folders, and the folder of pictures a page saved 「网页，全部」
    keeps beside itself (报告_files, 报告.files). More than ``limit`` files is not a county's mail:
    Unreadable. A subfolder that cannot be listed raises OSError, as the folder itself does."""
    found: list[Path] = []
    _collect(folder, found, limit, folder)
    return found


def _collect(folder: Path, found: list[Path], limit: int, top: Path) -> None:
    entries = sorted(folder.iterdir(), key=lambda p: p.name)
    pages = {entry.stem for entry in entries if entry.suffix.lower() in _PAGE_SUFFIXES}
    for entry in entries:
        if entry.name.startswith((".", "~$")) or entry.suffix.lower() == ".tmp":
            continue
        if entry.is_dir():
            if not entry.is_symlink() and not _page_assets(entry.name, pages):
                _collect(entry, found, limit, top)
            continue
        if not entry.is_file():
            continue
        found.append(entry)
        if len(found) > limit:
            raise Unreadable(f"文件夹“{top.name}”中的文件超过{limit}个，请分批审核")


_PAGE_SUFFIXES = (".html", ".htm", ".shtml")


def _page_assets(name: str, pages: set[str]) -> bool:
    """A folder of a saved page's pictures and frames: 「报告_files」 (browsers) or 「报告.files」 (Chinese Word)."""
    return any(name.endswith(ending) and name.removesuffix(ending) in pages for ending in ("_files", ".files"))
