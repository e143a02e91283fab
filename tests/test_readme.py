"""CI must run the very test commands the README gives."""

from __future__ import annotations

import re

from tests.fixtures.reports import REPO


def test_ci_runs_the_readme_test_commands() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = [c.strip() for c in re.findall(r"```sh\n(.+?)\n```", readme, re.S) if "pytest" in c]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    # the setup command for the tests, then the same suite on the oldest supported PySide6
    assert len(commands) == 2
    assert "apt-get install" in commands[0] and "PySide6-Essentials==6.8.*" in commands[1]
    assert [line for line in ci if line in commands] == commands
