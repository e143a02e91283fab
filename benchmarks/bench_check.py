"""How long a full check of a fully filled report takes, in process. Target: under 1 ms."""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.core.checks import check  # noqa: E402
from desktop.core.lastyear import snapshot  # noqa: E402
from tests.fixtures.reports import huaian  # noqa: E402


def measure(runs: int = 2000) -> list[float]:
    report = huaian()
    previous = snapshot(huaian())
    today = dt.date(2025, 1, 10)
    for _ in range(100):
        check(report, previous=previous, today=today)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        check(report, previous=previous, today=today)
        times.append(time.perf_counter() - start)
    return times


if __name__ == "__main__":
    times = measure()
    print(f"full check, fully filled report with last year linked: median {statistics.median(times) * 1000:.3f} ms, "
          f"p95 {sorted(times)[int(len(times) * 0.95)] * 1000:.3f} ms over {len(times)} runs (target < 1 ms)")
