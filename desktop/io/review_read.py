"""One received file as a report: a project file is loaded, a published one (text, web page, Word, PDF)
imported. A file that does not say its year, agency or level is refused: they decide the deadline and
which rules apply, and a review never guesses them."""

from __future__ import annotations

from pathlib import Path

from desktop.core import storage
from desktop.core.report import Report
from desktop.io.importers.identity import AGENCY, LEVEL, MISSING_NAMES, YEAR
from desktop.io.importing import ImportRefused, import_file

REPORT_SUFFIXES = (".nianbao", ".txt", ".md", ".html", ".htm", ".shtml", ".mht", ".mhtml", ".docx", ".pdf")


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
    """The files of a folder, hidden ones, temporaries and Office lock files (~$报告.docx) left out, in
    name order. More than ``limit`` files is not a county's mail: Unreadable."""
    found = []
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name.startswith((".", "~$")) or entry.suffix.lower() == ".tmp" or not entry.is_file():
            continue
        found.append(entry)
        if len(found) > limit:
            raise Unreadable(f"文件夹“{folder.name}”中的文件超过{limit}个，请分批审核")
    return found
