"""The checker off the UI thread, for long reports: a 1 MB section takes seconds to check, and the clerk
typing in it must not wait for that. A snapshot is checked in a worker thread; its findings are used
only if no later edit started another check."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from desktop.core.checks import check
from desktop.core.report import Report

LONG_REPORT_CHARS = 50_000  # a real report's text is 5,000–30,000 characters; checking it takes milliseconds


def is_long(report: Report) -> bool:
    return sum(map(len, report.text.values())) > LONG_REPORT_CHARS


class BackgroundChecker(QObject):
    finished = Signal(int, object)  # the generation it was started for, and its findings

    def start(self, report: Report, generation: int) -> None:
        snapshot = report.model_copy(deep=True)  # edits go on while the worker reads
        threading.Thread(target=lambda: self.finished.emit(generation, check(snapshot)),
                         name="nianbao-check", daemon=True).start()
