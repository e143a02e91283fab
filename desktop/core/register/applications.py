"""Table 三 from the application register. An application received in the year is new, one received
earlier and open on 1 January is carried in; one closed in the year counts in its result row, one still
open on 31 December is carried out. Each counted row adds 1 to one top row and one bottom row of the
same column, so T3-01, T3-02 and T3-03 hold by construction."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.core.register.columns import Kind
from desktop.core.register.mapping import OPEN, Mapping
from desktop.core.register.sheet import RawRow, RawSheet
from desktop.core.register.tally import RowProblem, Skipped, Tally, empty_tally, mapped, read_date, shown


@dataclass(frozen=True)
class Application:
    line: int
    received: dt.date
    applicant: str  # a table 三 column
    result: str  # a table 三 result row, or OPEN
    closed: dt.date | None
    ref: str


def _application(tally: Tally, mapping: Mapping, row: RawRow) -> Application | None:
    received = read_date(row, mapping, "received", "收到日期")
    if received is None:
        raise RowProblem("没有收到日期")
    applicant = mapped(tally, mapping, row, "applicant", "申请人类型")
    result = mapped(tally, mapping, row, "result", "办理结果")
    closed = read_date(row, mapping, "closed", "办结日期")
    if applicant is None or result is None:
        return None
    if closed is not None and closed < received:
        raise RowProblem(f"办结日期{closed.isoformat()}早于收到日期{received.isoformat()}")
    if closed is not None and result == OPEN:
        raise RowProblem("填了办结日期，办理结果却是尚未办结")
    ref = str(row.get(mapping.columns.get("ref")) or "").strip()
    return Application(row.line, received, applicant, result, closed, ref)


def read_applications(sheet: RawSheet, mapping: Mapping, year: int) -> tuple[Tally, list[Application]]:
    """The rows that can be counted, and a tally that lists the others (its cells are still 0)."""
    tally = empty_tally(Kind.APPLICATIONS, year, sheet.source)
    found = []
    for row in sheet.rows:
        if row.blank:
            continue
        tally.entries[row.line] = shown(Kind.APPLICATIONS, mapping, row)
        try:
            application = _application(tally, mapping, row)
        except RowProblem as problem:
            tally.skipped.append(Skipped(row.line, str(problem)))
            continue
        if application is not None:
            found.append(application)
    return tally, found


def tally_applications(sheet: RawSheet, mapping: Mapping, year: int) -> Tally:
    tally, applications = read_applications(sheet, mapping, year)
    count_applications(tally, applications)
    return tally


def count_applications(tally: Tally, applications: list[Application]) -> list[Application]:
    """Counts into ``tally``; returns the applications open on 31 December (carried out)."""
    start, end = dt.date(tally.year, 1, 1), dt.date(tally.year, 12, 31)
    open_at_end = []
    for app in applications:
        closed = app.closed
        if app.received > end:
            tally.outside_year += 1
            continue
        if app.result != OPEN and closed is None:
            if app.received < start:
                tally.skipped.append(Skipped(app.line, "有办理结果但没有办结日期，无法判断是否在本年办结"))
                continue
            tally.notes.append(Skipped(app.line, "有办理结果但没有办结日期，按本年办结计算"))
            closed = end
        if closed is not None and closed < start:
            tally.outside_year += 1
            continue
        top = "new" if app.received >= start else "carried_in"
        closed_in_year = app.result != OPEN and closed is not None and closed <= end
        bottom = app.result if closed_in_year else "carried_out"
        for row in (top, bottom, *(("total",) if closed_in_year else ())):
            tally.add(row, app.applicant, app.line)
            tally.add(row, "total", app.line)
        if not closed_in_year:
            open_at_end.append(app)
    return open_at_end
