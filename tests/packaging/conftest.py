"""The frozen build, made once per test session with ``packaging/build.py`` into a temporary folder."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.fixtures.reports import REPO

WINDOWS = sys.platform == "win32"


FROZEN_TIMEOUT = 900  # the first test to use the build waits for it (about two minutes; more on a slow disk)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "frozen" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.timeout(FROZEN_TIMEOUT))


@dataclass(frozen=True)
class FrozenBuild:
    dist: Path

    @property
    def bundle(self) -> Path:
        return self.dist / "nianbao"

    @property
    def executable(self) -> Path:
        # On Windows the console program; the windowed one prints nothing.
        return self.bundle / ("nianbao-cli.exe" if WINDOWS else "nianbao")

    @property
    def internal(self) -> Path:
        return self.bundle / "_internal"

    @property
    def deb(self) -> Path | None:
        return next(iter(sorted(self.dist.glob("nianbao_*.deb"))), None)


@pytest.fixture(scope="session")
def frozen(tmp_path_factory: pytest.TempPathFactory) -> FrozenBuild:
    pytest.importorskip("PyInstaller", reason="pip install -e '.[test]' installs PyInstaller")
    folder = tmp_path_factory.mktemp("frozen")
    result = subprocess.run(
        [sys.executable, str(REPO / "packaging" / "build.py"), "--dist", str(folder / "dist"),
         "--work", str(folder / "work")],
        capture_output=True, text=True, encoding="utf-8", errors="replace",
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return FrozenBuild(folder / "dist")


def clean_environment(home: Path, **extra: str) -> dict[str, str]:
    """What an office PC offers: no Python, no PYTHONPATH, no display, a fresh home folder."""
    home.mkdir(parents=True, exist_ok=True)
    env = {
        "PATH": os.defpath if not WINDOWS else os.environ.get("PATH", ""),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_RUNTIME_DIR": str(home),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
    }
    if WINDOWS:
        env.update({k: os.environ[k] for k in ("SYSTEMROOT", "WINDIR", "TEMP", "TMP") if k in os.environ})
        env["USERPROFILE"] = env["APPDATA"] = env["LOCALAPPDATA"] = str(home)
    env.update(extra)
    return env


def run_frozen(
    build: FrozenBuild, *args: str, cwd: Path, env: dict[str, str] | None = None, prefix: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*prefix, str(build.executable), *args], cwd=cwd, env=env or clean_environment(cwd / "home"),
        capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=120,
    )


@contextmanager
def virtual_display() -> Iterator[str]:
    """A virtual X server for the test's duration; yields its DISPLAY (":N")."""
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                              pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    try:
        with os.fdopen(read) as ready:
            yield f":{ready.readline().strip()}"
    finally:
        server.terminate()
        server.wait(timeout=10)
