"""成文日期 in the forms clerks type."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.metavalues import parse_date


@pytest.mark.parametrize("typed", ["20240104", "2024.1.4", "2024/1/4", "2024年1月4日", "2024-01-04",
                                   "２０２４年１月４日", "2024年1 月 4日"])
def test_accepted_forms(typed: str) -> None:
    assert parse_date(typed) == dt.date(2024, 1, 4)


@pytest.mark.parametrize("typed", ["20241304", "2024", "1月4日", "2024.2.30"])
def test_refused_with_the_forms_named(typed: str) -> None:
    with pytest.raises(ValueError, match="2024年1月4日"):
        parse_date(typed)
