"""Every row of the speed table (issue 18), measured in one run, each "before" next to its "after".

    python benchmarks/bench_speed.py                       # this checkout only
    python benchmarks/bench_speed.py --before 153ffbe      # and a git revision, in a temporary worktree
    python benchmarks/bench_speed.py --before 153ffbe --after HEAD   # two commits, not the working tree
    python benchmarks/bench_speed.py --dist dist --dist-before old/dist --setup-exe … --setup-exe-before …

Runs of the compared commands alternate (before, after, LibreOffice, before, after, …), so that a busy
machine slows all of them alike; medians and their ratios are printed with the load average. Python runs
as an installed app does: with its bytecode cache (in a temporary folder), and with the font cache of
the run warmed once, except in the row that measures a cold font cache on purpose.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "erkou-2023.nianbao"


@dataclass
class Run:
    wall: float
    cpu: float
    peak_mib: float


def measured(args: list[str], env: dict[str, str], cwd: Path, until: str | None = None) -> Run:
    """Wall time to exit (or to the first output line starting with ``until``), CPU time and peak memory
    of the process, with the children it waited for (as wait4 counts them: LibreOffice is three)."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(args, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=errors, text=True,
                                   encoding="utf-8", errors="replace")
        assert process.stdout is not None
        wall = None
        for line in process.stdout:
            if until is not None and wall is None and line.startswith(until):
                wall = time.perf_counter() - start
        process.stdout.close()
        _, status, usage = os.wait4(process.pid, 0)
        total = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0 or (until is not None and wall is None):
            errors.seek(0)
            raise RuntimeError(f"{' '.join(args[:4])} failed ({process.returncode}): {errors.read()[-2000:]!r}")
    return Run(total if wall is None else wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def median(runs: list[Run], field: str) -> float:
    return statistics.median(getattr(run, field) for run in runs)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.2f}/{five:.2f} on {os.cpu_count()} cores"


@dataclass
class Tree:
    """A checkout to measure: its source folder and an environment that runs it as installed."""

    label: str
    root: Path
    env: dict[str, str]

    def python(self, *args: str) -> list[str]:
        return [sys.executable, *args]


def make_tree(label: str, root: Path, scratch: Path) -> Tree:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPATH=str(root), PYTHONPYCACHEPREFIX=str(scratch / "pycache"), QT_QPA_PLATFORM="offscreen",
               XDG_CACHE_HOME=str(scratch / "cache"), XDG_CONFIG_HOME=str(scratch / "config"),
               XDG_DATA_HOME=str(scratch / "data"), HOME=str(scratch / "home"), LANG="C.UTF-8")
    for key in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "HOME"):
        Path(env[key]).mkdir(parents=True, exist_ok=True)
    return Tree(label, root, env)


@contextlib.contextmanager
def worktree(revision: str, folder: Path) -> Iterator[Path]:
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(folder), revision], check=True,
                   capture_output=True)
    try:
        yield folder
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(folder)], capture_output=True)


