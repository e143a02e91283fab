"""The toolbar: the few things a clerk does all afternoon, in view without opening a menu, and the count
of errors, which opens the problems panel."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolBar, QToolButton

from desktop.core.checks import Severity

if TYPE_CHECKING:
    from desktop.ui.document import ReportDocument
    from desktop.ui.main_window import MainWindow


class WindowToolbar(QToolBar):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window.tr("常用"), window)
        self.window_ = window
        self.setObjectName("toolbar")
        self.setMovable(False)
        menus = window.menus
        self.addAction(window.save_action)
        self.addSeparator()
        for action in menus.exports.values():
            self.addAction(action)
        self.addSeparator()
        self.undo = QAction(window.tr("撤销"), self)
        self.redo = QAction(window.tr("重做"), self)
        self.undo.triggered.connect(lambda: self._stack_call("undo"))
        self.redo.triggered.connect(lambda: self._stack_call("redo"))
        self.addAction(self.undo)
        self.addAction(self.redo)
        self.addSeparator()
        self.errors = QToolButton(self)
        self.errors.setObjectName("errorCount")
        self.errors.clicked.connect(self._show_problems)
        self.errors_action = self.addWidget(self.errors)  # a toolbar shows or hides its widgets by action
        self.attach(None)

    def attach(self, document: ReportDocument | None) -> None:
        self._document = document
        if document is not None:
            stack = document.undo_stack
            stack.canUndoChanged.connect(self.undo.setEnabled)
            stack.canRedoChanged.connect(self.redo.setEnabled)
            document.findings_changed.connect(self._count)
        self.undo.setEnabled(document is not None and document.undo_stack.canUndo())
        self.redo.setEnabled(document is not None and document.undo_stack.canRedo())
        self._count()

    def _stack_call(self, name: str) -> None:
        if self._document is not None:
            self.window_.commit_open_edits()
            getattr(self._document.undo_stack, name)()

    def _count(self) -> None:
        document = self._document
        errors = sum(f.severity is Severity.ERROR for f in document.findings) if document else 0
        self.errors_action.setVisible(document is not None)
        self.errors.setText(self.tr("%n处错误", "", errors) if errors else self.tr("没有错误"))
        self.errors.setStyleSheet("color: #b3261e; font-weight: bold;" if errors else "color: #2e7d32;")
        self.errors.setToolTip(self.tr("打开问题列表"))

    def _show_problems(self) -> None:
        editor = self.window_.editor
        if editor is not None:
            editor.show_problems()
