"""A check of long texts takes time and memory in proportion to the text, and a text finding's fix holds no
copy of its field until it is used."""

from __future__ import annotations

import datetime as dt
import time
import tracemalloc

from desktop.core.checks import Fix, check
from desktop.core.narrative.claims import SpliceFix
from desktop.core.narrative.rules import clear_caches
from desktop.core.report import Report
from tests.core.test_narrative_texts import HUAIAN_TEXT, huaian_with_text

WRONG = "全市共受理政府信息公开申请3120件。"  # table 三 says 3119


def _long(repeats: int) -> Report:
    report = huaian_with_text()
    for key, text in HUAIAN_TEXT.items():
        report.text[key] = (text + WRONG) * repeats
    return report


def _measured(repeats: int) -> tuple[float, int, int]:
    report = _long(repeats)
    clear_caches()
    tracemalloc.start()
    start = time.perf_counter()
    findings = check(report, today=dt.date(2025, 1, 10))
    seconds = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    clear_caches()
    return seconds, peak, len(findings)


def test_time_and_memory_grow_linearly_with_the_text() -> None:
    small_seconds, small_peak, small_found = _measured(8)
    large_seconds, large_peak, large_found = _measured(80)
    assert large_found > 5 * small_found
    assert large_peak < 20 * small_peak  # ten times the text; squared growth would be a hundred times
    assert large_seconds < 25 * small_seconds + 0.5


def test_a_fix_writes_its_field_only_when_used() -> None:
    report = _long(3)
    text = report.text["text.s1.on_request"]
    fixes = [f.fix for f in check(report, today=dt.date(2025, 1, 10))
             if f.cells[0] == "text.s1.on_request" and isinstance(f.fix, SpliceFix)]
    assert fixes
    (key, corrected), = fixes[0].values
    assert key == "text.s1.on_request" and len(corrected) == len(text)
    assert corrected.count("3120件") == text.count("3120件") - 1


def test_comparing_two_checks_of_a_long_text_writes_no_field_out(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A check after every edit is compared with the last one; a splice is compared as a splice."""
    report = _long(40)
    before, after = check(report, today=dt.date(2025, 1, 10)), check(report, today=dt.date(2025, 1, 10))
    written = []
    values = SpliceFix.values
    monkeypatch.setattr(SpliceFix, "values", property(lambda fix: written.append(fix) or values.fget(fix)))
    assert sum(isinstance(f.fix, SpliceFix) for f in before) > 100
    assert before == after
    assert not written


def test_a_splice_equals_what_it_writes() -> None:
    text = "全市共受理政府信息公开申请3120件。"
    same = "".join(list(text))  # equal, another string
    splice = SpliceFix("改", "text.preamble", text, 13, 17, "3119")
    assert splice == SpliceFix("改", "text.preamble", same, 13, 17, "3119")
    assert splice == Fix("改", (("text.preamble", "全市共受理政府信息公开申请3119件。"),))
    corrected = "全市共受理政府信息公开申请3119件。"
    assert splice == SpliceFix("改", "text.preamble", corrected, 13, 17, "3119")  # changes nothing: the same result
    assert splice != SpliceFix("改", "text.preamble", text, 13, 17, "311")
    assert splice != SpliceFix("改", "text.preamble", text, 13, 17, "3118")
    assert splice != SpliceFix("改", "text.s6", text, 13, 17, "3119")
    assert splice != SpliceFix("改为", "text.preamble", text, 13, 17, "3119")
