"""Linking a report to last year's, and starting next year's report from this one."""

from __future__ import annotations

from collections.abc import Mapping

from desktop.core.fields import IN_FORCE_ROWS, TEXT_FIELDS
from desktop.core.report import Meta, PreviousYear, Report
from desktop.core.tablespec import T3, cell_key
from desktop.core.totals import computed_totals
from desktop.core.values import CellValue

# The preamble's basis and contact lines rightly repeat every year: carried, but not a draft to rewrite.
DRAFTED_KEYS = tuple(f.key for f in TEXT_FIELDS if f.section)


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


def in_force_expected(row: str, cells: Mapping[str, CellValue], previous: PreviousYear) -> int | None:
    """T2-03's relation: last year's 现行有效件数 + this year's 制发 − 废止 (a blank counts as none yet);
    None without last year's figure. Never below 0: more repealed than there were is T2-03's finding."""
    last = previous.cells.get(cell_key("t2", row, "in_force"))
    if last is None:
        return None
    issued, repealed = (cells.get(cell_key("t2", row, c)) or 0 for c in ("issued", "repealed"))
    return max(0, int(last + issued - repealed))  # type: ignore[operator]


def following_in_force(report: Report, cells: Mapping[str, CellValue]) -> dict[str, CellValue]:
    """The 现行有效件数 cells that follow last year's figure, as ``cells`` (this year's, after an edit) make
    them. A cell follows only while it still holds the figure the report's own cells give: a value written
    another way (``nianbao set``) is the clerk's, and is left alone."""
    previous = last_year_of(report)
    if previous is None:
        return {}
    moved: dict[str, CellValue] = {}
    for row in IN_FORCE_ROWS:
        key = cell_key("t2", row, "in_force")
        if key in report.in_force_follows and report.cells[key] == in_force_expected(row, report.cells, previous):
            moved[key] = in_force_expected(row, cells, previous)
    return moved


def next_year(report: Report) -> Report:
    """Next year's report: same agency and level, carried_in = this year's carried_out, this year's text as
    a draft to rewrite, and 现行有效件数 following this year's figure until the clerk types it."""
    successor = Report(
        meta=Meta(agency=report.meta.agency, level=report.meta.level, year=report.meta.year + 1),
        previous=snapshot(report),
        manual_totals=report.manual_totals,
        text=dict(report.text),
        drafts=tuple(k for k in DRAFTED_KEYS if report.text[k].strip()),
    )
    for column in T3.columns:
        successor.cells[cell_key("t3", "carried_in", column)] = report.cells[cell_key("t3", "carried_out", column)]
    assert successor.previous is not None
    follows = []
    for row in IN_FORCE_ROWS:
        expected = in_force_expected(row, successor.cells, successor.previous)
        if expected is not None:
            successor.cells[cell_key("t2", row, "in_force")] = expected
            follows.append(cell_key("t2", row, "in_force"))
    successor.in_force_follows = tuple(follows)
    if not successor.manual_totals:
        successor.cells.update(computed_totals(successor.cells))
    return successor
