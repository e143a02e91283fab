"""Reviewing a folder of received reports in the window, told to the review window only through
ReviewHost: it asks for folders and paths, runs the work with progress and 取消, and shows the rows and
one report at a time."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication

from desktop.core.review.scoring import Scoring, ScoringError, load_scoring
from desktop.core.review.summary import SummaryRow, summarise, worst_first
from desktop.resources import MissingResource, resource

if TYPE_CHECKING:
    from desktop.core.report import Report

T = TypeVar("T")
Progress = Callable[[int, int], None]
SUMMARY_FILTER = "Excel工作簿 (*.xlsx);;网页 (*.html)"


def tr(text: str) -> str:
    return QCoreApplication.translate("ReviewFlow", text)


class ReviewHost(Protocol):
    def ask_folder(self, title: str) -> str: ...
    def ask_save_path(self, title: str, suggested: str, filters: str) -> str: ...
    def run_with_progress(self, message: str, work: Callable[[Progress, threading.Event], T]) -> T | None:
        """``work`` off the UI thread, given a progress callback and the 取消 event; None when cancelled."""
        ...
    def tell_error(self, title: str, text: str) -> None: ...
    def status(self, message: str) -> None: ...
    def show_rows(self, rows: list[SummaryRow], folder: Path) -> None: ...
    def show_report(self, row: SummaryRow, report: Report | None) -> None: ...


class ReviewFlow:
    def __init__(self, host: ReviewHost, today: dt.date | None = None) -> None:
        self.host = host
        self.today = today
        self.folder: Path | None = None
        self.last_year: Path | None = None
        self.rows: list[SummaryRow] = []

    def choose_folder(self) -> bool:
        folder = self.host.ask_folder(tr("选择收到的报告所在的文件夹"))
        return bool(folder) and self.review(Path(folder), self.last_year)

    def choose_last_year(self) -> bool:
        folder = self.host.ask_folder(tr("选择上年度报告所在的文件夹"))
        if not folder:
            return False
        self.last_year = Path(folder)
        if self.folder is None:
            chosen = tr("已选择上年度报告文件夹“%1”，请选择收到的报告所在的文件夹")
            self.host.status(chosen.replace("%1", self.last_year.name))
            return True
        return self.review(self.folder, self.last_year)

    def review(self, folder: Path, last_year: Path | None = None) -> bool:
        from desktop.io.review_pool import Cancelled
        from desktop.io.review_read import Unreadable
        from desktop.io.review_run import review_folder

        try:
            scoring = self._scoring()
        except (ScoringError, MissingResource) as error:
            self.host.tell_error(tr("无法审核"), str(error))
            return False

        def work(progress: Progress, cancel: threading.Event) -> list[SummaryRow] | None:
            try:
                reviews = review_folder(folder, last_year, today=self.today, cancel=cancel, progress=progress)
            except Cancelled:
                return None
            return worst_first([summarise(r, scoring) for r in reviews])

        try:
            rows = self.host.run_with_progress(tr("正在审核“%1”……").replace("%1", folder.name), work)
        except Unreadable as error:
            self.host.tell_error(tr("无法审核"), str(error))
            return False
        if rows is None:
            self.host.status(tr("已取消审核"))
            return False
        self.folder, self.last_year, self.rows = folder, last_year, rows
        self.host.show_rows(rows, folder)
        self.host.status(tr("已审核%1份报告").replace("%1", str(len(rows))))
        return True

    def _scoring(self) -> Scoring:
        return load_scoring(resource("review", "scoring.json"))

    def open_row(self, index: int) -> None:
        """The report read again (only the small review was kept), to be shown read-only."""
        from desktop.io.review_read import Unreadable, read_received

        row = self.rows[index]
        report = None
        if row.review.readable and self.folder is not None:
            try:
                report = read_received(self.folder / row.review.file).report
            except Unreadable as error:
                self.host.status(str(error))
        self.host.show_report(row, report)

    def export_summary(self) -> bool:
        if not self.rows:
            return False
        path = self.host.ask_save_path(tr("导出审核汇总表"), tr("审核汇总.xlsx"), SUMMARY_FILTER)
        if not path:
            return False
        target = Path(path) if Path(path).suffix.lower() in (".xlsx", ".html") else Path(path + ".xlsx")
        return self._written(target, lambda: _write_summary(self.rows, target))

    def export_sheets(self) -> bool:
        folder = self.host.ask_folder(tr("选择保存审核意见单的文件夹")) if self.rows else ""
        if not folder:
            return False
        from desktop.io.review_sheet import export_sheets

        def work(progress: Progress, cancel: threading.Event) -> list[Path]:
            return export_sheets(self.rows, Path(folder), ".pdf", progress, cancel)

        outcome: list[list[Path] | None] = []
        message = tr("正在写审核意见单……")
        if not self._written(Path(folder), lambda: outcome.append(self.host.run_with_progress(message, work))):
            return False
        if outcome[0] is None:
            self.host.status(tr("已取消：已写好的审核意见单保留在“%1”中").replace("%1", folder))
            return False
        return True

    def _written(self, target: Path, write: Callable[[], object]) -> bool:
        from desktop.core.file_errors import describe

        try:
            write()
        except OSError as error:
            self.host.tell_error(tr("导出失败"), tr("无法写入“%1”：%2").replace("%1", target.name)
                                 .replace("%2", describe(error)))
            return False
        self.host.status(tr("已导出：%1").replace("%1", str(target)))
        return True


def _write_summary(rows: list[SummaryRow], target: Path) -> None:
    if target.suffix.lower() == ".xlsx":
        from desktop.io.review_xlsx import export_xlsx

        export_xlsx(rows, target)
    else:
        from desktop.io.review_html import export_html

        export_html(rows, target)
