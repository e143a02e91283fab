"""N-04: a percentage of a result group against table 三.

Only a share named with its group is read: 「予以公开1362件，占44.7%」 or 「予以公开的占44.7%」. Rates
(合格率100%, 办结率) and changes against last year (上升29.3%) are not shares of the table.
"""

from __future__ import annotations

from decimal import Decimal

from desktop.core.checks.context import CheckContext
from desktop.core.checks.findings import Finding, Severity, TextSpan
from desktop.core.leading import leading
from desktop.core.narrative.figures import CARRIED_IN, NEW, TOTAL, Figure
from desktop.core.narrative.guards import CHANGE, other_year, respective
from desktop.core.narrative.quotes import Scan, scan
from desktop.core.narrative.rules_applications import GROUP, inclusive_of, named_groups

W = Severity.WARNING


_RATE = leading(f"率|{CHANGE.pattern}")
# 「予以公开率为44.7%」: a group's own rate is its share.
_GROUP_RATE = leading(f"(?:{GROUP.pattern})率")
# A percentage followed by a verb describes how requests were handled (100%按期答复), not a share.
_HANDLED = leading(r"[\u4e00-\u9fff]")
_SHARE = leading(r"^(?:约|分别)?(?:占比|占)")
# What 「占…的N%」 may name as the whole the table's totals stand for: 「占全部申请的」「占办结总数的」. Any other
# whole is the text's own (「占予以公开和部分公开总数的80%」「占公开件数的20%」).
_WHOLE_WORDS = leading("全部|所有|总数|总量|总件数|件数|总计|总体|申请|办结|答复|办理|结果|政府信息公开|依申请公开|"
                       "信息公开|本年度?|全年|的|比|比例|为|约|达|了|共|总")


def _named_whole(words: str) -> bool:
    """The words before a percentage name a whole of their own after 「占」."""
    at = words.rfind("占")
    return at >= 0 and bool(_WHOLE_WORDS.sub("", words[at + 1:]).strip())


def _percent_group(s: Scan, clause: int, year: int) -> Figure | None:
    """The result group whose share a percentage gives: named in its clause, or just before 「占…%」."""
    words = s.clause_text(clause)
    rate = _GROUP_RATE.search(words)
    if rate:
        return named_groups(words) if not _RATE.search(words[:rate.start()] + words[rate.end():]) else None
    if _RATE.search(words):
        return None
    if GROUP.search(words):
        return named_groups(words)
    previous = s.previous_clause(clause)
    if not _SHARE.match(words.strip()) or previous is None:
        return None
    before = s.previous_clause(previous) if s.clauses.opener[previous] in "（(" else None
    if before is not None:  # 「予以公开7件（含部分公开2件），占58.3%」: the share of the 7
        group = named_groups(s.clause_text(before))
        plus = inclusive_of(s, before, year)
        if group is None or not plus:
            return None
        return Figure(f"{group.label}（含{'、'.join(f.label for f in plus)}）",
                      tuple(k for f in (group, *plus) for k in f.cells))
    return named_groups(s.clause_text(previous))


def percentages(ctx: CheckContext) -> list[Finding]:
    """N-04: a result group's share, against 办理结果总计 (or, leniently, the new or all open requests)."""
    cells = ctx.report.cells
    denominators = [v for v in (TOTAL.value(cells), NEW.value(cells)) if v]
    carried = CARRIED_IN.value(cells)
    if NEW.value(cells) is not None and carried is not None:
        denominators.append(NEW.value(cells) + carried)  # type: ignore[operator]
    found = []
    for key, text in ctx.report.text.items():
        s = scan(text)
        for percent in s.percents:
            if respective(s, percent.clause, percent.start) or other_year(s, percent.start, ctx.report.meta.year):
                continue
            following = s.text[percent.end:percent.end + 1]
            if following and _HANDLED.match(following) and following not in "的":
                continue
            if _named_whole(s.text[s.clauses.start[percent.clause]:percent.start]):
                continue
            figure = _percent_group(s, percent.clause, ctx.report.meta.year)
            part = figure.value(cells) if figure else None
            if figure is None or part is None or not [d for d in denominators if d]:
                continue
            tolerance = max(Decimal("0.1"), Decimal(5) / 10 ** (percent.decimals + 1)) + Decimal("0.0001")
            shares = [Decimal(100 * part) / d for d in denominators if d]
            if any(abs(share - percent.value) <= tolerance for share in shares):
                continue
            total = TOTAL.value(cells)
            share = f"{Decimal(100 * part) / total:.1f}%" if total else "无法计算"
            message = (f"文中“{s.text[s.clauses.start[percent.clause]:percent.end]}”与表三不符："
                       f"{figure.label}为{part}件，占办理结果总计{total}件的{share}")
            found.append(Finding("N-04", W, (key, *figure.cells, *TOTAL.cells), message, None,
                                 (TextSpan(key, percent.start, percent.end),)))
    return found
