"""QUndoCommand wrappers around core edits. The command holds a pure Edit; applying it is core's job."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from desktop.core import edits

if TYPE_CHECKING:
    from desktop.ui.document import ReportDocument

TEXT_COMMAND_ID = 1001
TYPING_BURST_SECONDS = 2.0


class EditCommand(QUndoCommand):
    def __init__(self, document: ReportDocument, edit: edits.Edit) -> None:
        super().__init__(edit.label)
        self.document = document
        self.edit = edit

    def redo(self) -> None:
        edits.apply(self.document.report, self.edit)
        self.document.notify(self.edit.keys)

    def undo(self) -> None:
        edits.revert(self.document.report, self.edit)
        self.document.notify(self.edit.keys)


class TextCommand(EditCommand):
    """Typing in one text field within a short burst is one undo step."""

    def __init__(self, document: ReportDocument, edit: edits.Edit) -> None:
        super().__init__(document, edit)
        self.stamp = time.monotonic()

    def id(self) -> int:
        return TEXT_COMMAND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, TextCommand) or other.edit.keys != self.edit.keys:
            return False
        if other.stamp - self.stamp > TYPING_BURST_SECONDS:
            return False
        (mine,), (theirs,) = self.edit.changes, other.edit.changes
        merged = edits.Change(mine.key, mine.old, theirs.new)
        self.edit = edits.Edit((merged,), self.edit.label)
        self.stamp = other.stamp
        return True
