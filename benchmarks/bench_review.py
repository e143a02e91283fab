"""How long ``nianbao review`` takes for a county's 1,000 received reports: 600 texts, 250 web pages and
150 PDFs (the Huaian PDF and exported ones), then the same with last year's 600 texts to pair. And the
throughput of ``nianbao check`` over many files, one by one and on all the cores.

Run: ``.venv/bin/python benchmarks/bench_review.py``. Targets on 2 cores: 1,000 reports under 60 s;
check at least 300 text pages/s (the portal pages of tests/data/portal, as saved from a browser) and 20
PDFs/s. Whole reports saved as text (the 耳口乡 report) are timed too.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.commands import check as check_command  # noqa: E402
from desktop.core.report import Report  # noqa: E402
from desktop.io.importing import import_file  # noqa: E402
from desktop.io.pdf.export import export_pdf  # noqa: E402
from desktop.io.review_pool import ordered_map, worker_count  # noqa: E402
from desktop.io.review_run import review_folder  # noqa: E402
from tests.fixtures.reports import PORTAL, REPO, SAMPLES  # noqa: E402

CORPUS = REPO / "tests" / "io" / "corpus"
NAMES = "东西南北上下前后左右金木水火土山川河湖石"


def town(i: int) -> str:
    return f"{NAMES[i % 20]}{NAMES[(i // 20) % 20]}{NAMES[(i // 400) % 20]}乡"


def make_folder(folder: Path, counts: tuple[int, int, int] = (600, 250, 150), year: int = 2023) -> None:
    folder.mkdir(parents=True)
    text = (SAMPLES / "erkou-2023.txt").read_text(encoding="utf-8")
    page = (CORPUS / "portal-page.html").read_text(encoding="utf-8")
    if year != 2023:
        text = text.replace("2023", str(year)).replace("2024", str(year + 1))
    texts, pages, pdfs = counts
    for i in range(texts):
        (folder / f"t{i:04}.txt").write_text(text.replace("耳口乡", town(i)), encoding="utf-8")
    for i in range(pages):
        (folder / f"h{i:04}.html").write_text(page.replace("耳口乡", town(texts + i)), encoding="utf-8")
    exported = []
    for i in range(5):
        report: Report = import_file(SAMPLES / "erkou-2023.txt").report
        report.meta.agency = town(2000 + i)
        exported.append(folder / f"p-exported-{i}.pdf")
        export_pdf(report, exported[-1])
    for i in range(pdfs - len(exported)):
        source = SAMPLES / "huaian-2024.pdf" if i % 3 else exported[i % len(exported)]
        shutil.copy(source, folder / f"p{i:04}.pdf")


def timed_review(folder: Path, last_year: Path | None, workers: int) -> float:
    start = time.perf_counter()
    reviews = review_folder(folder, last_year, workers=workers)
    elapsed = time.perf_counter() - start
    assert not any(r.failed for r in reviews)
    return elapsed


def check_rate(files: list[str], workers: int) -> float:
    options = check_command.Options(None, None, False, False)
    start = time.perf_counter()
    for _ in ordered_map(check_command._checked, files, workers=workers, initializer=check_command._configure,
                         initargs=(options,)):
        pass
    return len(files) / (time.perf_counter() - start)


def _busy(_: int) -> int:
    total = 0
    for i in range(300_000):
        total += i
    return total


def machine_speedup(cores: int) -> float:
    """What all the cores give over one right now, for a loop that shares nothing: on a shared machine
    other work takes its part, and no pool can do better than this."""
    items = list(range(40 * cores))
    start = time.perf_counter()
    list(ordered_map(_busy, items, workers=1))
    alone = time.perf_counter() - start
    start = time.perf_counter()
    list(ordered_map(_busy, items, workers=cores))
    return alone / (time.perf_counter() - start)


def peak_memory() -> str:
    try:
        import resource
    except ImportError:  # Windows
        return "largest resident memory: not measured on this system"
    mine, worker = (resource.getrusage(who).ru_maxrss / 1024 for who in (resource.RUSAGE_SELF,
                                                                           resource.RUSAGE_CHILDREN))
    return f"largest resident memory: this process {mine:.0f} MB, a worker {worker:.0f} MB"  # ru_maxrss is in KB


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=1000)
    count = parser.parse_args().reports
    counts = (count * 6 // 10, count // 4, count - count * 6 // 10 - count // 4)
    cores = worker_count()
    with tempfile.TemporaryDirectory() as tmp:
        received, last_year = Path(tmp) / "received", Path(tmp) / "last-year"
        make_folder(received, counts)
        make_folder(last_year, (counts[0], 0, 5), year=2022)
        print(f"{count} reports ({counts[0]} text, {counts[1]} HTML, {counts[2]} PDF), {cores} cores; "
              f"a busy loop runs {machine_speedup(cores):.2f}× as fast on all of them as on one")
        print(f"review, all cores:                 {timed_review(received, None, cores):6.1f} s")
        print(f"review, all cores, last year paired: {timed_review(received, last_year, cores):4.1f} s "
              f"(+{counts[0] + 5} last-year files)")
        print(f"review, one core:                  {timed_review(received, None, 1):6.1f} s")
        print(peak_memory())
        pages = Path(tmp) / "portal"
        pages.mkdir()
        for i in range(100):
            for source in sorted(PORTAL.glob("*.txt")):
                shutil.copy(source, pages / f"{i:03}-{source.name}")
        portal = sorted(str(p) for p in pages.iterdir())
        texts = sorted(str(p) for p in received.glob("t*.txt"))
        pdfs = sorted(str(p) for p in received.glob("p*.pdf"))
        for name, files in (("portal text pages", portal), ("whole text reports", texts), ("PDFs", pdfs)):
            print(f"check {name}: one core {check_rate(files, 1):6.1f}/s, all cores {check_rate(files, cores):6.1f}/s")


if __name__ == "__main__":
    main()
