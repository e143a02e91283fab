"""The core, the importers/exporters and the command line must run without Qt."""

from __future__ import annotations

import subprocess
import sys

CODE = """
import sys, pkgutil, importlib
import desktop.core, desktop.io
for package in (desktop.core, desktop.io):
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(info.name)
import desktop.cli, desktop.commands
bad = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
print(",".join(bad))
"""


def test_core_io_and_cli_do_not_import_pyside6() -> None:
    done = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
