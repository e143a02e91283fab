"""The project file: round trips, atomic saves and clear refusals of bad files."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from desktop.core import storage
from desktop.core.storage import ProjectFileError
from tests.fixtures.reports import huaian, seed


def test_round_trip_keeps_every_value(tmp_path: Path) -> None:
    report = huaian()
    report.cells["t3.new.research"] = None  # blank survives as blank, not 0
    path = tmp_path / "淮安.nianbao"
    storage.save(report, path)
    assert storage.load(path) == report


def test_file_is_documented_json_under_canonical_keys(tmp_path: Path) -> None:
    path = tmp_path / "r.nianbao"
    storage.save(huaian(), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "nianbao-report" and data["schema_version"] == 1
    assert data["cells"]["t3.new.natural"] == 3001
    assert data["cells"]["t2.fees.amount"] == "96171.6"
    assert data["meta"] == {"agency": "淮安市人民政府", "level": "city_gov", "year": 2024, "date": None}


def test_saving_again_keeps_the_previous_version_as_backup(tmp_path: Path) -> None:
    path = tmp_path / "r.nianbao"
    first = huaian()
    storage.save(first, path)
    second = huaian()
    second.text["text.s5"] = "改过了"
    storage.save(second, path)
    assert storage.load(path).text["text.s5"] == "改过了"
    assert storage.load(storage.backup_path(path)) == first


@pytest.mark.parametrize("content,expected", [
    (b"", "已损坏"),
    (b'{"format": "nianbao-report", "schema_version": 1, "meta": {"agency": "x", "year": 20', "已损坏"),
    (b"\x89PNG\r\n\x1a\n\x00\x00garbage", "不是UTF-8"),
    (b'{"name": "package.json"}', "不是年报助手的报告文件"),
    (b"[1, 2, 3]", "不是年报助手的报告文件"),
    (b'{"format": "nianbao-report", "schema_version": 7, "meta": {}}', "较新版本"),
    (b'{"format": "nianbao-report", "schema_version": 1, "meta": {"year": 2023}, '
     b'"cells": {"t3.new.natural": -4}}', "表三 一、本年新收政府信息公开申请数量 / 自然人：必须是不小于0的整数"),
    (b'{"format": "nianbao-report", "schema_version": 1, "meta": {"year": 2023}, "cells": {"t9.x": 1}}',
     "未知的单元格"),
    (b'{"format": "nianbao-report", "schema_version": 1}', "缺少必需的内容"),
])
def test_bad_files_give_a_clear_message_and_stay_untouched(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "bad.nianbao"
    path.write_bytes(content)
    with pytest.raises(ProjectFileError, match=expected):
        storage.load(path)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.nianbao"]


def test_unreadable_paths(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError, match="找不到文件"):
        storage.load(tmp_path / "missing.nianbao")
    with pytest.raises(ProjectFileError, match="文件夹"):
        storage.load(tmp_path)
    huge = tmp_path / "huge.nianbao"
    with open(huge, "wb") as handle:
        handle.truncate(storage.MAX_FILE_BYTES + 1)
    with pytest.raises(ProjectFileError, match="过大"):
        storage.load(huge)


def test_a_save_that_fails_mid_write_leaves_the_old_file_intact(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "r.nianbao"
    storage.save(seed(), path)
    before = path.read_bytes()

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(ProjectFileError, match="磁盘空间不足"):
        storage.save(huaian(), path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.nianbao"]  # no temporary file left


def test_a_crash_between_write_and_replace_leaves_the_old_file_intact(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "r.nianbao"
    storage.save(seed(), path)
    before = path.read_bytes()

    def power_cut(src: str, dst: str) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "replace", power_cut)
    with pytest.raises(ProjectFileError, match="原文件未改动"):
        storage.save(huaian(), path)
    monkeypatch.undo()
    assert storage.load(path) == seed()
    assert path.read_bytes() == before


def test_saving_into_a_missing_folder_is_refused_with_a_message(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError, match="不存在"):
        storage.save(seed(), tmp_path / "no" / "such" / "r.nianbao")


def test_save_failures_are_explained_in_chinese(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("x")
    with pytest.raises(storage.ProjectFileError) as refused:
        storage.save(seed(), tmp_path / "a-file" / "r.nianbao")
    assert str(refused.value) == "“r.nianbao”未能保存：路径中有一部分不是文件夹。原文件未改动"
    folder = tmp_path / "文件夹.nianbao"
    folder.mkdir()
    with pytest.raises(storage.ProjectFileError) as refused:
        storage.save(seed(), folder)
    assert str(refused.value) == "“文件夹.nianbao”未能保存：这是一个文件夹，不是文件。原文件未改动"


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_saved_file_is_as_readable_as_any_new_file(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        path = tmp_path / "r.nianbao"
        storage.save(seed(), path)
        assert path.stat().st_mode & 0o777 == 0o644
        path.chmod(0o664)  # shared with the office group
        storage.save(seed(), path)
        assert path.stat().st_mode & 0o777 == 0o664
        assert storage.backup_path(path).stat().st_mode & 0o777 == 0o664
    finally:
        os.umask(umask)
