"""Table 四 from the register of review and litigation cases: each case active in the year counts once in
its group, under its result when it was decided in the year and under 尚未审结 when it was not."""

from __future__ import annotations

import datetime as dt

from desktop.core.register.columns import Kind
from desktop.core.register.mapping import Mapping
from desktop.core.register.sheet import RawRow, RawSheet
from desktop.core.register.tally import RowProblem, Skipped, Tally, empty_tally, mapped, read_date, shown
from desktop.core.tablespec import T4


def _count(tally: Tally, mapping: Mapping, row: RawRow) -> None:
    group = mapped(tally, mapping, row, "kind", "案件类型")
    item = mapped(tally, mapping, row, "result", "审理结果")
    received = read_date(row, mapping, "received", "收到日期")
    closed = read_date(row, mapping, "closed", "审结日期")
    if group is None or item is None:
        return
    if received is not None and closed is not None and closed < received:
        raise RowProblem(f"审结日期{closed.isoformat()}早于收到日期{received.isoformat()}")
    if closed is not None and item == "pending":
        raise RowProblem(f"填了审结日期，结果却是{T4.column('pending').label}")
    if received is not None and received > dt.date(tally.year, 12, 31):
        tally.outside_year += 1
        return
    if closed is not None and closed < dt.date(tally.year, 1, 1):
        tally.outside_year += 1
        return
    if closed is not None and closed > dt.date(tally.year, 12, 31):
        item = "pending"  # decided after the year's end: pending on 31 December
    tally.add(group, item, row.line)
    tally.add(group, "total", row.line)


def tally_cases(sheet: RawSheet, mapping: Mapping, year: int) -> Tally:
    tally = empty_tally(Kind.CASES, year, sheet.source)
    for row in sheet.rows:
        if row.blank:
            continue
        tally.entries[row.line] = shown(Kind.CASES, mapping, row)
        try:
            _count(tally, mapping, row)
        except RowProblem as problem:
            tally.skipped.append(Skipped(row.line, str(problem)))
    return tally
