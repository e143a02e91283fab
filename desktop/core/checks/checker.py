"""Runs every rule over a report. New rule families register by appending to RULE_FUNCTIONS."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from desktop.core.checks.context import CheckContext
from desktop.core.checks.equations import check_equations
from desktop.core.checks.findings import Finding
from desktop.core.checks.house_rules import HOUSE_CHECKS
from desktop.core.checks.section_rules import SECTION_RULES
from desktop.core.checks.table_rules import BLANK_RULES, TABLE_RULES
from desktop.core.checks.two_sided import with_table_fixes
from desktop.core.lastyear import last_year_of
from desktop.core.narrative.rules import NARRATIVE_RULES
from desktop.core.report import PreviousYear, Report

Rule = Callable[[CheckContext], list[Finding]]

RULE_FUNCTIONS: list[Rule] = [
    lambda ctx: check_equations(ctx.report.cells),
    *TABLE_RULES,
    *SECTION_RULES,
    *NARRATIVE_RULES,
    *HOUSE_CHECKS,
]


def check(report: Report, previous: PreviousYear | None = None, today: dt.date | None = None) -> list[Finding]:
    """All findings, errors first. ``previous`` defaults to the last-year values kept in the report, and is
    used only when it is of the year before the report's (``last_year_of``)."""
    ctx = CheckContext(report, last_year_of(report, previous), today or dt.date.today())
    with _no_cycle_collection():
        return with_table_fixes(ctx, _run(ctx), _run)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """A check of a long text makes hundreds of thousands of small objects and no reference cycles: Python's
    cycle collector would walk them again and again (a quarter of the time at 1 MB per section) and find
    nothing. Objects are still freed as they go; the collector is back when the check ends."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _run(ctx: CheckContext) -> list[Finding]:
    findings: list[Finding] = []
    for rule in RULE_FUNCTIONS:
        findings.extend(rule(ctx))
    findings.sort(key=lambda f: (f.severity.rank, f.rule in BLANK_RULES))  # blanks after real inconsistencies
    return findings
