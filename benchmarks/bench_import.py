"""Import time of each sample report, in a fresh interpreter per sample so that the first import
(which loads PDFium or python-docx) is measured as a clerk meets it.

Run: ``.venv/bin/python benchmarks/bench_import.py``. Target: under 1 s for the PDF.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "tests" / "data" / "samples"
CORPUS = REPO / "tests" / "io" / "corpus"
FILES = [SAMPLES / "erkou-2023.txt", SAMPLES / "template-2021.docx", SAMPLES / "huaian-2024.pdf",
         CORPUS / "portal-page.html", CORPUS / "portal-page-ie.mht", CORPUS / "word97" / "exported.doc"]
RUNS = 5

_CHILD = """
import json, sys, time
from pathlib import Path
start = time.perf_counter()
from desktop.io.importing import import_file
loaded = time.perf_counter()
import_file(Path(sys.argv[1]))
first = time.perf_counter()
import_file(Path(sys.argv[1]))
again = time.perf_counter()
print(json.dumps({"api": loaded - start, "first": first - loaded, "again": again - first}))
"""


def measure(path: Path) -> dict[str, float]:
    runs = []
    for _ in range(RUNS):
        out = subprocess.run([sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True,
                             check=True, cwd=REPO).stdout
        runs.append(json.loads(out))
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def main() -> None:
    print(f"{'file':<24}{'import API':>12}{'first import':>14}{'again':>10}   (median of {RUNS}, seconds)")
    for path in (p for p in FILES if p.exists()):
        times = measure(path)
        print(f"{path.name:<24}{times['api']:>12.3f}{times['first']:>14.3f}{times['again']:>10.3f}")


if __name__ == "__main__":
    main()
