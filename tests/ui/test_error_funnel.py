"""An unexpected error reaches one Chinese dialog and the log file, and its details can be copied."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.ui import error_funnel


def _raise() -> None:
    [][1]  # noqa: B018  # an IndexError, as a bug would raise


def test_a_bug_is_logged_and_shown_with_copyable_details(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    log_file = error_funnel.configure_logging(tmp_path / "logs")
    assert log_file is not None
    seen: list[str] = []

    def copy_details() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, copy_details)
            return
        seen.append(box.windowTitle() + box.text())
        next(b for b in box.buttons() if b.text() == "复制详情").click()

    QTimer.singleShot(0, copy_details)
    try:
        _raise()
    except IndexError:
        error_funnel.report_unexpected(*sys.exc_info())  # type: ignore[arg-type]
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "baseFilename", "") == str(log_file):
            handler.close()
            root.removeHandler(handler)
    assert seen and "出错" in seen[0] and "请先保存" in seen[0]
    copied = QGuiApplication.clipboard().text()
    QGuiApplication.clipboard().clear()
    assert "IndexError" in copied and "_raise" in copied
    assert "IndexError" in log_file.read_text(encoding="utf-8")


def test_an_unwritable_log_folder_does_not_stop_the_app(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert error_funnel.configure_logging(blocker / "logs") is None
