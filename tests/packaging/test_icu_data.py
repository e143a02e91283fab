"""The smaller ICU data library keeps everything Qt asks ICU for in Chinese and English."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import PySide6
import pytest

from tests.fixtures.reports import REPO
from tests.packaging.conftest import FrozenBuild

sys.path.insert(0, str(REPO / "packaging"))
import icu_data  # noqa: E402

QT_LIB = Path(PySide6.__path__[0]) / "Qt" / "lib"
FULL = next(iter(sorted(QT_LIB.glob("libicudata.so.*"))), QT_LIB / "libicudata.so.none")
PROBE = Path(__file__).with_name("icu_probe.py")

pytestmark = pytest.mark.skipif(not FULL.exists(), reason="Qt links to ICU only on Linux")


def probe(preload: Path | None = None) -> dict[str, Any]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if preload is not None:
        env["LD_PRELOAD"] = str(preload)  # the loader then uses it for every library that needs this soname
    result = subprocess.run([sys.executable, str(PROBE)], capture_output=True, text=True, encoding="utf-8", env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def answers_like_the_full_library(trimmed: Path) -> None:
    full, small = probe(), probe(trimmed)
    assert small == full
    # and the answers are the Chinese ones, not the root locale's
    assert small["sorted zh_CN"][2:8] == ["阿", "李四", "镕", "王五", "张三", "赵六"]
    assert small["zone zh_CN StandardTime LongName"] == "中国标准时间"
    assert small["upper tr"] == "İSTANBUL"
    assert all(small["encodings"].values())


def test_package_reads_and_writes_back_every_item() -> None:
    package = icu_data.Package.read(icu_data.symbol_bytes(FULL.read_bytes(), icu_data.symbol_of(FULL)))
    assert len(package.items) > 3000
    again = icu_data.Package.read(package.to_bytes())
    assert again.items == package.items
    assert again.header == package.header


@pytest.mark.parametrize(
    ("item", "kept"),
    [
        ("icudt73l/coll/zh.res", True),
        ("icudt73l/coll/ucadata.icu", True),
        ("icudt73l/coll/root.res", True),
        ("icudt73l/zone/zh_Hant_HK.res", True),
        ("icudt73l/zone/pool.res", True),
        ("icudt73l/zoneinfo64.res", True),
        ("icudt73l/metaZones.res", True),
        ("icudt73l/likelySubtags.res", True),
        ("icudt73l/cnvalias.icu", True),
        ("icudt73l/gb18030.cnv", True),
        ("icudt73l/ibm-1386_P100-2001.cnv", True),
        ("icudt73l/windows-936-2000.cnv", True),
        ("icudt73l/ibm-5471_P100-2006.cnv", True),
        ("icudt73l/ibm-1252_P100-2000.cnv", True),
        ("icudt73l/en.res", True),
        ("icudt73l/coll/ja.res", False),
        ("icudt73l/de_CH.res", False),
        ("icudt73l/fil.res", False),
        ("icudt73l/brkitr/cjdict.dict", False),
        ("icudt73l/translit/root.res", False),
        ("icudt73l/ibm-943_P15A-2003.cnv", False),
        ("icudt73l/ibm-1390_P110-2003.cnv", False),
        ("icudt73l/euc-tw-2014.cnv", False),
    ],
)
def test_what_is_kept(item: str, kept: bool) -> None:
    assert icu_data.kept(item) is kept


@pytest.mark.skipif(shutil.which("cc") is None and shutil.which("gcc") is None, reason="needs a C compiler")
def test_trimmed_library_answers_like_the_full_one(tmp_path: Path) -> None:
    trimmed = tmp_path / FULL.name
    assert icu_data.trim_library(FULL, trimmed)
    assert trimmed.stat().st_size < FULL.stat().st_size / 4
    answers_like_the_full_library(trimmed)


@pytest.mark.frozen
def test_bundle_ships_the_trimmed_library(frozen: FrozenBuild) -> None:
    shipped = frozen.internal / "PySide6" / "Qt" / "lib" / FULL.name
    assert shipped.stat().st_size < 10_000_000
    answers_like_the_full_library(shipped)
