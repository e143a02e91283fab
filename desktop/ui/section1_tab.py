"""一、总体情况: the opening paragraph and the five parts, each with its heading and editor. Under
（二）依申请公开, buttons write the standard paragraphs from the tables."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from desktop.core.fields import OVERSIGHT_HEADING_FOR_GOVERNMENTS, SECTIONS, TEXT_BY_KEY
from desktop.core.narrative.generate import IncompleteTables
from desktop.core.report import Report
from desktop.ui.document import ReportDocument
from desktop.ui.field_block import FieldBlock
from desktop.ui.similarity_label import SimilarityLabel
from desktop.ui.text_editor import TextFieldEditor

EDITOR_MIN_HEIGHT = 120
ON_REQUEST_KEY = "text.s1.on_request"


class Section1Tab(QScrollArea):
    def __init__(self, document: ReportDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        heading = QLabel(SECTIONS[0].heading)
        heading.setObjectName("sectionHeading")
        self.similarity = SimilarityLabel(document, "一")
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.similarity)
        layout.addLayout(top)
        self.editors: dict[str, TextFieldEditor] = {}
        self.headings: dict[str, QLabel] = {}
        self.generate_buttons: dict[str, QPushButton] = {}
        for key in SECTIONS[0].text_keys:
            field = TEXT_BY_KEY[key]
            label = QLabel(field.heading or self.tr("开头段落（可选）"))
            label.setObjectName("partHeading")
            editor = TextFieldEditor(document, key)
            editor.setMinimumHeight(EDITOR_MIN_HEIGHT)
            row = QHBoxLayout()
            row.addWidget(label)
            row.addStretch(1)
            if key == ON_REQUEST_KEY:
                for name, text, build in self._generators():
                    button = QPushButton(text)
                    button.setToolTip(self.tr("按表三、表四的数字写出标准段落，插入到本栏末尾，可继续修改；"
                                              "再次点击时替换此前生成的段落"))
                    button.clicked.connect(lambda _=False, name=name, build=build: self._insert(name, build))
                    self.generate_buttons[name] = button
                    row.addWidget(button)
            layout.addWidget(FieldBlock(document, editor, row))
            self.editors[key] = editor
            self.headings[key] = label
        self.setWidget(body)
        document.changed.connect(self._update_headings)
        self._update_headings(())

    def _generators(self) -> list[tuple[str, str, Callable[[Report], str]]]:
        from desktop.core.narrative.generate import on_request_paragraph, review_litigation_paragraph

        return [
            ("on_request", self.tr("按表格生成申请办理段落"), on_request_paragraph),
            ("review", self.tr("按表格生成复议诉讼段落"), review_litigation_paragraph),
        ]

    def _insert(self, kind: str, build: Callable[[Report], str]) -> None:
        from desktop.core.narrative.generate import generated_before

        try:
            paragraph = build(self.document.report)
        except IncompleteTables as error:
            self.document.refused.emit(str(error))  # the status bar says which cells are still blank
            return
        how = self.document.insert_paragraph(ON_REQUEST_KEY, paragraph, lambda line: generated_before(kind, line))
        self.document.done.emit({
            "same": self.tr("段落已与表格一致"),
            "replaced": self.tr("已按表格更新此前生成的段落"),
            "added": self.tr("已按表格生成段落，插入在本栏末尾"),
        }[how])
        self.editors[ON_REQUEST_KEY].setFocus()

    def _update_headings(self, keys: tuple[str, ...]) -> None:
        governments = self.document.report.meta.level.is_government
        field = TEXT_BY_KEY["text.s1.oversight"]
        self.headings[field.key].setText(OVERSIGHT_HEADING_FOR_GOVERNMENTS if governments else field.heading)
