"""CI must run the very test commands the README gives."""

from __future__ import annotations

import re

from tests.fixtures.reports import REPO


def test_ci_runs_the_readme_test_commands() -> None:
    """The first command runs inside a fresh Debian root (.ci/fresh_root.sh takes it from the README, see
    tests/test_ci.py); the second, the oldest PySide6, runs as written on the CI machine."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = [c.strip() for c in re.findall(r"```sh\n(.+?)\n```", readme, re.S) if "pytest" in c]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert len(commands) == 2
    assert "apt-get install" in commands[0] and "PySide6-Essentials==6.8.*" in commands[1]
    assert "bash .ci/fresh_root.sh" in ci
    assert commands[1] in ci
    assert "bash .ci/windows.sh" in ci


def test_the_host_setup_in_ci_is_the_readme_setup() -> None:
    """The stages after the fresh root run on the CI machine with the README's own apt list."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    first = next(c for c in re.findall(r"```sh\n(.+?)\n```", readme, re.S) if "pytest" in c).strip()
    setup = first.removesuffix(" && .venv/bin/python -m pytest")
    assert setup != first
    assert setup in (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
