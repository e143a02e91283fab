"""Linking a report to last year's, and starting next year's report from this one."""

from __future__ import annotations

from desktop.core.report import Meta, PreviousYear, Report
from desktop.core.tablespec import T3, cell_key
from desktop.core.totals import computed_totals


def snapshot(report: Report) -> PreviousYear:
    """The values of a report that next year's checks need (T3-05, T2-03, T3-07, T4-04, S-04)."""
    return PreviousYear(
        year=report.meta.year, agency=report.meta.agency, cells=dict(report.cells), text=dict(report.text)
    )


def _is_year_before(report: Report, previous: PreviousYear) -> bool:
    return previous.year == report.meta.year - 1


def not_last_year(report: Report, previous: PreviousYear) -> str | None:
    """Why ``previous`` cannot be this report's last year, in a sentence for the clerk; None when it can."""
    if _is_year_before(report, previous):
        return None
    return (f"所选报告是{previous.year}年度的，本报告为{report.meta.year}年度，"
            f"衔接校验需要{report.meta.year - 1}年度的报告")


def last_year_of(report: Report, previous: PreviousYear | None = None) -> PreviousYear | None:
    """The last-year values the year-on-year rules may use: ``previous`` (default: those kept in the report),
    and only when they are of the year before the report's. Another year's values would make every
    carry-over rule compare the wrong figures."""
    previous = previous if previous is not None else report.previous
    return previous if previous is not None and _is_year_before(report, previous) else None


def link_previous(report: Report, last_year: Report) -> None:
    report.previous = snapshot(last_year)


def next_year(report: Report) -> Report:
    """Next year's report: same agency and level, carried_in = this year's carried_out, texts empty."""
    successor = Report(
        meta=Meta(agency=report.meta.agency, level=report.meta.level, year=report.meta.year + 1),
        previous=snapshot(report),
        manual_totals=report.manual_totals,
    )
    for column in T3.columns:
        successor.cells[cell_key("t3", "carried_in", column)] = report.cells[cell_key("t3", "carried_out", column)]
    if not successor.manual_totals:
        successor.cells.update(computed_totals(successor.cells))
    return successor
