"""Edits as data: apply and revert exactly, totals follow in automatic mode."""

from __future__ import annotations

import pytest

from desktop.core.edits import apply, plan_manual_totals, plan_many, plan_set, revert
from desktop.core.report import Report
from desktop.core.values import InvalidValue


@pytest.fixture
def report() -> Report:
    return Report.new("耳口乡", "township", 2023)


def test_typing_a_leaf_moves_its_totals_and_undo_restores_them(report: Report) -> None:
    edit = plan_set(report, "t3.granted.natural", "３")
    apply(report, edit)
    assert report.cells["t3.granted.natural"] == 3
    assert report.cells["t3.granted.total"] == 3
    assert report.cells["t3.total.natural"] == 3
    assert report.cells["t3.total.total"] == 3
    revert(report, edit)
    assert report.cells["t3.granted.natural"] is None
    assert report.cells["t3.total.total"] is None


def test_invalid_value_leaves_the_report_untouched(report: Report) -> None:
    before = report.model_copy(deep=True)
    with pytest.raises(InvalidValue):
        plan_many(report, [("t3.new.natural", "1"), ("t3.new.business", "x")])
    assert report == before


def test_manual_totals_keep_typed_totals_and_switching_back_recomputes(report: Report) -> None:
    apply(report, plan_manual_totals(report, True))
    apply(report, plan_many(report, [("t4.review.upheld", "2"), ("t4.review.total", "5")]))
    assert report.cells["t4.review.total"] == 5
    back = plan_manual_totals(report, False)
    apply(report, back)
    assert report.cells["t4.review.total"] == 2 and not report.manual_totals
    revert(report, back)
    assert report.cells["t4.review.total"] == 5 and report.manual_totals


def test_an_edit_that_changes_nothing_is_empty(report: Report) -> None:
    assert not plan_set(report, "text.s5", "")
    assert plan_set(report, "text.s5", "存在问题").label == "修改 五、存在的主要问题及改进情况"
