"""X-03: next year's report starts from last year's text as a draft (``Report.drafts``). A field stays a
draft while more than half of it still repeats last year's report; the clerk may also keep last year's text
on purpose (「确认已修改」). Until then it is an error, so that the export asks before printing last year's
sentences as this year's."""

from __future__ import annotations

from desktop.core.checks.context import CheckContext
from desktop.core.checks.findings import Finding, Fix, Severity
from desktop.core.fields import DRAFTS, TEXT_BY_KEY
from desktop.core.lastyear import last_year_of
from desktop.core.narrative.similarity import SECTION_KEYS, last_year_windows, normalised, repeated_runs
from desktop.core.report import PreviousYear, Report

DRAFT_RULE = "X-03"
DRAFT_ABOVE = 0.5
CONFIRM = "确认已修改"


def _last_texts(previous: PreviousYear) -> tuple[str, ...]:
    """Last year's section texts, in the order S-04 reads them (so both share one cached set of phrases)."""
    return tuple(previous.text.get(k, "") for keys in SECTION_KEYS.values() for k in keys)


def repeated_share(text: str, previous: PreviousYear) -> float:
    """How much of ``text`` (0–1) repeats last year's report, by S-04's measure."""
    normal = normalised(text)
    if not normal:
        return 0.0
    grams = last_year_windows(_last_texts(previous))
    return sum(b - a for a, b in repeated_runs(normal, grams)) / len(normal)


def unrevised_drafts(report: Report, previous: PreviousYear | None = None) -> dict[str, float]:
    """The fields still holding last year's draft, with the share of each that repeats last year."""
    previous = previous if previous is not None else last_year_of(report)
    found = {}
    for key in report.drafts:
        text = report.text[key]
        if not normalised(text):
            continue  # cleared to be written anew
        share = repeated_share(text, previous) if previous is not None and previous.text else 1.0
        if share > DRAFT_ABOVE:
            found[key] = share
    return found


def confirm_fix(report: Report, key: str) -> Fix:
    return Fix(CONFIRM, ((DRAFTS, tuple(k for k in report.drafts if k != key)),))


def drafts_unrevised(ctx: CheckContext) -> list[Finding]:
    """X-03 (error)."""
    if not ctx.report.drafts:
        return []
    year = ctx.report.meta.year - 1
    return [
        Finding(DRAFT_RULE, Severity.ERROR, (key,),
                f"“{TEXT_BY_KEY[key].label}”仍是{year}年报告的文字（{share * 100:.0f}%与上年相同），"
                f"请按本年度情况修改；核对后确需沿用的，点“{CONFIRM}”", confirm_fix(ctx.report, key))
        for key, share in unrevised_drafts(ctx.report, ctx.previous).items()
    ]
