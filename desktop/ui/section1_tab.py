"""一、总体情况: the opening paragraph and the five parts, each with its heading and editor."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.core.fields import OVERSIGHT_HEADING_FOR_GOVERNMENTS, SECTIONS, TEXT_BY_KEY
from desktop.ui.document import ReportDocument
from desktop.ui.text_editor import TextFieldEditor

EDITOR_MIN_HEIGHT = 120


class Section1Tab(QScrollArea):
    def __init__(self, document: ReportDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        heading = QLabel(SECTIONS[0].heading)
        heading.setObjectName("sectionHeading")
        layout.addWidget(heading)
        self.editors: dict[str, TextFieldEditor] = {}
        self.headings: dict[str, QLabel] = {}
        for key in SECTIONS[0].text_keys:
            field = TEXT_BY_KEY[key]
            label = QLabel(field.heading or self.tr("开头段落（可选）"))
            label.setObjectName("partHeading")
            editor = TextFieldEditor(document, key)
            editor.setMinimumHeight(EDITOR_MIN_HEIGHT)
            layout.addWidget(label)
            layout.addWidget(editor)
            self.editors[key] = editor
            self.headings[key] = label
        self.setWidget(body)
        document.changed.connect(self._update_headings)
        self._update_headings(())

    def _update_headings(self, keys: tuple[str, ...]) -> None:
        governments = self.document.report.meta.level.is_government
        field = TEXT_BY_KEY["text.s1.oversight"]
        self.headings[field.key].setText(OVERSIGHT_HEADING_FOR_GOVERNMENTS if governments else field.heading)
