"""A slow import runs off the UI thread: the window keeps working, and 取消 leaves the open report as it was."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer

from desktop.ui.main_window import MainWindow
from tests.ui.helpers import cancel_when_progress_shows

ROWS = 1400  # under the importer's limits, and slow enough to watch (about half a second)


def slow_page(folder: Path) -> Path:
    rows = "".join("<tr>" + "".join(f"<td>{i * 10 + j}</td>" for j in range(10)) + "</tr>" for i in range(ROWS))
    page = folder / "slow.html"
    page.write_text(f"<html><body><h1>2023年某乡政府信息公开工作年度报告</h1><p>一、总体情况</p>"
                    f"<table>{rows}</table></body></html>", encoding="utf-8")
    return page


def test_the_event_loop_turns_during_a_slow_import(window: MainWindow, tmp_path: Path) -> None:
    page = slow_page(tmp_path)
    ticks: list[int] = []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(1))
    window.host.run_dialog = lambda dialog: True  # type: ignore[method-assign]
    timer.start()
    assert window.files.import_path(page)
    timer.stop()
    assert len(ticks) >= 10, f"the UI thread stood still during the import ({len(ticks)} ticks)"
    assert window.document is not None and window.document.report.meta.agency == "某乡"


def test_cancel_stops_the_import_and_leaves_the_open_report(window: MainWindow, tmp_path: Path) -> None:
    window.files.open_sample()
    before = window.document
    assert before is not None
    original = before.report.model_copy(deep=True)
    page = slow_page(tmp_path)
    cancel_when_progress_shows(window)
    assert not window.files.import_path(page)
    assert window.document is before and window.document.report == original
    assert window.statusBar().currentMessage() == "已取消导入"
