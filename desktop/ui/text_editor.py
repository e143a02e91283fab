"""A plain-text editor bound to one text field of the report. Its typing goes through the document's
undo stack, so Ctrl+Z undoes cells and text alike."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QHelpEvent, QKeySequence, QResizeEvent, QShowEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from desktop.core.checks import Finding
from desktop.ui import palette
from desktop.ui.document import ReportDocument
from desktop.ui.text_marks import marked

DRAWN_AT_ONCE = 50  # marks; a real report's field has a handful
MARGIN_CHARACTERS = 3000  # drawn beyond the view on either side, so that a small scroll draws nothing


class TextFieldEditor(QPlainTextEdit):
    def __init__(self, document: ReportDocument, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document_ = document
        self.key = key
        self._syncing = False
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        self._marks: list[tuple[int, int, Finding]] = []
        self._by_start: list[tuple[int, int, Finding]] = []  # the same, by position, when there are many
        self._mark_starts: list[int] = []
        self._drawn = (0, -1)  # the characters whose marks are drawn, when not all are
        self._stale = False  # the findings changed while the editor was out of view
        self._load()
        self.textChanged.connect(self._on_text_changed)
        document.changed.connect(self._on_document_changed)
        # After a check the underlines are drawn on the next turn of the event loop, once the panel has been
        # filled: the window repaints between the two, which for a long text are each tens of milliseconds.
        self._mark_soon = QTimer(self, singleShot=True, interval=0)
        self._mark_soon.timeout.connect(self._mark_findings)
        document.findings_changed.connect(self._mark_soon.start)
        self._mark_findings()

    def _load(self) -> None:
        self._syncing = True
        try:
            text = self.document_.report.text[self.key]
            if text != self.toPlainText():
                position = self.textCursor().position()
                self._forget_marks()  # they point into the old text; the check of the new one draws its own
                self.setPlainText(text)
                cursor = self.textCursor()
                cursor.setPosition(min(position, len(text)))
                self.setTextCursor(cursor)
        finally:
            self._syncing = False

    def _forget_marks(self) -> None:
        self._marks, self._by_start, self._mark_starts, self._drawn = [], [], [], (0, -1)
        if self.extraSelections():
            self.setExtraSelections([])

    def _on_text_changed(self) -> None:
        if not self._syncing:
            self.document_.set_text(self.key, self.toPlainText())

    def _on_document_changed(self, keys: tuple[str, ...]) -> None:
        if self.key in keys:
            self._load()

    def _mark_findings(self) -> None:
        """Underline the characters that a finding is about, in its severity's colour. An editor out of view
        (on another tab) does it when it is shown: after each check of a long text, every editor drawing its
        thousands of marks kept the window waiting."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        # The checked text's length, without writing out the editor's text (a long field took milliseconds per
        # editor after every check); no more than the editor holds, should Qt have changed a character.
        length = min(len(self.document_.report.text[self.key]), self.document().characterCount() - 1)
        self._marks = [mark for mark in self.document_.marks_in(self.key) if 0 <= mark[0] < mark[1] <= length]
        many = len(self._marks) > DRAWN_AT_ONCE
        self._by_start = sorted(self._marks, key=lambda mark: mark[0]) if many else self._marks
        self._mark_starts = [start for start, _, _ in self._by_start] if many else []
        self._drawn = (0, -1)
        self._draw_marks()

    def _draw_marks(self) -> None:
        """Draw the marks, or once there are many (a long text full of disagreeing numbers), those in view and
        a screenful or so around it: Qt lays out every block a mark touches, which took a quarter of a
        second for two thousand marks. Scrolling draws the ones that come into view."""
        if len(self._marks) <= DRAWN_AT_ONCE:
            first, last = 0, len(self._marks)
        else:
            top, bottom = self._position_at(0), self._position_at(self.viewport().height(), end=True)
            if self._drawn[0] <= top and bottom <= self._drawn[1]:
                return
            self._drawn = (top - MARGIN_CHARACTERS, bottom + MARGIN_CHARACTERS)
            # A mark is a few characters long: the first that may reach the window starts a little before it.
            first = bisect_left(self._mark_starts, self._drawn[0] - MARGIN_CHARACTERS)
            last = bisect_right(self._mark_starts, self._drawn[1])
        self.setExtraSelections([marked(self.document(), start, end, _underline(finding))
                                 for start, end, finding in self._by_start[first:last]])

    def _position_at(self, y: int, end: bool = False) -> int:
        """The first (or, with ``end``, last) character of the line at height ``y`` of the view. The line is
        found by bisection in its paragraph's layout: hit-testing the view's corner with cursorForPosition
        took 15–20 ms in a paragraph of a few hundred thousand characters, after every check and scroll."""
        block, offset = self.firstVisibleBlock(), self.contentOffset()
        while block.isValid():
            rect = self.blockBoundingGeometry(block).translated(offset)
            if y < rect.bottom() or not block.next().isValid():
                layout = block.layout()
                if layout is None or layout.lineCount() == 0:
                    return block.position() + (max(0, block.length() - 1) if end else 0)
                low, high = 0, layout.lineCount() - 1
                while low < high:  # the last line starting at or above y
                    middle = (low + high + 1) // 2
                    if layout.lineAt(middle).y() <= y - rect.top():
                        low = middle
                    else:
                        high = middle - 1
                line = layout.lineAt(low)
                return block.position() + line.textStart() + (line.textLength() if end else 0)
            block = block.next()
        return 0

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._mark_findings()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        if len(self._marks) > DRAWN_AT_ONCE:
            self._draw_marks()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if len(self._marks) > DRAWN_AT_ONCE:
            self._drawn = (0, -1)
            self._draw_marks()

    def findings_at(self, position: int) -> list[Finding]:
        return [finding for start, end, finding in self._marks if start <= position < end]

    def viewportEvent(self, event: QEvent) -> bool:
        """Hovering an underlined number explains it."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            found = self.findings_at(self.cursorForPosition(event.pos()).position())
            if found:
                QToolTip.showText(event.globalPos(), "\n".join(f.message for f in found), self)
                return True
        return super().viewportEvent(event)

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


def _underline(finding: Finding) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    fmt.setUnderlineColor(palette.SEVERITY_FOREGROUND[finding.severity])
    fmt.setToolTip(finding.message)
    return fmt
