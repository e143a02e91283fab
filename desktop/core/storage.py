"""The project file: one JSON document per report (``.nianbao``), saved so that a crash or a power cut
never leaves a damaged file. See docs/file-format.md.
"""

from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from desktop import __version__
from desktop.core.atomic_write import copy_atomically, write_atomically
from desktop.core.file_errors import describe
from desktop.core.report import Report, explain
from desktop.core.values import replace_lone_surrogates

EXTENSION = ".nianbao"
FORMAT_NAME = "nianbao-report"
SCHEMA_VERSION = 1
MAX_FILE_BYTES = 20 * 1024 * 1024


class ProjectFileError(Exception):
    """A file that cannot be opened or saved. ``str(error)`` is the message for the clerk;
    ``advises_elsewhere`` is set when it already tells the clerk to save to another place."""

    def __init__(self, message: str, advises_elsewhere: bool = False) -> None:
        super().__init__(message)
        self.advises_elsewhere = advises_elsewhere


def to_document(report: Report) -> dict[str, Any]:
    data = report.model_dump(mode="json")
    return {"format": FORMAT_NAME, "schema_version": SCHEMA_VERSION, "app_version": __version__, **data}


def from_document(data: Any, name: str = "文件") -> Report:
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise ProjectFileError(f"{name}不是年报助手的报告文件")
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ProjectFileError(f"{name}缺少格式版本号，可能已损坏")
    if version > SCHEMA_VERSION:
        raise ProjectFileError(
            f"{name}由较新版本的年报助手保存（文件格式第{version}版），当前程序只支持到第{SCHEMA_VERSION}版，请升级后再打开"
        )
    body = {k: v for k, v in data.items() if k not in ("format", "schema_version", "app_version")}
    try:
        return Report.model_validate(body)
    except ValidationError as error:
        raise ProjectFileError(f"{name}内容有误：{explain(error)}") from None


def dumps(report: Report) -> str:
    """The last guard before UTF-8: a broken character that reached the report in code becomes a visible
    �; where text enters (typing, set, load, import) it is already refused or replaced."""
    return replace_lone_surrogates(json.dumps(to_document(report), ensure_ascii=False, indent=1)) + "\n"


def loads(text: str, name: str = "文件") -> Report:
    try:
        data = json.loads(text, parse_float=Decimal)
    except (json.JSONDecodeError, RecursionError):
        raise ProjectFileError(f"{name}已损坏或不是年报助手的报告文件（无法读取JSON内容）") from None
    return from_document(data, name)


def load(path: str | os.PathLike[str]) -> Report:
    """Read a project file. Never writes anything."""
    path = Path(path)
    name = f"“{path.name}”"
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ProjectFileError(f"{name}过大（{size // 1024 // 1024} MB），不是年报助手的报告文件")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ProjectFileError(f"找不到文件{name}") from None
    except IsADirectoryError:
        raise ProjectFileError(f"{name}是文件夹，不是报告文件") from None
    except PermissionError:
        raise ProjectFileError(f"没有权限读取{name}") from None
    except OSError as error:
        raise ProjectFileError(f"无法读取{name}：{describe(error)}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ProjectFileError(f"{name}已损坏或不是年报助手的报告文件（不是UTF-8文本）") from None
    return loads(text, name)


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def save(report: Report, path: str | os.PathLike[str], keep_backup: bool = True) -> None:
    """Write atomically. The previous version is kept as ``FILE.bak``. On failure the old file is untouched
    and ProjectFileError says why."""
    path = Path(path)
    data = dumps(report).encode("utf-8")
    try:
        if keep_backup and path.is_file():
            copy_atomically(path, backup_path(path))
        write_atomically(path, data)
    except OSError as error:
        raise _save_error(path, error) from None


def _save_error(path: Path, error: OSError) -> ProjectFileError:
    import errno

    name = f"“{path.name}”"
    if error.errno == errno.ENOSPC:
        return ProjectFileError(f"磁盘空间不足，{name}未能保存。原文件未改动，请清理磁盘后重试或另存到其他位置", True)
    if isinstance(error, PermissionError) or error.errno in (errno.EACCES, errno.EROFS, errno.EPERM):
        return ProjectFileError(f"没有权限写入{name}所在的文件夹。原文件未改动，请另存到其他位置", True)
    if isinstance(error, FileNotFoundError):
        return ProjectFileError(f"{name}所在的文件夹不存在")
    return ProjectFileError(f"{name}未能保存：{describe(error)}。原文件未改动")
