"""How long a full check of a fully filled report takes, in process. Target: under 5 ms with the narrative rules.

Three reports: the Huaian tables with short texts; the Huaian tables with the Huaian report's own text and the
township's 2023 text linked as last year's (so S-04 compares them); and the township report with its own text.
Texts are read once and kept, so three situations are timed for the written reports:
- after a table edit: no text changed since the last check;
- while typing: one text field changed since the last check;
- after opening a file: nothing read yet.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.core.checks import check  # noqa: E402
from desktop.core.lastyear import snapshot  # noqa: E402
from desktop.core.narrative.rules import clear_caches  # noqa: E402
from desktop.core.report import Report  # noqa: E402
from tests.core.test_narrative_texts import huaian_with_text  # noqa: E402
from tests.fixtures.reports import huaian, seed  # noqa: E402

TODAY = dt.date(2025, 1, 10)


def written_huaian() -> Report:
    report = huaian_with_text()
    last_year = seed()
    last_year.meta.year = 2023
    report.previous = snapshot(last_year)
    return report


def timed(report: Report, before: Callable[[], None] = lambda: None, runs: int = 2000) -> list[float]:
    for _ in range(100):
        before()
        check(report, today=TODAY)
    times = []
    for _ in range(runs):
        before()
        start = time.perf_counter()
        check(report, today=TODAY)
        times.append(time.perf_counter() - start)
    return times


def typing(report: Report, key: str = "text.s1.on_request") -> Callable[[], None]:
    original = report.text[key]
    state = {"n": 0}

    def type_one_character() -> None:
        state["n"] += 1
        report.text[key] = f"{original}{state['n']}"  # a text never seen before

    return type_one_character


def line(what: str, times: list[float]) -> str:
    median = statistics.median(times) * 1000
    p95 = sorted(times)[int(len(times) * 0.95)] * 1000
    return f"{what}: median {median:.3f} ms, p95 {p95:.3f} ms over {len(times)} runs"


def measure() -> list[str]:
    short = huaian()
    last_year = huaian()
    last_year.meta.year = 2023  # the year-on-year rules use only the year before the report's
    short_previous = snapshot(last_year)
    results = [line("Huaian tables, short texts, last year linked", timed_with_previous(short, short_previous))]
    for name, report in (("Huaian tables and text, township text as last year", written_huaian()),
                         ("township report and text", seed())):
        characters = sum(len(t) for t in report.text.values())
        results.append(line(f"{name} ({characters} characters), after a table edit", timed(report)))
        results.append(line(f"{name}, while typing in one field", timed(report, typing(report))))
        results.append(line(f"{name}, after opening (nothing read yet)", timed(report, clear_caches, runs=500)))
    return results


def timed_with_previous(report: Report, previous: object) -> list[float]:
    report.previous = previous  # type: ignore[assignment]
    return timed(report)


if __name__ == "__main__":
    print("full check, narrative rules included (target < 5 ms):")
    for result in measure():
        print("  " + result)
