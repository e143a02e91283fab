"""The first screen: what a clerk can do without reading a manual, and when to do which."""

from __future__ import annotations

from datetime import datetime
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

PATH_ROLE = Qt.ItemDataRole.UserRole


def modified_on(path: Path) -> str | None:
    """「2024年1月4日 15:30」, when the file was last saved; None when it is gone."""
    try:
        when = datetime.fromtimestamp(path.stat().st_mtime)
    except (OSError, ValueError, OverflowError):
        return None
    return f"{when.year}年{when.month}月{when.day}日 {when:%H:%M}"


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
        self.hints: dict[str, QLabel] = {}
        actions = QGridLayout()
        actions.setHorizontalSpacing(16)
        for row, (name, text, hint, signal) in enumerate((
            ("new", self.tr("新建报告"), self.tr("第一次编写本单位的年报：从法定格式的空白报告开始"),
             self.new_requested),
            ("import", self.tr("导入已发布的报告…"),
             self.tr("去年的报告已在网站发布？导入后修改（网页、Word、PDF 或文本均可）"), self.import_requested),
            ("open", self.tr("打开…"), self.tr("继续编辑保存过的报告（.nianbao 文件）"), self.open_requested),
            ("sample", self.tr("打开示例报告"), self.tr("看看一份填好的乡镇报告是什么样子"), self.sample_requested),
        )):
            button = QPushButton(text)
            button.setMinimumHeight(40)
            button.setMinimumWidth(180)
            button.clicked.connect(signal.emit)
            label = QLabel(hint)
            label.setObjectName("hint")
            label.setWordWrap(True)
            self.buttons[name], self.hints[name] = button, label
            actions.addWidget(button, row, 0)
            actions.addWidget(label, row, 1)
        actions.setColumnStretch(1, 1)
        actions.setRowStretch(len(self.buttons), 1)
        self.recent = QListWidget()
        self.recent.setSpacing(2)
        self.recent.itemActivated.connect(self._recent_chosen)
        self.recent.itemClicked.connect(self._recent_chosen)
        recent_box = QVBoxLayout()
        recent_box.addWidget(QLabel(self.tr("最近打开")))
        recent_box.addWidget(self.recent)
        sides = QHBoxLayout()
        sides.addLayout(actions, 1)
        sides.addSpacing(24)
        sides.addLayout(recent_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(16)
        layout.addLayout(sides, 1)

    def _recent_chosen(self, item: QListWidgetItem) -> None:
        path = item.data(PATH_ROLE)
        if path:
            self.recent_requested.emit(path)

    def set_recent(self, files: list[str]) -> None:
        """Each file by its name, with its folder and when it was last saved underneath."""
        self.recent.clear()
        for file in files:
            path = Path(file)
            when = modified_on(path)
            saved = self.tr("修改于%1").replace("%1", when) if when else self.tr("文件已不在原处")
            item = QListWidgetItem()
            item.setData(PATH_ROLE, file)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{path.name}\n{path.parent}　·　{saved}")
            item.setToolTip(file)
            label = QLabel(f"<b>{escape(path.name)}</b><br><span style='color:#555'>{escape(str(path.parent))}"
                           f"　·　{escape(saved)}</span>")
            label.setContentsMargins(6, 4, 6, 4)
            item.setSizeHint(label.sizeHint())
            self.recent.addItem(item)
            self.recent.setItemWidget(item, label)
        if not files:
            placeholder = QListWidgetItem(self.tr("（暂无）"))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(placeholder)
