"""ruff and mypy, as configured in pyproject.toml, are clean."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.fixtures.reports import REPO


@pytest.mark.parametrize("tool", [["ruff", "check", "desktop", "tests", "benchmarks"], ["mypy"]])
def test_tool_is_clean(tool: list[str]) -> None:
    if shutil.which(tool[0]) is None and not _module_available(tool[0]):
        pytest.skip(f"{tool[0]} is not installed (pip install -e .[test])")
    done = subprocess.run([sys.executable, "-m", *tool], cwd=REPO, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr


def _module_available(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None
