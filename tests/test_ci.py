"""The fresh-root CI run (.ci/fresh_root.sh) runs the README's Linux test command, exactly as written."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from tests.fixtures.reports import REPO

SCRIPT = REPO / ".ci" / "fresh_root.sh"
HEADING = "**Debian / Ubuntu — run the tests**"

pytestmark = pytest.mark.skipif(sys.platform == "win32" or shutil.which("bash") is None, reason="needs bash")


def run_script(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(SCRIPT), *args], capture_output=True, text=True, encoding="utf-8",
                          timeout=30, cwd=REPO)


def test_fresh_root_runs_the_readme_test_command_verbatim() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    under_heading = re.search(re.escape(HEADING) + r".*?```sh\n(.*?)\n```", readme, re.S)
    assert under_heading, f"README.md has no sh block under {HEADING}"
    first_with_pytest = next(c for c in re.findall(r"```sh\n(.*?)\n```", readme, re.S) if "pytest" in c)
    assert under_heading.group(1) == first_with_pytest

    result = run_script("--print-command")
    assert result.returncode == 0, result.stderr
    assert result.stdout == first_with_pytest + "\n"


def test_fresh_root_takes_no_pytest_arguments() -> None:
    result = run_script("-k", "something")
    assert result.returncode == 2
    assert "usage" in result.stderr
