"""A command imports only what it needs: the module of the command run, never the other commands'."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.commands import COMMANDS
from tests.fixtures.reports import REPO

PROBE = """
import json, sys
from desktop.cli import build_parser
build_parser(sys.argv[1:]).parse_known_args(sys.argv[1:])
print(json.dumps(sorted(m for m in sys.modules if m.startswith(("desktop", "reportlab", "docx", "openpyxl")))))
"""


def imported_for(*args: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", PROBE, *args], check=True, capture_output=True, text=True, cwd=REPO)
    return set(json.loads(out.stdout))


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: command.name)
def test_every_command_module_has_arguments_and_run(command) -> None:  # type: ignore[no-untyped-def]
    module = importlib.import_module(command.module)
    assert callable(module.arguments) and callable(module.run)


def test_a_command_imports_its_own_module_only() -> None:
    modules = imported_for("new", "--agency", "耳口乡", "--level", "township", "--year", "2023", "-o", "x.nianbao")
    assert "desktop.commands.new" in modules
    others = {command.module for command in COMMANDS if command.name != "new"}
    assert modules & others == set()
    assert not any(m.startswith(("desktop.core.checks", "desktop.io", "reportlab", "docx", "openpyxl"))
                   for m in modules)


def test_export_does_not_load_the_importers_or_the_review() -> None:
    modules = imported_for("export", "x.nianbao", "-o", "x.pdf")
    assert not any(m.startswith(("desktop.io.importers", "desktop.io.importing", "desktop.core.review",
                                 "desktop.io.review", "openpyxl")) for m in modules)


def test_the_window_starts_without_the_register_or_the_review() -> None:
    """They load when their menu entries are used, not with every start."""
    probe = ("import json, sys\nfrom desktop.ui.main_window import MainWindow\n"
             "print(json.dumps(sorted(m for m in sys.modules if m.startswith(('desktop', 'openpyxl')))))")
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True, cwd=REPO,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    modules = set(json.loads(out.stdout))
    assert "desktop.ui.main_window" in modules
    assert not any(m.startswith(("desktop.core.register", "desktop.core.review", "desktop.io.register",
                                 "desktop.io.review", "openpyxl")) for m in modules), sorted(modules)


def test_no_start_reads_the_installed_packages_metadata(tmp_path: Path) -> None:
    """pydantic would import importlib.metadata to look for plugins (20 ms); the export still validates."""
    probe = ("import sys\nfrom desktop.cli import main\nrc = main(sys.argv[1:])\n"
             "print('importlib.metadata' in sys.modules, rc)")
    sample = REPO / "resources" / "samples" / "erkou-2023.nianbao"
    out = subprocess.run([sys.executable, "-c", probe, "export", str(sample), "-o", str(tmp_path / "x.pdf")],
                         check=True, capture_output=True, text=True, cwd=REPO)
    assert out.stdout.split()[-2:] == ["False", "0"]
    assert (tmp_path / "x.pdf").read_bytes().startswith(b"%PDF")
