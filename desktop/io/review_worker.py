"""What each worker process does with one received file: read it, find last year's report of the same
agency, check it, and hand back a small ``ReportReview``. Module-level functions, so that a process pool
can call them by name.

Last year's reports are read first, each into a snapshot file in a temporary folder; the workers get
only the list of agencies and years (``Candidate``) and load the one snapshot a report needs, so memory
stays that of one report per worker however many files the folders hold.
"""

from __future__ import annotations

import datetime as dt
import logging
import traceback
from dataclasses import dataclass
from pathlib import Path

from desktop.core.checks import check
from desktop.core.lastyear import last_year_of, snapshot
from desktop.core.narrative.similarity import WHOLE, repetition
from desktop.core.report import PreviousYear, Report
from desktop.core.review.agencies import Candidate, match_last_year
from desktop.core.review.outcome import ReportReview, refused, review_of
from desktop.io.review_read import Unreadable, read_received

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Snapshot:
    """Last year's report of one agency, kept on disk while the review runs."""

    file: str
    path: str


@dataclass(frozen=True)
class Setting:
    today: dt.date
    last_year: tuple[Candidate[Snapshot], ...] | None  # None: no last year's folder was given


_SETTING = Setting(dt.date.today(), None)


def configure(setting: Setting) -> None:
    """The pool's initializer: the same date and last year's list for every file."""
    global _SETTING
    _SETTING = setting


def read_last_year(task: tuple[str, str, str]) -> Candidate[Snapshot] | None:
    """Phase one: last year's file (its path, its name in the rows, the snapshot to write), kept as a
    snapshot; None when it cannot be read."""
    source, name, target = task
    try:
        report = read_received(Path(source)).report
    except Unreadable:
        return None
    Path(target).write_text(snapshot(report).model_dump_json(), encoding="utf-8")
    return Candidate(report.meta.agency, report.meta.year, Snapshot(name, target))


def review_path(task: tuple[str, str]) -> ReportReview:
    """Phase two: a file (its path, and its name in the rows). Bad input gets a row saying why. Any other
    exception is a bug: it is logged and the row says so as a program error, so that one file cannot
    stop a county's run of a thousand."""
    source, name = task
    try:
        return _review(Path(source), name)
    except Unreadable as error:
        return refused(name, str(error))
    except Exception as error:  # a bug, told as one (failed=True), never as bad input
        log.error("审核“%s”时程序出错\n%s", name, traceback.format_exc())
        return refused(name, f"程序错误（{type(error).__name__}），请将此文件报告给软件维护方", failed=True)


def crashed(task: tuple[str, str]) -> ReportReview:
    """The row of a file whose worker process died while reading it (run again alone, it died again)."""
    source, name = task
    log.error("读取“%s”时处理进程意外退出", source)
    reason = "读取此文件时处理进程意外退出（文件可能已损坏），未能审核；请将此文件报告给软件维护方"
    return refused(name, reason, failed=True)


def _review(path: Path, name: str) -> ReportReview:
    report, read_notes = read_received(path)
    previous, file, note = _last_year(report)
    findings = check(report, previous=previous, today=_SETTING.today)
    linked = last_year_of(report, previous)
    share = None
    if linked is not None and linked.text:
        result = repetition(report.text, linked.text)
        share = result.shares[WHOLE] if result else None
    return review_of(name, report, findings, share, file, note, read_notes)


def _last_year(report: Report) -> tuple[PreviousYear | None, str, str]:
    if _SETTING.last_year is None:
        return None, "", ""
    match = match_last_year(report.meta.agency, report.meta.year, list(_SETTING.last_year))
    if match.candidate is None:
        return None, "", match.note
    kept = match.candidate.item
    return PreviousYear.model_validate_json(Path(kept.path).read_bytes()), kept.file, ""
