"""Linking a report to last year's, and starting next year's report from this one."""

from __future__ import annotations

from desktop.core.report import Meta, PreviousYear, Report
from desktop.core.tablespec import T3_COLUMNS
from desktop.core.totals import computed_totals


def snapshot(report: Report) -> PreviousYear:
    """The values of a report that next year's checks need (T3-05, T2-03, T3-07, T4-04, S-04)."""
    return PreviousYear(
        year=report.meta.year, agency=report.meta.agency, cells=dict(report.cells), text=dict(report.text)
    )


def link_previous(report: Report, last_year: Report) -> None:
    report.previous = snapshot(last_year)


def next_year(report: Report) -> Report:
    """Next year's report: same agency and level, carried_in = this year's carried_out, texts empty."""
    successor = Report(
        meta=Meta(agency=report.meta.agency, level=report.meta.level, year=report.meta.year + 1),
        previous=snapshot(report),
        manual_totals=report.manual_totals,
    )
    for col, _ in T3_COLUMNS:
        successor.cells[f"t3.carried_in.{col}"] = report.cells[f"t3.carried_out.{col}"]
    if not successor.manual_totals:
        successor.cells.update(computed_totals(successor.cells))
    return successor
