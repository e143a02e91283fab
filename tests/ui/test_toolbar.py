"""The toolbar: save, the three exports, undo and redo in view, and the error count that opens the panel."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.ui.main_window import MainWindow


def texts(window: MainWindow) -> list[str]:
    return [a.text() for a in window.toolbar.actions() if a.text()]


def test_the_toolbar_holds_what_a_clerk_uses_all_afternoon(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert texts(window)[:6] == ["保存", "导出PDF…", "导出Word…", "导出网页…", "撤销", "重做"]
    assert not window.toolbar.errors.isVisible()  # nothing to count on the start page
    window.files.open_sample()
    document = window.document
    assert document is not None and window.editor is not None
    assert window.toolbar.errors.text() == "没有错误"
    assert not window.toolbar.undo.isEnabled()
    window.editor.tables["t4"].manual.setChecked(True)
    document.set_value("t4.review.total", "7")
    assert window.toolbar.errors.text() == "1处错误"
    window.toolbar.undo.trigger()
    assert document.report.cells["t4.review.total"] == 0 and window.toolbar.redo.isEnabled()
    window.toolbar.redo.trigger()
    assert document.report.cells["t4.review.total"] == 7


def test_the_error_count_opens_the_problems_panel(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.files.open_sample()
    document = window.document
    assert document is not None and window.editor is not None
    window.editor.tables["t4"].manual.setChecked(True)
    document.set_value("t4.review.total", "7")
    window.editor.splitter.setSizes([800, 0])  # the clerk dragged the panel shut
    qtbot.mouseClick(window.toolbar.errors, Qt.MouseButton.LeftButton)
    assert window.editor.splitter.sizes()[1] >= 80
    current = window.editor.problems.currentItem()
    assert current is not None and current.text(1) == "T4-01"
