"""Paste planning, 空白填0 and which cells take typing, decided without a widget."""

from __future__ import annotations

from desktop.core.edits import apply, plan_many
from desktop.core.report import Report
from desktop.core.table_edits import blank_cells, differing_totals, plan_paste, takes_typing
from desktop.core.tablespec import CELLS, T3, T4


def _anchor(spec, key):  # type: ignore[no-untyped-def]
    placed = next(p for p in spec.placed if p.key == key)
    return placed.row, placed.col


def test_totals_take_typing_only_when_copied_by_hand() -> None:
    assert takes_typing("t3.new.natural", False)
    assert not takes_typing("t3.new.total", False)
    assert takes_typing("t3.new.total", True)


def test_fill_blanks_skips_computed_totals_and_filled_cells() -> None:
    report = Report.new("某乡", "township", 2024)
    report.cells["t4.review.upheld"] = 3
    blanks = blank_cells(report, T4)
    assert "t4.review.upheld" not in blanks
    assert not any(CELLS[k].is_total for k in blanks)
    assert len(blanks) == len([c for c in T4.cells if not c.is_total]) - 1


def test_a_block_lands_from_its_top_left_cell() -> None:
    report = Report.new("某乡", "township", 2024)
    row, col = _anchor(T3, "t3.new.natural")
    plan = plan_paste(report, T3, [["1", "2"], ["3", "4"]], row, col, [])
    assert plan.items == [("t3.new.natural", "1"), ("t3.new.business", "2"),
                          ("t3.carried_in.natural", "3"), ("t3.carried_in.business", "4")]
    assert plan.outside == 0


def test_values_past_the_table_edge_are_counted_not_dropped_silently() -> None:
    report = Report.new("某乡", "township", 2024)
    row, col = _anchor(T3, "t3.new.other_org")
    plan = plan_paste(report, T3, [["1", "2", "3", "4"]], row, col, [])
    assert plan.items == [("t3.new.other_org", "1")]
    assert plan.totals == [("t3.new.total", "2")]
    assert plan.outside == 2


def test_one_value_fills_a_selection() -> None:
    report = Report.new("某乡", "township", 2024)
    keys = ["t4.review.upheld", "t4.review.corrected"]
    plan = plan_paste(report, T4, [["0"]], 0, 0, keys)
    assert plan.items == [(k, "0") for k in keys]


def test_a_pasted_total_that_disagrees_is_reported() -> None:
    report = Report.new("某乡", "township", 2024)
    apply(report, plan_many(report, [("t3.new.natural", "2"), ("t3.new.business", "3")]))
    assert differing_totals(report, [("t3.new.total", "5")]) == []
    assert differing_totals(report, [("t3.new.total", "6")]) == [
        f"{CELLS['t3.new.total'].label}粘贴的是6，各项相加为5"]


def test_a_block_with_row_labels_lands_by_its_labels_wherever_the_cursor_is() -> None:
    report = Report.new("某乡", "township", 2024)
    block = [["", "（三）不予公开", "1.属于国家秘密", "1", "0", "0", "0", "0", "0", "1"],
             ["一、本年新收政府信息公开申请数量", "3", "0", "0", "0", "0", "0", "3"]]
    plan = plan_paste(report, T3, block, 0, 0, [])  # the cursor on the table's corner
    assert plan.by_labels
    assert ("t3.denied_1.natural", "1") in plan.items and ("t3.new.natural", "3") in plan.items
    assert ("t3.new.total", "3") in plan.totals  # a computed total is compared, not typed
    assert plan.unmatched == [] and plan.misfit == []


def test_a_labelled_row_with_too_few_values_is_named_not_shifted() -> None:
    report = Report.new("某乡", "township", 2024)
    plan = plan_paste(report, T3, [["（一）予以公开", "2", "0", "0"], ["其他不相干的行", "9"]], 0, 0, [])
    assert plan.items == []
    assert plan.misfit == ["（一）予以公开（3个数，表中为7格）"]
    assert plan.unmatched == ["其他不相干的行"]


def test_table_two_rows_by_label() -> None:
    from desktop.core.tablespec import T2

    report = Report.new("某乡", "township", 2024)
    plan = plan_paste(report, T2, [["规章", "1", "0", "11"], ["行政规范性文件", "8", "26", "66"]], 5, 1, [])
    assert plan.items == [("t2.regulations.issued", "1"), ("t2.regulations.repealed", "0"),
                          ("t2.regulations.in_force", "11"), ("t2.normative_docs.issued", "8"),
                          ("t2.normative_docs.repealed", "26"), ("t2.normative_docs.in_force", "66")]
