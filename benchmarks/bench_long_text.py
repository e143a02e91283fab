"""How a full check grows with the length of the text. Target: linear; 1 MB per section under 1 s and 300 MB.

Every text field of the Huaian report is filled to 10 KB, 100 KB and 1 MB with the report's own sentences
and, every few sentences, one whose figure disagrees with table 三 (so the checker has findings to make, one
per repetition). Each size runs in a fresh process, so the peak resident memory printed is that check's own
(the interpreter and the libraries, about 60 MB, included).

    python benchmarks/bench_long_text.py            # all three sizes
    python benchmarks/bench_long_text.py 1048576    # one size, in this process
"""

from __future__ import annotations

import datetime as dt
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SIZES = (10 * 1024, 100 * 1024, 1024 * 1024)
WRONG = "全市共受理政府信息公开申请3120件。"  # table 三 says 3119


def long_report(size: int):  # type: ignore[no-untyped-def]
    """The Huaian report with every text field repeated to about ``size`` bytes of UTF-8."""
    from tests.core.test_narrative_texts import HUAIAN_TEXT, huaian_with_text

    report = huaian_with_text()
    for key, text in HUAIAN_TEXT.items():
        unit = text + WRONG
        repeats = max(1, size // len(unit.encode()))
        report.text[key] = unit * repeats
    return report


def measure_one(size: int) -> dict[str, float]:
    from desktop.core.checks import check

    report = long_report(size)
    characters = sum(len(t) for t in report.text.values())
    start = time.perf_counter()
    findings = check(report, today=dt.date(2025, 1, 10))
    elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"size": size, "characters": characters, "seconds": elapsed, "peak_mb": peak_mb,
            "findings": len(findings)}


def main(argv: list[str]) -> None:
    if argv:
        print(json.dumps(measure_one(int(argv[0]))))
        return
    print("full check of a report with long texts (target: linear; 1 MB per section < 1 s, < 300 MB):")
    for size in SIZES:
        done = subprocess.run([sys.executable, __file__, str(size)], capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(f"  {size // 1024:>5} KB per section: failed (exit {done.returncode}) {done.stderr[-300:]}")
            continue
        r = json.loads(done.stdout)
        print(f"  {size // 1024:>5} KB per section ({int(r['characters'])} characters): "
              f"{r['seconds'] * 1000:.0f} ms, peak {r['peak_mb']:.0f} MB, {int(r['findings'])} findings")


if __name__ == "__main__":
    main(sys.argv[1:])
