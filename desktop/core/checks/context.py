"""What a rule may look at: this year's report, last year's values and today's date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.core.report import PreviousYear, Report


@dataclass(frozen=True)
class CheckContext:
    report: Report
    previous: PreviousYear | None
    today: dt.date
