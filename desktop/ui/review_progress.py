"""The review window's progress bar and 取消: work runs in a thread while the window keeps repainting;
取消 returns at once and sets the work's event, so that it stops after the files in hand."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

T = TypeVar("T")
POLL_MS = 30
Progress = Callable[[int, int], None]


class ProgressStrip(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_event: threading.Event | None = None
        self.work_thread: threading.Thread | None = None  # the last run's, which ends soon after 取消
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.setVisible(False)

    def cancel(self) -> None:
        if self.cancel_event is not None:
            self.cancel_event.set()

    def run(self, work: Callable[[Progress, threading.Event], T]) -> T | None:
        """``work(progress, cancel)`` in a thread; None when cancelled. Its exception is raised here."""
        outcome: dict[str, Any] = {}
        counts = [0, 0]
        cancel = self.cancel_event = threading.Event()

        def progress(done: int, total: int) -> None:
            counts[:] = [done, total]

        def run() -> None:
            try:
                outcome["value"] = work(progress, cancel)
            except BaseException as error:  # raised again on the UI thread below
                outcome["error"] = error

        thread = self.work_thread = threading.Thread(target=run, name="nianbao-review", daemon=True)
        loop = QEventLoop()
        poll = QTimer(interval=POLL_MS)

        def tick() -> None:
            self.bar.setRange(0, max(counts[1], 1))
            self.bar.setValue(counts[0])
            self.bar.setFormat(f"{counts[0]}/{counts[1]}")
            if cancel.is_set() or not thread.is_alive():
                loop.quit()

        poll.timeout.connect(tick)
        self.bar.setValue(0)
        self.setVisible(True)
        thread.start()
        poll.start()
        loop.exec()
        poll.stop()
        self.setVisible(False)
        self.cancel_event = None
        if cancel.is_set():
            return None
        if "error" in outcome:
            raise outcome["error"]
        return outcome["value"]  # type: ignore[no-any-return]
