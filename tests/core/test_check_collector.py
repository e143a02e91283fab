"""A check pauses Python's cycle collector while it runs, and always gives it back."""

from __future__ import annotations

import gc

import pytest

from desktop.core.checks import check, checker
from tests.fixtures.reports import huaian


def test_the_collector_is_back_after_a_check() -> None:
    assert gc.isenabled()
    seen = []
    checker.RULE_FUNCTIONS.append(lambda ctx: seen.append(gc.isenabled()) or [])
    try:
        check(huaian())
    finally:
        checker.RULE_FUNCTIONS.pop()
    assert seen and not any(seen)
    assert gc.isenabled()


def test_the_collector_is_back_after_a_rule_fails() -> None:
    def broken(ctx):  # type: ignore[no-untyped-def]
        raise RuntimeError("broken rule")

    checker.RULE_FUNCTIONS.append(broken)
    try:
        with pytest.raises(RuntimeError):
            check(huaian())
    finally:
        checker.RULE_FUNCTIONS.pop()
    assert gc.isenabled()


def test_a_collector_switched_off_by_the_caller_stays_off() -> None:
    gc.disable()
    try:
        check(huaian())
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_what_a_long_check_keeps_goes_to_the_oldest_generation() -> None:
    """Its clauses and findings are not walked again by the young generations' collections."""
    report = huaian()
    report.text["text.s6"] = "全市共受理政府信息公开申请3120件，办结3153件。" * 6000
    gc.collect()  # the generations as a fresh app has them: the next collection is a young one
    findings = check(report)
    assert gc.isenabled() and gc.get_freeze_count() == 0
    assert any(o is findings for o in gc.get_objects(generation=2))


def test_what_a_short_check_makes_stays_young() -> None:
    gc.collect()
    findings = check(huaian())
    assert not any(o is findings for o in gc.get_objects(generation=2))
