"""One text field as the clerk writes it: its heading row with the draft mark, this year's editor, and
last year's text beside it while last year's report is linked."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QWidget

from desktop.ui.document import ReportDocument
from desktop.ui.draft_mark import DraftMark
from desktop.ui.last_year_pane import LastYearPane
from desktop.ui.text_editor import TextFieldEditor


class FieldBlock(QWidget):
    def __init__(self, document: ReportDocument, editor: TextFieldEditor, heading_row: QHBoxLayout | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.draft = DraftMark(document, editor.key)
        self.last_year = LastYearPane(document, editor.key)
        self.last_year.setMinimumHeight(editor.minimumHeight())
        row = heading_row if heading_row is not None else QHBoxLayout()
        row.insertWidget(1 if heading_row is not None else 0, self.draft)
        if heading_row is None:
            row.addStretch(1)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.addLayout(row, 0, 0)
        self.grid.addWidget(self.last_year.caption, 0, 1)
        self.grid.addWidget(editor, 1, 0)
        self.grid.addWidget(self.last_year, 1, 1)
        self.grid.setRowStretch(1, 1)
        document.findings_changed.connect(self._share_width)  # after the pane's own refresh
        self._share_width()

    def _share_width(self) -> None:
        """Half and half while last year's text is shown; this year's editor takes the width otherwise."""
        self.grid.setColumnStretch(0, 1)
        self.grid.setColumnStretch(1, 0 if self.last_year.isHidden() else 1)
