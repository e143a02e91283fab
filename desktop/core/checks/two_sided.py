"""Text against table: which side to correct. A number in the text that disagrees with a table figure is
fixed in the text by default (「将文中的“3件”改为“2件”」). Where the figure is one cell the clerk types, and
writing the text's number there settles the finding without anything else disagreeing that did not before
(the tables with themselves, or with other sentences), the text is the likelier truth: the finding offers
「改表格」 beside 「改文字」, and the clerk chooses.

Each offer costs one more check of the report, so only short reports and a few findings get one."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from desktop.core.checks.context import CheckContext
from desktop.core.checks.findings import Finding, Fix
from desktop.core.edits import apply, plan_many
from desktop.core.fields import TEXT_BY_KEY
from desktop.core.narrative.numerals import NUMERAL, fold, numeral_value
from desktop.core.table_edits import takes_typing
from desktop.core.tablespec import CELLS

TWO_SIDED_RULES = frozenset({"N-02", "N-03", "N-05", "N-06"})
MAX_OFFERS = 8  # findings tried for 「改表格」 per check: each try is one more check
MAX_TEXT = 50_000  # characters of text: a longer report is checked off the UI thread, and only once
_NUMBER = re.compile(NUMERAL)
Run = Callable[[CheckContext], list[Finding]]


def _state(findings: list[Finding]) -> set[tuple[str, tuple[str, ...]]]:
    """Findings by rule and cells: the figures in a message may change while the finding stays."""
    return {(f.rule, f.cells) for f in findings}


def _claimed(finding: Finding, text: str) -> int | None:
    (span,) = finding.spans
    match = _NUMBER.match(fold(text), span.start)
    value = numeral_value(match.group()) if match else None
    return value if isinstance(value, int) else None


def _candidate(ctx: CheckContext, finding: Finding) -> tuple[str, int] | None:
    """The typed cell and the text's number, where writing one into the other may settle the finding."""
    if finding.rule not in TWO_SIDED_RULES or finding.fix is None or len(finding.spans) != 1:
        return None
    report = ctx.report
    key = finding.spans[0].key
    cells = [k for k in finding.cells if k in CELLS]
    if key not in TEXT_BY_KEY or len(cells) != 1 or not takes_typing(cells[0], report.manual_totals):
        return None
    value = _claimed(finding, report.text[key])
    if value is None or value == report.cells[cells[0]]:
        return None
    return cells[0], value


def table_fix(ctx: CheckContext, finding: Finding, findings: list[Finding], run: Run,
              candidate: tuple[str, int]) -> Fix | None:
    cell, value = candidate
    changed = ctx.report.model_copy(deep=True)
    apply(changed, plan_many(changed, [(cell, value)]))
    if not _state(run(dataclasses.replace(ctx, report=changed))) <= _state(findings) - _state([finding]):
        return None  # something would disagree that did not: the text is the likelier slip
    return Fix(f"将{CELLS[cell].label}改为{value}", ((cell, value),))


def with_table_fixes(ctx: CheckContext, findings: list[Finding], run: Run) -> list[Finding]:
    """The findings, in the same order, with 「改表格」 where the table side may be corrected; ``run`` is
    the checker's rules (without this step). At most MAX_OFFERS findings are tried, each one more check."""
    if sum(map(len, ctx.report.text.values())) > MAX_TEXT:
        return findings
    result = []
    tried = 0
    for finding in findings:
        candidate = _candidate(ctx, finding) if tried < MAX_OFFERS else None
        fix = None
        if candidate is not None:
            tried += 1
            fix = table_fix(ctx, finding, findings, run, candidate)
        result.append(dataclasses.replace(finding, table_fix=fix) if fix is not None else finding)
    return result
