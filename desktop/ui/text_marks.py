"""A stretch of a text field drawn with its own format (a wavy underline, a highlight) without changing the
text: Qt's extra selections."""

from __future__ import annotations

from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit


def marked(document: QTextDocument, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
    selection = QTextEdit.ExtraSelection()
    selection.format = fmt  # type: ignore[attr-defined]
    cursor = QTextCursor(document)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    selection.cursor = cursor  # type: ignore[attr-defined]
    return selection
