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
    """One worker thread at a time. An edit made while a check runs waits for it, and of several such
    edits only the last is checked: each check of a long report takes seconds of the processor, and
    checks run side by side would take the UI thread's turns too."""

    finished = Signal(int, object)  # the generation it was started for, and its findings

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._waiting: tuple[Report, int] | None = None
        self._running = False

    def start(self, report: Report, generation: int) -> None:
        snapshot = report.model_copy(deep=True)  # edits go on while the worker reads
        with self._lock:
            self._waiting = (snapshot, generation)
            if self._running:
                return
            self._running = True
        threading.Thread(target=self._work, name="nianbao-check", daemon=True).start()

    def _work(self) -> None:
        try:
            while True:
                with self._lock:
                    job, self._waiting = self._waiting, None
                    if job is None:
                        self._running = False
                        return
                snapshot, generation = job
                self.finished.emit(generation, check(snapshot))
        except BaseException:
            with self._lock:  # the next edit starts a worker again
                self._running = False
            raise
