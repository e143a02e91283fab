"""The first screen: what a clerk can do without reading a manual."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget


class StartPage(QWidget):
    new_requested = Signal()
    open_requested = Signal()
    import_requested = Signal()
    sample_requested = Signal()
    recent_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("年报助手"))
        title.setObjectName("startTitle")
        subtitle = QLabel(self.tr("政府信息公开工作年度报告：填写、校验、导出"))
        self.buttons: dict[str, QPushButton] = {}
        column = QVBoxLayout()
        for name, text, signal in (
            ("new", self.tr("新建报告"), self.new_requested),
            ("open", self.tr("打开…"), self.open_requested),
            ("import", self.tr("导入已发布的报告…"), self.import_requested),
            ("sample", self.tr("打开示例报告"), self.sample_requested),
        ):
            button = QPushButton(text)
            button.setMinimumHeight(40)
            button.clicked.connect(signal.emit)
            self.buttons[name] = button
            column.addWidget(button)
        column.addStretch(1)
        self.recent = QListWidget()
        self.recent.itemActivated.connect(lambda item: self.recent_requested.emit(item.data(0x0100)))
        self.recent.itemClicked.connect(lambda item: self.recent_requested.emit(item.data(0x0100)))
        recent_box = QVBoxLayout()
        recent_box.addWidget(QLabel(self.tr("最近打开")))
        recent_box.addWidget(self.recent)
        row = QHBoxLayout()
        row.addLayout(column, 1)
        row.addLayout(recent_box, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(16)
        layout.addLayout(row, 1)

    def set_recent(self, files: list[str]) -> None:
        self.recent.clear()
        for file in files:
            item = QListWidgetItem(f"{Path(file).name}    {Path(file).parent}")
            item.setData(0x0100, file)
            item.setToolTip(file)
            self.recent.addItem(item)
        if not files:
            placeholder = QListWidgetItem(self.tr("（暂无）"))
            placeholder.setFlags(placeholder.flags() & ~placeholder.flags())
            self.recent.addItem(placeholder)
