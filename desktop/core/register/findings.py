"""The register against the report: typed figures that differ from it, and the carry-over from last year.
Each finding names the register rows behind the figure; a difference has the register's value as its fix."""

from __future__ import annotations

from collections import Counter

from desktop.core.checks.findings import Finding, Fix, Severity
from desktop.core.register.applications import Application
from desktop.core.register.tally import Tally
from desktop.core.report import PreviousYear, Report
from desktop.core.table_edits import takes_typing
from desktop.core.tablespec import CELLS, T3, cell_key

# The register's own rules, all warnings: the register may be the one that is wrong.
DIFFERS = "R-01"  # a typed figure is not the register's
MISSING_CARRY = "R-02"  # an application open at the end of last year's register is not in this year's
CARRY_DIFFERS = "R-03"  # the register's 上年结转 is not last year's report's 结转下年度
LINES_SHOWN = 10


def lines_text(lines: list[int]) -> str:
    if not lines:
        return "台账中没有"
    shown = "、".join(str(n) for n in sorted(lines)[:LINES_SHOWN])
    more = f"等{len(lines)}行" if len(lines) > LINES_SHOWN else "行"
    return f"台账第{shown}{more}"


def against_typed(report: Report, tally: Tally) -> list[Finding]:
    """R-01: a typed figure (not a blank) that is not the register's. Totals the editor computes follow their
    parts, so they are compared only when the clerk types totals by hand."""
    found = []
    for key, counted in tally.cells.items():
        typed = report.cells[key]
        if typed is None or typed == counted or not takes_typing(key, report.manual_totals):
            continue
        lines = tally.sources[key]
        message = f"{CELLS[key].label}：填的是{typed}，台账中是{counted}件（{lines_text(lines)}）"
        fix = Fix(f"采用台账数值{counted}", ((key, counted),))
        found.append(Finding(DIFFERS, Severity.WARNING, (key,), message, fix))
    return found


def register_values(report: Report, tally: Tally) -> list[tuple[str, int]]:
    """The register's figures as one edit would write them: the cells the clerk may type."""
    return [(key, value) for key, value in tally.cells.items() if takes_typing(key, report.manual_totals)]


def _identity(app: Application) -> tuple[str, ...]:
    return ("ref", app.ref) if app.ref else ("date", app.received.isoformat(), app.applicant)


def missing_carry_over(last_open: list[Application], this_year: list[Application], source: str) -> list[Finding]:
    """R-02: an application open at the end of last year's register must be in this year's register, found
    by its 登记编号 where both registers have one, else by its date received and its applicant type."""
    here = Counter(_identity(app) for app in this_year)
    found = []
    for app in last_open:
        identity = _identity(app)
        if here[identity] > 0:
            here[identity] -= 1
            continue
        key = cell_key("t3", "carried_in", app.applicant)
        who = T3.column(app.applicant).label
        named = f"（编号{app.ref}）" if app.ref else ""
        message = (f"{source}第{app.line}行的申请{named}（{app.received.isoformat()}收到，{who}）到上年底尚未办结，"
                   "本年台账中却没有它；上年结转的申请应登记在本年台账中")
        found.append(Finding(MISSING_CARRY, Severity.WARNING, (key,), message))
    return found


def carry_against_last_report(previous: PreviousYear, tally: Tally) -> list[Finding]:
    """R-03: the register's carried-in applications against last year's report's 结转下年度, column by column."""
    found = []
    for column in T3.columns:
        last = previous.cells.get(cell_key("t3", "carried_out", column))
        key = cell_key("t3", "carried_in", column)
        counted = tally.cells[key]
        if last is None or last == counted:
            continue
        how = "只有" if counted < last else "却有"
        message = (f"{previous.year}年报告的{T3.row('carried_out').short}（{column.label}）为{last}件，"
                   f"本年台账中上年结转的{how}{counted}件（{lines_text(tally.sources[key])}）")
        found.append(Finding(CARRY_DIFFERS, Severity.WARNING, (key,), message))
    return found
