"""nianbao check over many files runs them on all cores and prints exactly what it printed one by one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.cli import main
from tests.fixtures.reports import PORTAL, SAMPLES


def output(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["check", *args])
    return code, capsys.readouterr().out


def test_many_files_print_as_each_alone_in_the_order_given(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    files = []
    for i, source in enumerate([*sorted(PORTAL.glob("*.txt")), SAMPLES / "erkou-2023.txt", SAMPLES /
                                "huaian-2024.pdf"] * 2):
        files.append(tmp_path / f"{9 - i % 10}-{i}{source.suffix}")  # not in name order
        shutil.copy(source, files[-1])
    (tmp_path / "bad.doc").write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    files.insert(3, tmp_path / "bad.doc")
    code, together = output(capsys, *map(str, files))
    alone = []
    for path in files:
        _, out = output(capsys, str(path), "--json")
        alone.append(out)
    lines = together.splitlines()
    assert code == 2 and len(lines) == len(files)
    assert [line.split("\t")[0] for line in lines] == [str(p) for p in files]
    assert "无法读取" in lines[3]
    _, as_json = output(capsys, "--json", *map(str, files))
    assert as_json.splitlines() == [a.strip() for a in alone]
