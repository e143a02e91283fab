"""A long report's PDF takes seconds to lay out: the window keeps turning while it is made, 取消 writes
nothing, and the PDF is of the report as it was when 导出 was chosen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer

from desktop.ui.document import ReportDocument
from desktop.ui.main_window import MainWindow
from tests.fixtures.reports import huaian
from tests.io.pdf_helpers import joined, page_fragments
from tests.ui.helpers import cancel_when_progress_shows

SENTENCE = "本机关坚持以公开为常态、不公开为例外，依法依规做好政府信息公开工作。"


def _open_long(window: MainWindow, qtbot, target: Path) -> ReportDocument:  # type: ignore[no-untyped-def]
    report = huaian()
    report.text["text.s6"] = SENTENCE * 5000  # about 150 pages: a second or so to lay out
    document = ReportDocument(report)
    window.set_document(document)
    qtbot.waitUntil(lambda: not document.checking, timeout=20000)  # a long report is checked in the background
    window.host.ask_save_path = lambda *args: str(target)  # type: ignore[method-assign]
    window.host.show_pdf = lambda pdf, path: None  # type: ignore[method-assign]
    return document


def test_the_event_loop_turns_while_the_pdf_is_laid_out(window: MainWindow, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "long.pdf"
    _open_long(window, qtbot, target)
    ticks: list[int] = []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    assert window.exports.export(".pdf") == target
    timer.stop()
    assert len(ticks) >= 10, f"the UI thread stood still during the export ({len(ticks)} ticks)"
    assert SENTENCE in joined([text for page in page_fragments(target.read_bytes()) for text in page])


def test_cancel_writes_nothing(window: MainWindow, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "long.pdf"
    _open_long(window, qtbot, target)
    cancel_when_progress_shows(window)
    assert window.exports.export(".pdf") is None
    assert not target.exists()
    assert window.statusBar().currentMessage() == "已取消导出"
