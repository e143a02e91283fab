"""Helpers shared by the subcommands."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core import storage
from desktop.core.report import Report

if TYPE_CHECKING:
    from desktop.io.importing import ImportResult


class CommandError(Exception):
    """A problem to report to the user in one line, with an exit code."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


def fail(message: str, code: int = 2) -> int:
    print(f"错误：{for_terminal(message)}", file=sys.stderr)
    return code


_CONTROL = {c: f"\\x{c:02x}" for c in [*range(0x20), *range(0x7F, 0xA0)] if c != 0x09}


def for_terminal(text: str) -> str:
    """Text from a report (an agency name, a quoted sentence) may hold escape sequences that would recolour
    or rewrite the clerk's terminal; they are shown as \\x1b instead. Tabs stay: the summary uses them."""
    return text.translate(_CONTROL)


def load_report(path: str) -> Report:
    """A report from a project file, or imported on the fly from a published one (for checking only)."""
    if Path(path).suffix.lower() != storage.EXTENSION:
        result = import_source(path)
        if result.missing:
            from desktop.io.importers.identity import AGENCY, LEVEL, MISSING_NAMES, YEAR

            named = "、".join(MISSING_NAMES[name] for name in (YEAR, AGENCY, LEVEL) if name in result.missing)
            raise CommandError(f"原文中未找到{named}，无法可靠校验（年度和层级决定适用的规则）。"
                               f"请用 nianbao import {path} --year … --agency … --level … -o 报告.nianbao 导入后再检查")
        return result.report
    return load_project(path)


def load_project(path: str) -> Report:
    """A project file only: set, next and export must not treat a published text as one (set would write
    project JSON over it)."""
    if Path(path).suffix.lower() != storage.EXTENSION:
        raise CommandError(f"“{Path(path).name}”不是年报助手的报告文件（.nianbao）。已发布的报告请先导入："
                           f"nianbao import {path} -o 报告.nianbao")
    try:
        return storage.load(path)
    except storage.ProjectFileError as error:
        raise CommandError(str(error)) from None


def import_source(path: str) -> ImportResult:
    """An ImportResult (report and the account for the clerk) from a text, HTML, Word or PDF file."""
    try:
        from desktop.io.importing import ImportRefused, import_file
    except ImportError:
        raise CommandError(f"“{Path(path).name}”不是年报助手的报告文件（.nianbao），本版本暂不支持导入") from None
    try:
        return import_file(Path(path))
    except ImportRefused as error:
        raise CommandError(str(error)) from None


def save_report(report: Report, path: str, overwrite: bool = True) -> None:
    target = Path(path)
    if not overwrite and target.exists():
        raise CommandError(f"“{target.name}”已存在；如需覆盖请加 --force")
    try:
        storage.save(report, target)
    except storage.ProjectFileError as error:
        raise CommandError(str(error)) from None
