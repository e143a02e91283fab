"""Was a report published in time? 条例第四十九条: departments by 1月31日, people's governments (townships
included) by 3月31日 of the next year. The 成文日期 stands for the day of publication: it is the only date
a published report carries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from desktop.core.checks.section_rules import deadline
from desktop.core.fields import Level


class Timeliness(str, Enum):
    ON_TIME = "on_time"
    LATE = "late"
    NO_DATE = "no_date"
    UNKNOWN = "unknown"  # the file could not be read


@dataclass(frozen=True)
class DeadlineCheck:
    due: dt.date | None
    timeliness: Timeliness
    days_late: int = 0

    @property
    def label(self) -> str:
        if self.timeliness is Timeliness.ON_TIME:
            return "按期"
        if self.timeliness is Timeliness.LATE:
            return f"逾期{self.days_late}天"
        return "未注明成文日期" if self.timeliness is Timeliness.NO_DATE else "—"

    @property
    def due_text(self) -> str:
        return f"{self.due.year}年{self.due.month}月{self.due.day}日" if self.due else "—"


def chinese_date(day: dt.date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def deadline_check(year: int | None, level: Level | None, date: dt.date | None) -> DeadlineCheck:
    if year is None or level is None:
        return DeadlineCheck(None, Timeliness.UNKNOWN)
    due = deadline(year, level.is_government)
    if date is None:
        return DeadlineCheck(due, Timeliness.NO_DATE)
    if date > due:
        return DeadlineCheck(due, Timeliness.LATE, (date - due).days)
    return DeadlineCheck(due, Timeliness.ON_TIME)
