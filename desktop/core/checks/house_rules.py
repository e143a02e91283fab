"""Rules of this product beyond RULES.md (ids X-…): what an evaluator notices though no statute states it."""

from __future__ import annotations

from functools import lru_cache

from desktop.core.checks.context import CheckContext
from desktop.core.checks.drafts import drafts_unrevised
from desktop.core.checks.findings import Finding, Fix, Severity, TextSpan
from desktop.core.fields import TEXT_BY_KEY, TEXT_FIELDS
from desktop.core.report import Report
from desktop.core.typography import fix_punctuation, punctuation_issues

PUNCTUATION_RULE = "X-02"
SPANS_SHOWN = 20


def punctuation(ctx: CheckContext) -> list[Finding]:
    """X-02: half-width punctuation in Chinese prose, 「(一)」 numbering, doubled or mixed marks (warning)."""
    found = (punctuation_finding(field.key, ctx.report.text[field.key]) for field in TEXT_FIELDS)
    return [finding for finding in found if finding is not None]


@lru_cache(maxsize=64)
def punctuation_finding(key: str, text: str) -> Finding | None:
    """X-02 for one text field. Cached: a long text is read again only once it changes."""
    issues = punctuation_issues(text, limit=SPANS_SHOWN)
    if not issues:
        return None
    shown = "、".join(dict.fromkeys(f"“{i.found}”" for i in issues[:5]))
    return Finding(
        PUNCTUATION_RULE, Severity.WARNING, (key,),
        f"{TEXT_BY_KEY[key].label}中有半角或重复的标点（{shown}），印出来与规范的中文标点不同",
        fix=Fix("改正本栏标点", ((key, fix_punctuation(text)),)),
        spans=tuple(TextSpan(key, i.start, i.end) for i in issues),
    )


def report_punctuation_fix(report: Report) -> Fix | None:
    """One step for the whole report: every text field's punctuation corrected."""
    values = tuple((f.key, fixed) for f in TEXT_FIELDS
                   if (fixed := fix_punctuation(report.text[f.key])) != report.text[f.key])
    return Fix("改正全文标点", values) if values else None


HOUSE_CHECKS = [punctuation, drafts_unrevised]
