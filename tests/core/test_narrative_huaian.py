"""The Huaian 2024 report's own sentences against its tables: silent when they agree, and every figure the
text quotes reported, at its own characters, once its cell changes."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.checks import check
from desktop.core.totals import computed_totals
from tests.core.test_narrative_texts import huaian_with_text

TODAY = dt.date(2025, 1, 10)

# A leaf cell to change, and the quotes in section 一（二）/（一） that then disagree with the tables.
CHANGES = [
    ("t3.new.natural", ["3119件"]),
    ("t3.carried_in.natural", ["34件"]),
    ("t3.carried_out.natural", ["103件"]),
    ("t3.other_3.natural", ["3050件"]),  # 其他处理 is not quoted, only the results total
    ("t4.review.upheld", ["351件", "72件"]),
    ("t4.review.corrected", ["351件", "64件"]),
    ("t4.review.other", ["351件", "178件"]),
    ("t4.review.pending", ["351件", "37件"]),
    ("t4.suit_direct.upheld", ["46件", "25件"]),
    ("t4.suit_after_review.corrected", ["46件", "5件"]),
    ("t4.suit_direct.other", ["46件", "9件"]),
    ("t4.suit_after_review.pending", ["46件", "7件"]),
    ("t2.regulations.issued", ["1件"]),
]


def test_the_huaian_text_agrees_with_the_huaian_tables() -> None:
    found = [f for f in check(huaian_with_text(), today=TODAY) if f.rule.startswith("N-")]
    assert found == []


@pytest.mark.parametrize("cell,quotes", CHANGES, ids=[c for c, _ in CHANGES])
def test_a_changed_cell_is_reported_at_each_quote(cell: str, quotes: list[str]) -> None:
    report = huaian_with_text()
    report.cells[cell] += 1  # type: ignore[operator]
    report.cells.update(computed_totals(report.cells))
    found = [f for f in check(report, today=TODAY) if f.rule.startswith("N-")]
    pointed = sorted(report.text[s.key][s.start:s.end] for f in found for s in f.spans)
    assert pointed == sorted(quotes)
    assert all(f.fix is not None or f.rule == "N-02" for f in found)
