"""五 and 六: one heading, one editor and a hint of what evaluators look for; last year's text beside it."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.core.fields import TEXT_BY_KEY
from desktop.ui.document import ReportDocument
from desktop.ui.field_block import FieldBlock
from desktop.ui.similarity_label import SimilarityLabel
from desktop.ui.text_editor import TextFieldEditor


class TextSectionTab(QWidget):
    def __init__(self, document: ReportDocument, key: str, hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(TEXT_BY_KEY[key].label)
        heading.setObjectName("sectionHeading")
        note = QLabel(hint)
        note.setWordWrap(True)
        note.setObjectName("hint")
        self.editor = TextFieldEditor(document, key)
        self.block = FieldBlock(document, self.editor)
        self.similarity = SimilarityLabel(document, TEXT_BY_KEY[key].section)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.similarity)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(note)
        layout.addWidget(self.block, 1)
