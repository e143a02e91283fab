"""How long the PDF export of a fully filled report takes.

In process, after a warm-up (fonts registered once per process): target under 0.5 s.
As a whole command, ``nianbao export FILE -o OUT.pdf --force`` in a fresh process: target under 1.5 s.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.core import storage  # noqa: E402
from desktop.io.pdf.export import export_pdf  # noqa: E402
from tests.fixtures.reports import huaian  # noqa: E402


def in_process(folder: Path, runs: int = 7) -> list[float]:
    report = huaian()
    target = folder / "in-process.pdf"
    export_pdf(report, target)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        export_pdf(report, target)
        times.append(time.perf_counter() - start)
    return times


def command(folder: Path, runs: int = 5) -> list[float]:
    source = folder / "huaian.nianbao"
    storage.save(huaian(), source)
    nianbao = shutil.which("nianbao", path=str(Path(sys.executable).parent)) or "nianbao"
    args = [nianbao, "export", str(source), "-o", str(folder / "command.pdf"), "--force"]
    subprocess.run(args, check=True, capture_output=True)  # warm the disk cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def report(name: str, times: list[float], target: float) -> None:
    print(f"{name}: median {statistics.median(times):.3f} s, min {min(times):.3f} s, "
          f"max {max(times):.3f} s over {len(times)} runs (target < {target} s)")


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        report("PDF export in process, fully filled report", in_process(folder), 0.5)
        report("nianbao export … --force as a command", command(folder), 1.5)
