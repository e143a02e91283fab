"""One row of the county's score sheet: a reviewed file with its deadline and the deductions the scoring
file gives, and the order of the rows (the worst first)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from desktop.core.checks.findings import Severity
from desktop.core.review.deadline import DeadlineCheck, Timeliness, chinese_date, deadline_check
from desktop.core.review.outcome import ReportReview
from desktop.core.review.scoring import Scoring, ScoringItem

LATE_RULE = "S-07"
REPETITION_RULE = "S-04"


@dataclass(frozen=True)
class Deduction:
    rule: str  # the rule (or rules) it came from: S-07, S-04, T3-02 …
    title: str
    points: Decimal
    reason: str


@dataclass(frozen=True)
class SummaryRow:
    review: ReportReview
    deadline: DeadlineCheck
    deductions: tuple[Deduction, ...]

    @property
    def points(self) -> Decimal:
        return sum((d.points for d in self.deductions), Decimal(0))


def _percent(share: float) -> str:
    return f"{share * 100:.0f}%"


def _deduction(item: ScoringItem, review: ReportReview, deadline: DeadlineCheck) -> Deduction | None:
    if item.when == "late" and deadline.timeliness is Timeliness.LATE:
        reason = f"成文日期{chinese_date(review.date)}晚于公开期限{deadline.due_text}{deadline.days_late}天"
        return Deduction(LATE_RULE, item.title, item.points, reason)
    if item.when == "no_date" and deadline.timeliness is Timeliness.NO_DATE:
        return Deduction(LATE_RULE, item.title, item.points, f"未注明成文日期，无法确认在{deadline.due_text}前公开")
    if item.when == "repetition" and review.repetition is not None and review.repetition > item.threshold:
        reason = f"与上年报告重复{_percent(review.repetition)}，超过{_percent(item.threshold)}"
        return Deduction(REPETITION_RULE, item.title, item.points, reason)
    if item.when == "findings":
        hits = [f for f in review.findings if f.severity is Severity.ERROR and f.rule in item.rules]
        if hits:
            rules = "、".join(dict.fromkeys(f.rule for f in hits))
            return Deduction(rules, item.title, item.points, f"{len(hits)}处：{hits[0].message}")
    return None


def summarise(review: ReportReview, scoring: Scoring) -> SummaryRow:
    deadline = deadline_check(review.year, review.level, review.date)
    if not review.readable:
        return SummaryRow(review, deadline, ())
    found = (_deduction(item, review, deadline) for item in scoring.items)
    return SummaryRow(review, deadline, tuple(d for d in found if d is not None))


def worst_first(rows: list[SummaryRow]) -> list[SummaryRow]:
    """Unreadable files first (they need a call to the township), then by deductions, errors, warnings."""
    return sorted(rows, key=lambda r: (r.review.readable, r.points, -r.review.errors, -r.review.warnings,
                                       r.review.file))
