"""The Windows build under Wine tries again when Wine fails to start a process (packaging/windows/build_wine.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.fixtures.reports import REPO

sys.path.insert(0, str(REPO / "packaging" / "windows"))
from build_wine import BUILD_ATTEMPTS, run_build  # noqa: E402
from wine import Wine  # noqa: E402


class FlakyWine(Wine):
    """A prefix whose build command fails a given number of times, then succeeds; nothing is run."""

    def __init__(self, tmp_path: Path, failures: int) -> None:
        super().__init__(prefix=tmp_path / "prefix", home=tmp_path / "home")
        self.failures = failures
        self.events: list[str] = []

    def stream(self, program: str | Path, *args: str, cwd: Path | None = None) -> None:
        self.events.append("build")
        if self.failures:
            self.failures -= 1
            raise subprocess.CalledProcessError(1, ["wine", str(program), *args])

    def wait(self) -> None:
        self.events.append("wait")

    def stop(self) -> None:
        self.events.append("stop")


def test_a_failed_build_is_run_again_on_a_restarted_wineserver(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    wine = FlakyWine(tmp_path, failures=1)
    run_build(wine, ["build.py"])
    assert wine.events == ["build", "stop", "build", "wait"]
    assert "attempt 1 of 3" in capsys.readouterr().out


def test_a_build_that_keeps_failing_fails_after_the_last_attempt(tmp_path: Path):
    wine = FlakyWine(tmp_path, failures=BUILD_ATTEMPTS)
    with pytest.raises(subprocess.CalledProcessError):
        run_build(wine, ["build.py"])
    assert wine.events.count("build") == BUILD_ATTEMPTS


def test_a_build_that_passes_runs_once(tmp_path: Path):
    wine = FlakyWine(tmp_path, failures=0)
    run_build(wine, ["build.py"])
    assert wine.events == ["build", "wait"]
