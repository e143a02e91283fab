"""What reviewing one received file found, small and picklable: it crosses from the worker processes
to the summary, so it holds the findings with their places and quoted text, not the report."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.core.checks.findings import Finding, Severity
from desktop.core.fields import META_BY_KEY, TEXT_BY_KEY, Level
from desktop.core.report import Report
from desktop.core.tablespec import CELLS

MAX_QUOTE = 80  # characters of a quoted passage; a longer one ends in …


@dataclass(frozen=True)
class ReviewedFinding:
    rule: str
    severity: Severity
    message: str
    cells: tuple[str, ...] = ()  # canonical keys
    places: tuple[str, ...] = ()  # the same, named for the clerk: 「表三 （七）总计 / 总计」
    quotes: tuple[str, ...] = ()  # the characters of the text the finding is about


@dataclass(frozen=True)
class ReportReview:
    """One received file. ``refused`` says why it could not be read; ``failed`` marks a program error
    (a bug, told as such) rather than bad input."""

    file: str
    agency: str = ""
    level: Level | None = None
    year: int | None = None
    date: dt.date | None = None
    findings: tuple[ReviewedFinding, ...] = ()
    repetition: float | None = None  # share of the text repeating last year's, 0–1
    last_year_file: str = ""
    last_year_note: str = ""  # why no last year's report was used, when one was looked for
    refused: str = ""
    failed: bool = False
    read_notes: tuple[str, ...] = ()  # what reading the file noted: 「原文为繁体字…」, a second report left out

    @property
    def read_status(self) -> str:
        """「已读取」, with what reading the file noted."""
        return "；".join(("已读取", *self.read_notes))

    @property
    def readable(self) -> bool:
        return not self.refused

    def count(self, severity: Severity) -> int:
        return sum(f.severity is severity for f in self.findings)

    @property
    def errors(self) -> int:
        return self.count(Severity.ERROR)

    @property
    def warnings(self) -> int:
        return self.count(Severity.WARNING)


def place_name(key: str) -> str:
    """A cell, text field or metadata key as the clerk knows it."""
    if key in CELLS:
        return CELLS[key].label
    if key in TEXT_BY_KEY:
        return TEXT_BY_KEY[key].label
    return META_BY_KEY[key].label if key in META_BY_KEY else key


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_QUOTE else text[: MAX_QUOTE - 1] + "…"


def reviewed(finding: Finding, report: Report) -> ReviewedFinding:
    quotes = tuple(_quote(report.text.get(s.key, "")[s.start:s.end]) for s in finding.spans)
    return ReviewedFinding(
        finding.rule, finding.severity, finding.message, finding.cells,
        tuple(place_name(k) for k in finding.cells), tuple(q for q in quotes if q),
    )


def review_of(file: str, report: Report, findings: list[Finding], repetition: float | None = None,
              last_year_file: str = "", last_year_note: str = "", read_notes: tuple[str, ...] = ()) -> ReportReview:
    meta = report.meta
    return ReportReview(
        file, meta.agency, meta.level, meta.year, meta.date, tuple(reviewed(f, report) for f in findings),
        repetition, last_year_file, last_year_note, read_notes=read_notes,
    )


def refused(file: str, reason: str, failed: bool = False) -> ReportReview:
    return ReportReview(file, refused=reason, failed=failed)
