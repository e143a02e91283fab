"""How a full check grows with texts of one shape repeated: lists, 分别, 均获维持, and pastes that lost their
punctuation (no full stop, no comma at all). Target: linear, so 4× the text takes about 4× the time.

Each shape fills 六、其他 of the Huaian report, 2,000 and then 8,000 times, with the text caches cleared.

    python benchmarks/bench_hostile_text.py
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.core.checks import check  # noqa: E402
from desktop.core.narrative.rules import clear_caches  # noqa: E402
from tests.fixtures.reports import huaian  # noqa: E402

SHAPES = {
    "其中 lists": "主动公开政府信息103条，其中规章18条、规范性文件14条、其他21条。",
    "分别 lists": "予以公开、部分公开分别为1件、2件；",
    "均获维持, no full stop": "行政复议3件，均获维持，",
    "未收到, no full stop": "未收到政府信息公开申请，",
    "counts, no full stop": "受理申请3件，",
    "counts, no punctuation": "受理申请3件申请",
    "brackets never closed": "（（（（（（（（（（受理3件",
}
SIZES = (2000, 8000)


def timed(unit: str, repeats: int) -> float:
    report = huaian()
    report.text["text.s6"] = unit * repeats
    clear_caches()
    start = time.perf_counter()
    check(report, today=dt.date(2025, 1, 10))
    return time.perf_counter() - start


def main() -> None:
    print(f"full check, one shape repeated {SIZES[0]} and {SIZES[1]} times in 六、其他 (target: ratio about "
          f"{SIZES[1] // SIZES[0]}):")
    for name, unit in SHAPES.items():
        small, large = (timed(unit, n) for n in SIZES)
        print(f"  {name:<24} {len(unit) * SIZES[0]:>7} characters {small * 1000:7.0f} ms, "
              f"{len(unit) * SIZES[1]:>7} characters {large * 1000:7.0f} ms, ratio {large / small:4.1f}")


if __name__ == "__main__":
    main()
