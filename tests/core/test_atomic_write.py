"""Writes are whole or absent, and what an interrupted write left behind is cleaned up."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from desktop.core.atomic_write import STALE_AFTER_S, remove_stale_temporaries, write_atomically


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "报告.pdf"
    target.write_bytes(b"old")

    with pytest.raises(TypeError):
        write_atomically(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["报告.pdf"]


def test_stale_temporaries_of_the_same_file_are_removed_recent_ones_kept(tmp_path: Path) -> None:
    target = tmp_path / "报告[1].nianbao"
    old = [tmp_path / f".{target.name}.{i}abc.tmp" for i in range(5)]
    for path in old:
        path.write_bytes(b"x" * 1000)
        past = time.time() - STALE_AFTER_S - 60
        os.utime(path, (past, past))
    recent = tmp_path / f".{target.name}.running.tmp"
    recent.write_bytes(b"y")
    other = tmp_path / ".另一个.nianbao.zzz.tmp"
    other.write_bytes(b"z")
    os.utime(other, (0, 0))
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert not any(p.exists() for p in old)
    assert recent.exists() and other.exists()


def test_nothing_to_clean_in_a_missing_folder(tmp_path: Path) -> None:
    assert remove_stale_temporaries(tmp_path / "nowhere" / "r.nianbao") == 0