def alternate(commands: dict[str, Callable[[], Run]], runs: int) -> dict[str, list[Run]]:
    for command in commands.values():
        command()  # warm-up: disk cache, bytecode, font cache, LibreOffice's profile
    results: dict[str, list[Run]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            results[name].append(command())
    return results


def row(name: str, results: dict[str, list[Run]], fields: tuple[str, ...] = ("wall", "cpu", "peak_mib")) -> None:
    print(f"\n{name}  [{load()}]")
    for label, runs in results.items():
        parts = []
        for field in fields:
            unit = " MiB" if field == "peak_mib" else " s"
            parts.append(f"{field.replace('_mib', '')} {median(runs, field):.3f}{unit}")
        print(f"  {label:<28} median of {len(runs)}: " + ", ".join(parts))


def ratios(results: dict[str, list[Run]], against: str) -> None:
    for label in results:
        if label != against:
            wall, cpu = (median(results[label], field) / median(results[against], field) for field in ("wall", "cpu"))
            print(f"  ratio {label} / {against}: wall {wall:.2f}, CPU {cpu:.2f}")


def export_rows(trees: list[Tree], scratch: Path, runs: int, bundles: dict[str, Path]) -> None:
    work = scratch / "export"
    work.mkdir()
    report = work / "erkou-2023.nianbao"
    shutil.copy(SAMPLE, report)
    newest = trees[-1]
    commands: dict[str, Callable[[], Run]] = {}
    for tree in trees:
        args = tree.python("-m", "desktop", "export", str(report), "-o", str(work / f"{tree.label}.pdf"), "--force")
        commands[f"nianbao export ({tree.label})"] = lambda args=args, tree=tree: measured(args, tree.env, work)
    for label, dist in bundles.items():  # what the installed program runs
        args = [str(frozen_executable(dist)), "export", str(report), "-o", str(work / f"frozen-{label}.pdf"), "--force"]
        commands[f"frozen bundle ({label})"] = lambda args=args: measured(args, frozen_env(trees[-1]), work)
    soffice = shutil.which("soffice")
    if soffice:
        docx = work / "erkou-2023.docx"
        subprocess.run(newest.python("-m", "desktop", "export", str(report), "-o", str(docx), "--force"),
                       env=newest.env, cwd=work, check=True, capture_output=True)
        profile = (scratch / "lo-profile").as_uri()
        lo = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
              str(work / "lo"), str(docx)]
        commands["soffice --convert-to pdf"] = lambda: measured(lo, newest.env, work)
    results = alternate(commands, runs)
    row("`nianbao export REPORT -o x.pdf --force`, whole process, 耳口乡 report (target: ratio ≤ 0.25, peak ≤ 100 MiB)",
        results)
    if soffice:
        ratios(results, "soffice --convert-to pdf")
    else:
        print("  LibreOffice (soffice) is not installed: no comparison")

    cold_env = dict(newest.env)
    cold_runs = []
    for i in range(max(3, runs // 2)):
        cold_env["XDG_CACHE_HOME"] = str(scratch / f"cold-cache-{i}")
        args = newest.python("-m", "desktop", "export", str(report), "-o", str(work / "cold.pdf"), "--force")
        cold_runs.append(measured(args, cold_env, work))
    row("the same, font cache empty (the first export after installing)",
        {f"nianbao export ({newest.label})": cold_runs})


IN_APP_EXPORT = """
import statistics, sys, time
from pathlib import Path
from desktop.core import storage
from desktop.io.formats import renderer_for
from desktop.core.atomic_write import write_atomically
report = storage.load(sys.argv[1])
render = renderer_for(sys.argv[2])
times = []
for i in range({runs} + 2):
    start = time.perf_counter()
    write_atomically(Path(sys.argv[2]), render(report, None))
    times.append(time.perf_counter() - start)
print(" ".join(f"{{t:.5f}}" for t in (times[:1] if {first} else times[2:])))
"""

EDIT_TO_PANEL = """
import os, sys
from pathlib import Path
sys.path.insert(0, str(Path.cwd() / "benchmarks"))
import bench_editor
times = bench_editor.edit_to_panel(Path(sys.argv[1]), runs={runs})
print(" ".join(f"{{t:.5f}}" for t in times), flush=True)
os._exit(0)  # PySide6 of some revisions crashes while Python finalizes, after the measurement
"""

CHECKER = """
import sys
from pathlib import Path
sys.path.insert(0, str(Path.cwd() / "benchmarks"))
import bench_check
print("\\n".join(bench_check.measure()))
"""


def in_process(trees: list[Tree], script: str, args: list[str], rounds: int) -> dict[str, list[float]]:
    """Times printed by a script run in each tree, alternating the trees, ``rounds`` processes each."""
    results: dict[str, list[float]] = {tree.label: [] for tree in trees}
    for _ in range(rounds):
        for tree in trees:
            done = subprocess.run(tree.python("-c", script, *args), env=tree.env, cwd=tree.root,
                                  capture_output=True, text=True)
            if done.returncode != 0:
                raise RuntimeError(f"{tree.label}: exit {done.returncode}: {done.stderr[-3000:]}")
            out = done.stdout
            results[tree.label] += [float(t) for t in out.split()]
    return results


def in_app_rows(trees: list[Tree], scratch: Path, runs: int) -> None:
    folder = scratch / "in-app"
    folder.mkdir()
    export = in_process(trees, IN_APP_EXPORT.format(runs=runs, first=False), [str(SAMPLE), str(folder / "x.pdf")], 3)
    print(f"\nPDF export in the app, warm (render and write; target ≤ 0.06 s)  [{load()}]")
    for label, times in export.items():
        print(f"  {label:<28} median {statistics.median(times):.4f} s, min {min(times):.4f} s over {len(times)}")
    first = in_process(trees, IN_APP_EXPORT.format(runs=0, first=True), [str(SAMPLE), str(folder / "x.pdf")], 5)
    print(f"the first PDF export in a process (fonts loaded from their cache, every subset made)  [{load()}]")
    for label, times in first.items():
        print(f"  {label:<28} median {statistics.median(times):.4f} s, min {min(times):.4f} s over {len(times)}")

    edits = in_process(trees, EDIT_TO_PANEL.format(runs=max(60, runs * 20)), [str(folder)], 2)
    print(f"\nedit → panel updated (table 三 shown; target p95 ≤ 12 ms, max ≤ 16 ms)  [{load()}]")
    for label, times in edits.items():
        ms = [t * 1000 for t in times]
        print(f"  {label:<28} median {statistics.median(ms):.2f} ms, p95 {p95(ms):.2f} ms, max {max(ms):.2f} ms "
              f"over {len(ms)} edits")

    print(f"\nthe checker, benchmarks/bench_check.py of each revision (must not be slower)  [{load()}]")
    for tree in trees:
        done = subprocess.run(tree.python("-c", CHECKER), env=tree.env, cwd=tree.root, capture_output=True,
                              text=True, check=True)
        print(f"  {tree.label}:")
        for result in done.stdout.splitlines():
            print(f"    {result}")


def start_rows(trees: list[Tree], scratch: Path, runs: int, bundles: dict[str, Path]) -> None:
    folder = scratch / "start"
    folder.mkdir()
    report = folder / "erkou.nianbao"
    shutil.copy(SAMPLE, report)
    commands: dict[str, Callable[[], Run]] = {}
    for tree in trees:
        env = {**tree.env, "NIANBAO_SMOKE_TEST": "1"}
        args = tree.python("-m", "desktop", str(report))
        commands[f"from source ({tree.label})"] = (
            lambda args=args, env=env: measured(args, env, folder, until="NIANBAO_SMOKE_TEST ok"))
    bare = ("from PySide6.QtWidgets import QApplication, QMainWindow\nimport sys\napp = QApplication(sys.argv)\n"
            "w = QMainWindow(); w.show(); app.processEvents(); print('shown', flush=True)\n")
    commands["a bare PySide6 window"] = lambda: measured([sys.executable, "-c", bare], trees[-1].env, folder,
                                                          until="shown")
    for label, dist in bundles.items():
        executable = frozen_executable(dist)
        env = {**frozen_env(trees[-1]), "NIANBAO_SMOKE_TEST": "1"}
        commands[f"frozen bundle ({label})"] = (
            lambda executable=executable, env=env: measured([str(executable), str(report)], env, folder,
                                                            until="NIANBAO_SMOKE_TEST ok"))
    results = alternate(commands, runs)
    row("start → window shown with a report, whole process (targets: source ≤ 0.40 s, frozen ≤ 0.35 s)", results,
        ("wall", "peak_mib"))
    if not bundles:
        print("  frozen bundle: not measured (give --dist, built by packaging/build.py)")


def frozen_executable(dist: Path) -> Path:
    return dist / "nianbao" / ("nianbao-cli.exe" if sys.platform == "win32" else "nianbao")


def frozen_env(tree: Tree) -> dict[str, str]:
    env = {**tree.env, "PATH": os.defpath}
    env.pop("PYTHONPATH")
    return env


def folder_mb(path: Path) -> float:
    return sum(p.lstat().st_size for p in path.rglob("*") if not p.is_dir()) / 1e6


def size_rows(bundles: dict[str, Path], setups: dict[str, Path]) -> None:
    print("\nLinux bundle / .deb (targets ≤ 110 MB / ≤ 40 MB); Windows setup.exe (≤ 40 MB)")
    if not bundles:
        print("  not measured (give --dist and --dist-before, built by packaging/build.py)")
    for label, dist in bundles.items():
        debs = sorted(dist.glob("nianbao_*.deb"))
        deb = f"{debs[-1].stat().st_size / 1e6:.1f} MB" if debs else "none built"
        print(f"  {label:<28} bundle {folder_mb(dist / 'nianbao'):.1f} MB, .deb {deb}")
    if not setups:
        print("  setup.exe: not measured (give --setup-exe, built by packaging/windows/build_wine.py)")
    for label, setup in setups.items():
        print(f"  {label:<28} setup.exe {setup.stat().st_size / 1e6:.1f} MB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", metavar="REV", help="a git revision to compare with, e.g. the one before the work")
    parser.add_argument("--after", metavar="REV", help="a git revision instead of the working tree (which may hold "
                        "others' unfinished work)")
    parser.add_argument("--runs", type=int, default=7, help="alternating runs per command (default 7)")
    parser.add_argument("--dist", type=Path, help="packaging/build.py's output for this checkout")
    parser.add_argument("--dist-before", type=Path, help="the same for the --before revision")
    parser.add_argument("--setup-exe", type=Path, help="the Windows installer of this checkout")
    parser.add_argument("--setup-exe-before", type=Path, help="the Windows installer of the --before revision")
    parser.add_argument("--only", choices=("export", "app", "start", "size"), action="append",
                        help="measure only these rows (may be given more than once)")
    args = parser.parse_args()
    only = set(args.only or ("export", "app", "start", "size"))
    print(f"bench_speed: {time.strftime('%Y-%m-%d %H:%M:%S %Z')}, Python {sys.version.split()[0]}, {load()}")
    with tempfile.TemporaryDirectory(prefix="nianbao-speed-") as temporary:
        scratch = Path(temporary)
        with contextlib.ExitStack() as stack:
            trees = []
            if args.before:
                old = stack.enter_context(worktree(args.before, scratch / "before-tree"))
                trees.append(make_tree(f"before {args.before}", old, scratch / "before"))
            if args.after:
                new = stack.enter_context(worktree(args.after, scratch / "after-tree"))
                trees.append(make_tree(f"after {args.after}", new, scratch / "after"))
            else:
                trees.append(make_tree("now", ROOT, scratch / "now"))
            # resolved: the commands run in a scratch folder
            bundles = {label: dist.resolve() for label, dist in (("before", args.dist_before), ("now", args.dist))
                       if dist}
            setups = {label: exe.resolve() for label, exe in (("before", args.setup_exe_before),
                                                              ("now", args.setup_exe)) if exe}
            if "export" in only:
                export_rows(trees, scratch, args.runs, bundles)
            if "app" in only:
                in_app_rows(trees, scratch, args.runs)
            if "start" in only:
                start_rows(trees, scratch, args.runs, bundles)
            if "size" in only:
                size_rows(bundles, setups)
    print(f"\ndone, {load()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
