"""The publication deadline of each level: departments by 1月31日, governments (townships included) by
3月31日 of the year after the report's; the 成文日期 stands for the day of publication."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.fields import Level
from desktop.core.review.deadline import Timeliness, deadline_check

DEPARTMENTS = [level for level in Level if not level.is_government]
GOVERNMENTS = [level for level in Level if level.is_government]


def test_every_level_is_a_department_or_a_government() -> None:
    assert Level.TOWNSHIP in GOVERNMENTS and Level.COUNTY_DEPT in DEPARTMENTS
    assert len(DEPARTMENTS) + len(GOVERNMENTS) == len(Level) == 8


@pytest.mark.parametrize("level", list(Level))
@pytest.mark.parametrize(("offset", "expected", "days_late"), [
    (-1, Timeliness.ON_TIME, 0), (0, Timeliness.ON_TIME, 0), (1, Timeliness.LATE, 1), (60, Timeliness.LATE, 60),
])
def test_around_the_deadline_of_each_level(level: Level, offset: int, expected: Timeliness, days_late: int) -> None:
    due = dt.date(2025, 3, 31) if level.is_government else dt.date(2025, 1, 31)
    result = deadline_check(2024, level, due + dt.timedelta(days=offset))
    assert result.due == due
    assert (result.timeliness, result.days_late) == (expected, days_late)
    assert result.label == ("按期" if expected is Timeliness.ON_TIME else f"逾期{days_late}天")


@pytest.mark.parametrize("level", DEPARTMENTS)
def test_a_department_published_in_february_is_late_though_a_government_would_not_be(level: Level) -> None:
    date = dt.date(2025, 2, 1)
    assert deadline_check(2024, level, date).label == "逾期1天"
    assert deadline_check(2024, Level.COUNTY_GOV, date).label == "按期"
    assert deadline_check(2024, level, dt.date(2025, 1, 31)).due_text == "2025年1月31日"


def test_leap_years_and_missing_dates() -> None:
    assert deadline_check(2023, Level.TOWNSHIP, dt.date(2024, 4, 1)).days_late == 1
    assert deadline_check(2023, Level.CITY_DEPT, dt.date(2024, 2, 29)).days_late == 29
    assert deadline_check(2023, Level.TOWNSHIP, None).timeliness is Timeliness.NO_DATE
    assert deadline_check(None, None, None).label == "—"
