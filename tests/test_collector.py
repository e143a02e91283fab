"""While the program loads, Python's cycle collector is paused; afterwards it runs again, past what
loading built."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

from desktop import collector
from tests.fixtures.reports import REPO

SAMPLE = REPO / "resources" / "samples" / "erkou-2023.nianbao"

# Counts the collections made from main's start until loading is done (nothing is frozen until then).
PROBE = """
import gc, json, sys
from desktop.cli import main
during_loading = []
exporter_loading = []  # reportlab is loading, and the PDF exporter not yet defined


def count(phase, info):
    if phase != "start":
        return
    if gc.get_freeze_count() == 0:
        during_loading.append(info)
    exporter = sys.modules.get("desktop.io.pdf.export")
    if "reportlab" in sys.modules and not hasattr(exporter, "export_pdf"):
        exporter_loading.append(info)


gc.callbacks.append(count)
try:
    rc = main(sys.argv[1:])
except SystemExit as exit:
    rc = exit.code
print(json.dumps({"rc": rc, "during_loading": len(during_loading), "exporter_loading": len(exporter_loading),
                  "enabled": gc.isenabled(), "frozen": gc.get_freeze_count()}))
"""


def probe(*args: str, **env: str) -> dict[str, int]:
    out = subprocess.run([sys.executable, "-c", PROBE, *args], check=True, capture_output=True, text=True,
                         cwd=REPO, env={**os.environ, **env})
    return json.loads(out.stdout.splitlines()[-1])  # type: ignore[no-any-return]


def test_an_export_loads_without_collections_and_then_collects_again(tmp_path: Path) -> None:
    seen = probe("export", str(SAMPLE), "-o", str(tmp_path / "x.pdf"))
    assert seen["rc"] == 0 and (tmp_path / "x.pdf").read_bytes().startswith(b"%PDF")
    assert seen["during_loading"] == 0 and seen["exporter_loading"] == 0
    assert seen["enabled"] and seen["frozen"] > 10_000


def test_the_window_starts_without_collections_and_then_collects_again() -> None:
    seen = probe(str(SAMPLE), NIANBAO_SMOKE_TEST="1", QT_QPA_PLATFORM="offscreen")
    assert seen["rc"] == 0
    assert seen["during_loading"] == 0
    assert seen["enabled"] and seen["frozen"] > 10_000


def test_a_bad_command_line_leaves_collections_on() -> None:
    seen = probe("export")  # no file: argparse refuses
    assert seen["enabled"]


def test_collections_stay_off_when_they_were_off_before() -> None:
    gc.disable()
    try:
        collector.pause_for_loading()
        collector.loading_done()
        assert not gc.isenabled()
    finally:
        gc.enable()
    collector.pause_for_loading()
    assert not gc.isenabled()
    collector.loading_done()
    assert gc.isenabled()
