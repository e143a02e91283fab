"""Over random registers: the computed table 三 satisfies T3-01 to T3-03, every counted row is in exactly
one top row and one bottom row, and every non-blank row is counted, listed, or outside the year."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.checks.equations import check_equations
from desktop.core.register.applications import tally_applications
from desktop.core.register.columns import Kind
from desktop.core.register.mapping import OPEN
from desktop.core.register.words import applicant_choices, result_choices
from desktop.core.report import Report
from desktop.core.tablespec import T3, T3_RESULT_ROWS
from desktop.io.register_template import applicant_words, result_words
from tests.fixtures.registers import guessed

YEAR = 2024
APPLICANTS = [*applicant_words(), "个人", "公司", "匿名", ""]
RESULTS = [*result_words(), "办理中", "", "不予公开", "已答复"]
DAY = st.dates(dt.date(YEAR - 2, 1, 1), dt.date(YEAR + 1, 12, 31))


@st.composite
def register_rows(draw: st.DrawFn) -> list[list[object]]:
    rows: list[list[object]] = []
    for number in range(draw(st.integers(0, 40))):
        received = draw(st.one_of(DAY, st.none(), st.just("某日")))
        kind = draw(st.sampled_from(["date", "text", "serial"]))
        shown_received: object = received
        if isinstance(received, dt.date) and kind == "text":
            shown_received = f"{received.year}年{received.month}月{received.day}日"
        elif isinstance(received, dt.date) and kind == "serial":
            shown_received = (received - dt.date(1899, 12, 30)).days
        closed = None
        if isinstance(received, dt.date) and draw(st.booleans()):
            closed = received + dt.timedelta(days=draw(st.integers(-3, 400)))
        rows.append([str(number), shown_received, draw(st.sampled_from(APPLICANTS)),
                     draw(st.sampled_from(RESULTS)), closed])
        if draw(st.integers(0, 9)) == 0:
            rows.append([None] * 5)
    return rows


@settings(max_examples=150, deadline=None)
@given(register_rows())
def test_computed_table_reconciles_and_accounts_for_every_row(rows: list[list[object]]) -> None:
    sheet, mapping = guessed(rows)
    assert sheet.kind is Kind.APPLICATIONS
    tally = tally_applications(sheet, mapping, YEAR)
    report = Report.new("某乡", "township", YEAR)
    report.cells.update(tally.cells)
    assert [f for f in check_equations(report.cells) if f.rule.startswith("T3-")] == []

    counted = tally.counted
    cells = tally.cells
    assert cells["t3.new.total"] + cells["t3.carried_in.total"] == counted
    assert cells["t3.total.total"] + cells["t3.carried_out.total"] == counted
    assert sum(cells[f"t3.{row}.total"] for row in T3_RESULT_ROWS) == cells["t3.total.total"]
    for row in T3.rows:
        sources = tally.sources[f"t3.{row.key}.total"]
        assert len(sources) == len(set(sources)) == cells[f"t3.{row.key}.total"]

    unrecognised = {line for words in tally.unrecognised.values() for lines in words.values() for line in lines}
    skipped = {s.line for s in tally.skipped}
    in_table = {line for lines in tally.sources.values() for line in lines}
    non_blank = {r.line for r in sheet.rows if not r.blank}
    assert in_table.isdisjoint(unrecognised | skipped)
    assert len(in_table) + len((unrecognised | skipped) & non_blank) + tally.outside_year == len(non_blank)


def test_the_choices_offered_are_every_column_and_result_row() -> None:
    assert [k for k, _ in applicant_choices()] == [c.key for c in T3.columns if c.key != "total"]
    assert [k for k, _ in result_choices()] == [OPEN, *T3_RESULT_ROWS]
