"""A plain (not editable) ``pip install .`` carries the fonts, icons and sample, and exports a PDF.

The wheel is installed into its own environment; the libraries it needs are taken from the test's own
environment through a ``.pth`` line, so the test needs no network. It runs from outside the checkout,
so nothing can be found through the source tree.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from tests.fixtures.reports import REPO, SEED_FILE
from tests.io.pdf_helpers import font_problems, joined, page_fragments

pytestmark = pytest.mark.timeout(300)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The environment's folder, with nianbao installed from a freshly built wheel."""
    folder = tmp_path_factory.mktemp("install")
    source = folder / "source"  # what a wheel is built from, without build folders or environments
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source / name)
    for name in ("desktop", "resources"):
        shutil.copytree(REPO / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    wheels = folder / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(wheels), str(source)], check=True, capture_output=True)
    env_dir = folder / "env"
    venv.create(env_dir, with_pip=False)
    python = _python(env_dir)
    site_packages = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                                        check=True, capture_output=True, text=True).stdout.strip())
    wheel = next(wheels.glob("nianbao-*.whl"))
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q", str(wheel)],
                   check=True, capture_output=True)
    # The dependencies (PySide6, reportlab, …) from this environment, after the wheel's own files.
    (site_packages / "zz-test-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    return env_dir


def _python(env_dir: Path) -> Path:
    return env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _nianbao(env_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(_python(env_dir)), "-m", "desktop", *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", timeout=120, env={**os.environ, "PYTHONPATH": ""})


def test_the_installed_copy_is_not_the_checkout(installed: Path, tmp_path: Path) -> None:
    result = subprocess.run([str(_python(installed)), "-c", "import desktop; print(desktop.__file__)"],
                            cwd=tmp_path, capture_output=True, text=True, check=True)
    assert Path(result.stdout.strip()).is_relative_to(installed)


def test_export_writes_a_pdf_with_the_shipped_fonts(installed: Path, tmp_path: Path) -> None:
    shutil.copy(SEED_FILE, tmp_path / "erkou.nianbao")
    result = _nianbao(installed, "export", "erkou.nianbao", "-o", "erkou.pdf", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = (tmp_path / "erkou.pdf").read_bytes()
    assert font_problems(data) == []
    assert "耳口乡" in joined(page_fragments(data)[0])


def test_a_missing_font_is_named_in_the_message(installed: Path, tmp_path: Path) -> None:
    fonts = next(installed.rglob("share/nianbao/resources/fonts"))
    hidden = tmp_path / "hidden"
    hidden.mkdir()
    font = fonts / "NotoSerifSC-Regular.ttf"
    shutil.move(font, hidden / font.name)
    try:
        shutil.copy(SEED_FILE, tmp_path / "erkou.nianbao")
        result = _nianbao(installed, "export", "erkou.nianbao", "-o", "erkou.pdf", cwd=tmp_path)
    finally:
        shutil.move(hidden / font.name, font)
    assert result.returncode == 2
    assert "NotoSerifSC-Regular.ttf" in result.stderr and "安装不完整" in result.stderr, result.stderr
    assert not (tmp_path / "erkou.pdf").exists()
