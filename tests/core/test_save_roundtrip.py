"""Whatever a cell or a text field accepts survives save → load unchanged."""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core import storage
from desktop.core.edits import apply, plan_many
from desktop.core.report import InvalidValue, Report, parse_value
from desktop.core.tablespec import CELLS
from desktop.core.values import MAX_MONEY

FEE = "t2.fees.amount"
TEXT_KEYS = ["text.s1.intro", "text.s5", "text.s6"]


def _roundtrip(report: Report) -> Report:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.nianbao"
        storage.save(report, path)
        return storage.load(path)


@settings(max_examples=200, deadline=None)
@given(st.decimals(min_value=0, max_value=MAX_MONEY, allow_nan=False, allow_infinity=False, places=None))
def test_any_accepted_fee_survives(fee: Decimal) -> None:
    report = Report.new("某乡", "township", 2024)
    apply(report, plan_many(report, [(FEE, fee)]))
    assert _roundtrip(report).cells[FEE] == report.cells[FEE]


@pytest.mark.parametrize("fee", ["0.0000001", "1E-7", "96171.6", "0"])
def test_small_fees_are_written_plainly(fee: str) -> None:
    report = Report.new("某乡", "township", 2024)
    report.cells[FEE] = Decimal(fee)
    assert '"1E-7"' not in storage.dumps(report)
    assert _roundtrip(report).cells[FEE] == Decimal(fee)


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.sampled_from(sorted(k for k, c in CELLS.items() if not c.is_total)),
                       st.integers(min_value=0, max_value=999_999_999), max_size=30))
def test_any_accepted_counts_survive(values: dict[str, int]) -> None:
    report = Report.new("某乡", "township", 2024)
    apply(report, plan_many(report, list(values.items())))
    assert _roundtrip(report).cells == report.cells


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(TEXT_KEYS), st.text(max_size=200))
def test_any_text_the_editor_accepts_saves_and_reopens(key: str, text: str) -> None:
    report = Report.new("某乡", "township", 2024)
    try:
        value = parse_value(key, text)
    except InvalidValue:
        return  # refused where it was typed, with a message
    report.put(key, value)
    assert _roundtrip(report).text[key] == value


def test_a_broken_character_is_refused_when_typed_and_replaced_when_read() -> None:
    with pytest.raises(InvalidValue, match="第3个字符无法保存"):
        parse_value("text.s5", "改进\udcff措施")
    with pytest.raises(InvalidValue, match="机关名称"):
        parse_value("meta.agency", "某\ud800乡")
    report = Report.new("某乡", "township", 2024)
    text = storage.dumps(report).replace('"text.s5": ""', '"text.s5": "改进\\ud800措施"')
    assert storage.loads(text).text["text.s5"] == "改进\ufffd措施"
    report.text["text.s5"] = "绕过\ud800校验"  # set in code, past every check
    assert _roundtrip(report).text["text.s5"] == "绕过\ufffd校验"
