"""Property tests: reports built from leaf cells pass the cross-sums; files round-trip exactly."""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core import storage
from desktop.core.checks.equations import check_equations
from desktop.core.report import Report
from desktop.core.tablespec import CELLS, T3_PART_COLUMNS, T3_RESULT_ROWS, T4_GROUPS, T4_PART_ITEMS
from desktop.core.totals import computed_totals

counts = st.integers(min_value=0, max_value=10_000)


@st.composite
def filled_reports(draw: st.DrawFn) -> Report:
    report = Report.new("某镇", "township", 2024)
    for col in T3_PART_COLUMNS:
        results = {row: draw(counts) for row in T3_RESULT_ROWS}
        carried_out = draw(counts)
        handled = sum(results.values()) + carried_out
        carried_in = draw(st.integers(min_value=0, max_value=handled))
        report.cells.update({f"t3.{row}.{col}": v for row, v in results.items()})
        report.cells[f"t3.carried_out.{col}"] = carried_out
        report.cells[f"t3.carried_in.{col}"] = carried_in
        report.cells[f"t3.new.{col}"] = handled - carried_in
    for group, _ in T4_GROUPS:
        for item in T4_PART_ITEMS:
            report.cells[f"t4.{group}.{item}"] = draw(counts)
    report.cells.update(computed_totals(report.cells))
    return report


@given(filled_reports())
@settings(max_examples=60, deadline=None)
def test_leaf_cells_with_computed_totals_pass_every_cross_sum(report: Report) -> None:
    assert check_equations(report.cells) == []


cell_values = {
    key: (st.none() | st.decimals(min_value=0, max_value=10**6, places=4) if key == "t2.fees.amount"
          else st.none() | counts)
    for key in CELLS
}


@given(
    cells=st.fixed_dictionaries(cell_values),
    text=st.text(max_size=60),
    agency=st.text(min_size=1, max_size=20).map(str.strip),
    manual=st.booleans(),
)
@settings(max_examples=60, deadline=None)
def test_save_then_load_round_trips_exactly(cells: dict, text: str, agency: str, manual: bool) -> None:
    report = Report.new(agency, "county_dept", 2023)
    report.cells.update({k: (Decimal(v) if isinstance(v, Decimal) else v) for k, v in cells.items()})
    report.text["text.s5"] = text
    report.manual_totals = manual
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.nianbao"
        storage.save(report, path)
        loaded = storage.load(path)
    assert loaded == report
    assert loaded.cells["t2.fees.amount"] == report.cells["t2.fees.amount"]
