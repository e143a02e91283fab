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
