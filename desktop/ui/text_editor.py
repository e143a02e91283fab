"""A plain-text editor bound to one text field of the report. Its typing goes through the document's
undo stack, so Ctrl+Z undoes cells and text alike."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from desktop.ui.document import ReportDocument


class TextFieldEditor(QPlainTextEdit):
    def __init__(self, document: ReportDocument, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document_ = document
        self.key = key
        self._syncing = False
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        self._load()
        self.textChanged.connect(self._on_text_changed)
        document.changed.connect(self._on_document_changed)

    def _load(self) -> None:
        self._syncing = True
        try:
            text = self.document_.report.text[self.key]
            if text != self.toPlainText():
                position = self.textCursor().position()
                self.setPlainText(text)
                cursor = self.textCursor()
                cursor.setPosition(min(position, len(text)))
                self.setTextCursor(cursor)
        finally:
            self._syncing = False

    def _on_text_changed(self) -> None:
        if not self._syncing:
            self.document_.set_text(self.key, self.toPlainText())

    def _on_document_changed(self, keys: tuple[str, ...]) -> None:
        if self.key in keys:
            self._load()

    def event(self, event: QEvent) -> bool:
        """Leave Ctrl+Z and Ctrl+Y to the window's undo actions."""
        if event.type() == QEvent.Type.ShortcutOverride:
            key_event = event  # QKeyEvent
            if key_event.matches(QKeySequence.StandardKey.Undo) or key_event.matches(QKeySequence.StandardKey.Redo):  # type: ignore[attr-defined]
                event.ignore()
                return False
        return super().event(event)

    def select_span(self, start: int, end: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.setFocus()


