"""Small helpers for driving the real editor in tests."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu

from desktop.ui.main_window import MainWindow
from desktop.ui.table_view import SpecTableView


def open_table(window: MainWindow, table: str) -> SpecTableView:
    assert window.editor is not None
    number = {"t2": 2, "t3": 3, "t4": 4}[table]
    window.editor.tabs.setCurrentIndex(number)
    view = window.editor.tables[table].view
    view.setFocus()
    QApplication.processEvents()
    return view


def type_text(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Key events carrying any character, full-width digits included (QTest only types ASCII)."""
    for char in text:
        target = QApplication.focusWidget() or widget
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))
        QApplication.processEvents()


def type_into(qtbot, view: SpecTableView, key: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Select a cell and type over it like a clerk: keys, then Enter."""
    view.setCurrentIndex(view.spec_model.index_of(key))
    view.window().activateWindow()
    view.setFocus()
    type_text(view, text)
    editor = QApplication.focusWidget() or view.viewport().findChild(QLineEdit)
    assert editor is not None, "typing did not open a cell editor"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()


def file_menu_actions(window: MainWindow) -> dict[str, QAction]:
    """The 文件 menu's actions by their text (the menu found as the window's child: PySide6 6.8 deletes the
    wrapper that ``QAction.menu()`` returns for a temporary action)."""
    menu = next(m for m in window.menuBar().findChildren(QMenu) if m.title() == "文件(&F)")
    return {a.text(): a for a in menu.actions()}


def cancel_when_progress_shows(window: MainWindow) -> None:
    """Press 取消 on the window's progress dialog as soon as the work under way shows it."""

    def cancel() -> None:
        progress = window.host.progress
        if progress is None:
            QTimer.singleShot(5, cancel)
            return
        progress.cancel()

    QTimer.singleShot(0, cancel)
