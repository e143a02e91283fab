"""Runs every rule over a report. New rule families register by appending to RULE_FUNCTIONS."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

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
    return with_table_fixes(ctx, _run(ctx), _run)


def _run(ctx: CheckContext) -> list[Finding]:
    findings: list[Finding] = []
    for rule in RULE_FUNCTIONS:
        findings.extend(rule(ctx))
    findings.sort(key=lambda f: (f.severity.rank, f.rule in BLANK_RULES))  # blanks after real inconsistencies
    return findings
