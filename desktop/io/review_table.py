"""The score sheet's tables as plain rows, written once for the workbook and the web page, so that the
two always show the same numbers."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from desktop.core.checks.catalogue import HOUSE_RULES, RULES
from desktop.core.review.deadline import chinese_date
from desktop.core.review.summary import Deduction, SummaryRow

Value = str | int | float | Decimal | None

SUMMARY_COLUMNS = ("序号", "文件", "机关", "层级", "年度", "成文日期", "公开期限", "按期公开", "错误", "警告",
                   "与上年重复", "上年报告", "扣分", "扣分依据", "读取情况", "详情")
FINDING_COLUMNS = ("序号", "文件", "机关", "规则", "规则名称", "级别", "单元格", "引文", "说明")
REPETITION_COLUMN = SUMMARY_COLUMNS.index("与上年重复")
POINTS_COLUMN = SUMMARY_COLUMNS.index("扣分")
DETAILS_COLUMN = SUMMARY_COLUMNS.index("详情")
MAX_CHART_BARS = 30


def points_text(points: Decimal) -> str:
    return f"{points.normalize():f}".replace("-", "−") if points else "0"


def deduction_text(deduction: Deduction) -> str:
    return f"{deduction.rule} {deduction.title} {points_text(deduction.points)}：{deduction.reason}"


def rule_title(rule: str) -> str:
    info = RULES.get(rule) or HOUSE_RULES.get(rule)
    return info.title if info else ""


MAX_PLACES_SHOWN = 6


def places_text(places: tuple[str, ...]) -> str:
    """The cells of a finding for reading: a cross-sum names all its parts, the sheet the first few."""
    if len(places) <= MAX_PLACES_SHOWN:
        return "；".join(places)
    return "；".join(places[:MAX_PLACES_SHOWN]) + f"等{len(places)}处"


@dataclass(frozen=True)
class SummaryLine:
    values: tuple[Value, ...]
    first_finding: int | None  # the index in finding_lines of this report's first finding


def summary_lines(rows: list[SummaryRow]) -> list[SummaryLine]:
    lines, first = [], 0
    for number, row in enumerate(rows, 1):
        review = row.review
        refusal = ("程序错误：" if review.failed else "无法读取：") + review.refused
        status = refusal if review.refused else review.read_status
        details = f"{len(review.findings)}条问题" if review.findings else ""
        lines.append(SummaryLine((
            number, review.file, review.agency, review.level.label if review.level else "", review.year,
            chinese_date(review.date), row.deadline.due_text if row.deadline.due else "", row.deadline.label,
            review.errors if review.readable else None, review.warnings if review.readable else None,
            review.repetition, review.last_year_file or review.last_year_note, row.points,
            "；".join(deduction_text(d) for d in row.deductions), status, details,
        ), first if review.findings else None))
        first += len(review.findings)
    return lines


def finding_lines(rows: list[SummaryRow]) -> list[tuple[Value, ...]]:
    lines: list[tuple[Value, ...]] = []
    for number, row in enumerate(rows, 1):
        review = row.review
        for finding in review.findings:
            lines.append((number, review.file, review.agency, finding.rule, rule_title(finding.rule),
                          finding.severity.label, "；".join(finding.places), "；".join(finding.quotes),
                          finding.message))
    return lines


def errors_chart(rows: list[SummaryRow]) -> list[tuple[str, int]]:
    """The agencies with the most errors, for the bar chart (at most MAX_CHART_BARS bars)."""
    names = _labels(rows)
    counted = [(names[i], r.review.errors) for i, r in enumerate(rows) if r.review.readable and r.review.errors]
    return sorted(counted, key=lambda item: -item[1])[:MAX_CHART_BARS]


def repetition_chart(rows: list[SummaryRow]) -> list[tuple[str, float]]:
    names = _labels(rows)
    shares = [(names[i], r.review.repetition) for i, r in enumerate(rows) if r.review.repetition is not None]
    return sorted(((name, share) for name, share in shares if share is not None), key=lambda i: -i[1])[
        :MAX_CHART_BARS]


def _labels(rows: list[SummaryRow]) -> list[str]:
    """The agency's name, with the file's when two reports of one agency were received."""
    counts = Counter(r.review.agency for r in rows)
    return [r.review.agency if r.review.agency and counts[r.review.agency] == 1
            else f"{r.review.agency}（{r.review.file}）" if r.review.agency else r.review.file for r in rows]
