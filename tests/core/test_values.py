"""Typing values: full-width digits, refusals with messages that name the cell."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop.core.report import Report, parse_value
from desktop.core.values import InvalidValue, format_value, parse_cell

NEW_NATURAL = "表三 一、本年新收政府信息公开申请数量 / 自然人"


@pytest.mark.parametrize(
    "typed,value", [("12", 12), ("１２３", 123), (" 7 ", 7), ("0", 0), ("1,234", 1234), ("", None)]
)
def test_counts_accept_what_a_clerk_types(typed: str, value: int | None) -> None:
    assert parse_cell("t3.new.natural", typed) == value


@pytest.mark.parametrize("typed", ["-1", "1.5", "abc", "十二", "3件", "/", "1e3", "--", "１２.０"])
def test_counts_refuse_anything_else_and_name_the_cell(typed: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        parse_cell("t3.new.natural", typed)
    assert str(caught.value).startswith(f"{NEW_NATURAL}：必须是不小于0的整数")


def test_fee_is_a_decimal_in_wan_yuan() -> None:
    assert parse_cell("t2.fees.amount", "96171.6") == Decimal("96171.6")
    assert parse_cell("t2.fees.amount", "０.５") == Decimal("0.5")
    with pytest.raises(InvalidValue, match="表二 行政事业性收费 / 本年收费金额（单位：万元）：必须是不小于0的数"):
        parse_cell("t2.fees.amount", "-3")


def test_slash_and_dash_are_not_zero_and_say_how_to_clear() -> None:
    with pytest.raises(InvalidValue, match="没有发生请填0"):
        parse_cell("t4.review.total", "/")


def test_json_numbers_are_checked_too() -> None:
    assert parse_cell("t3.new.total", 5) == 5
    for bad in (True, -2, 2.5):
        with pytest.raises(InvalidValue):
            parse_cell("t3.new.total", bad)


def test_format_never_invents_a_zero() -> None:
    assert format_value(None) == ""
    assert format_value(0) == "0"
    assert format_value(Decimal("96171.60")) == "96171.6"
    assert format_value(Decimal("12")) == "12"


def test_meta_values_are_parsed_with_chinese_messages() -> None:
    assert parse_value("meta.level", "乡镇、街道").value == "township"
    assert parse_value("meta.level", "街道").value == "township"
    assert parse_value("meta.level", "设区的市、自治州人民政府部门").value == "city_dept"
    with pytest.raises(InvalidValue, match="机关层级"):
        parse_value("meta.level", "设区的市")  # begins two labels: not a name of either
    assert str(parse_value("meta.date", "2024年1月4日")) == "2024-01-04"
    assert parse_value("meta.year", "２０２３") == 2023
    with pytest.raises(InvalidValue, match="机关层级"):
        parse_value("meta.level", "village")
    with pytest.raises(InvalidValue, match="成文日期"):
        parse_value("meta.date", "2024-13-01")
    with pytest.raises(InvalidValue, match="没有这个"):
        parse_value("t9.nothing", "1")


def test_blank_is_distinct_from_zero_in_the_model() -> None:
    report = Report.new("耳口乡", "township", 2023)
    assert report.cells["t3.new.natural"] is None
    report.put("t3.new.natural", 0)
    assert report.get("t3.new.natural") == 0
