"""What the offline installer costs: bundle size, .deb size and the frozen app's start time.

``python benchmarks/bench_package.py`` builds into a temporary folder with ``packaging/build.py`` (and
times the build); ``--dist dist`` measures an existing build instead.

Targets: the bundle under 150 MB with the fonts; the window shown, with a report open, in under 1 s.
The start time runs from launching the program to its smoke-test line, which it prints once the
window is shown and the report is open (NIANBAO_SMOKE_TEST=1, offscreen, after one warm-up run).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "erkou-2023.nianbao"


def folder_mb(path: Path) -> float:
    return sum(p.lstat().st_size for p in path.rglob("*") if not p.is_dir()) / 1e6


def build(dist: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "--dist", str(dist),
                    "--work", str(dist.parent / "work")], check=True, capture_output=True)
    return time.perf_counter() - start


def start_times(executable: Path, folder: Path, runs: int) -> list[float]:
    env = {"PATH": os.defpath, "HOME": str(folder), "XDG_CONFIG_HOME": str(folder / "config"),
           "XDG_DATA_HOME": str(folder / "data"), "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen",
           "NIANBAO_SMOKE_TEST": "1"}
    report = folder / "erkou.nianbao"
    shutil.copy(SAMPLE, report)
    times = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        with subprocess.Popen([str(executable), str(report)], env=env, cwd=folder, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True, encoding="utf-8") as process:
            assert process.stdout is not None
            line = process.stdout.readline()
            shown = time.perf_counter() - start
            process.wait(timeout=60)
        if not line.startswith("NIANBAO_SMOKE_TEST ok"):
            raise RuntimeError(f"the frozen app did not show the report: {line!r}")
        times.append(shown)
    return times[1:]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, help="an existing build (default: build one now)")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="nianbao-bench-") as temporary:
        folder = Path(temporary)
        dist = args.dist
        if dist is None:
            dist = folder / "dist"
            print(f"build (packaging/build.py, bundle and .deb): {build(dist):.0f} s")
        bundle = dist / "nianbao"
        fonts = folder_mb(bundle / "_internal" / "resources" / "fonts")
        print(f"bundle: {folder_mb(bundle):.1f} MB, of which fonts {fonts:.1f} MB (target < 150 MB)")
        debs = sorted(dist.glob("nianbao_*.deb"))
        print(f".deb (xz): {debs[-1].stat().st_size / 1e6:.1f} MB" if debs else ".deb: none built")
        executable = bundle / ("nianbao-cli.exe" if sys.platform == "win32" else "nianbao")
        (folder / "run").mkdir()
        times = start_times(executable, folder / "run", args.runs)
        print(f"start to shown window with a report: median {statistics.median(times):.3f} s, "
              f"min {min(times):.3f} s, max {max(times):.3f} s over {len(times)} runs (target < 1 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
