"""The mapping step of a register: which column is which, and which word means which row or column of the
table. The guess comes from core (desktop/core/register/mapping.py); the clerk confirms or corrects it
here, and a word left unrecognised is listed in the result, never counted silently."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.checks import Severity
from desktop.core.register.columns import COLUMNS, Kind
from desktop.core.register.mapping import VALUE_COLUMNS, Mapping, guess_values
from desktop.core.register.sheet import RawSheet
from desktop.ui import palette

UNRECOGNISED = palette.SEVERITY_BACKGROUND[Severity.WARNING]


class RegisterMappingDialog(QDialog):
    def __init__(self, sheet: RawSheet, guess: Mapping, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sheet = sheet
        self.mapping = Mapping(guess.kind, dict(guess.columns), {c: dict(w) for c, w in guess.values.items()})
        self.setWindowTitle(self.tr("确认台账的列和写法"))
        intro = QLabel(self.tr("%1：表头在第%2行，共%3行。请确认每一列的内容，以及台账中每种写法对应表格的哪一项；"
                               "对应关系会记住，下次打开同样格式的台账时直接使用。")
                       .replace("%1", sheet.source).replace("%2", str(sheet.header_line))
                       .replace("%3", str(len(sheet.rows))))
        intro.setWordWrap(True)
        self.column_boxes: dict[str, QComboBox] = {}
        form = QFormLayout()
        for column in COLUMNS[sheet.kind]:
            box = QComboBox()
            box.addItem(self.tr("（没有这一列）"), None)
            for index, header in enumerate(sheet.headers):
                if header:
                    box.addItem(self.tr("第%1列：%2").replace("%1", str(index + 1)).replace("%2", header), index)
            box.setCurrentIndex(max(box.findData(self.mapping.columns.get(column.key)), 0))
            box.currentIndexChanged.connect(lambda _i, key=column.key: self._column_changed(key))
            self.column_boxes[column.key] = box
            label = column.label if column.required else self.tr("%1（可选）").replace("%1", column.label)
            form.addRow(label, box)
        self.words = QTableWidget(0, 4)
        number = "三" if sheet.kind is Kind.APPLICATIONS else "四"
        self.words.setHorizontalHeaderLabels([self.tr("列"), self.tr("台账中的写法"), self.tr("行数"),
                                              self.tr("对应表%1中的").replace("%1", number)])
        sections = self.words.horizontalHeader()
        for col, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch,
                                    QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch)):
            sections.setSectionResizeMode(col, mode)
        self.words.verticalHeader().hide()
        self.state = QLabel()
        self.state.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.ok: QPushButton = buttons.addButton(self.tr("确定，计算"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("写法的对应：")))
        layout.addWidget(self.words, 1)
        layout.addWidget(self.state)
        layout.addWidget(buttons)
        self.target_boxes: dict[tuple[str, str], QComboBox] = {}
        self.choice_models: dict[str, QStandardItemModel] = {}
        self._fill_words()

    def chosen(self) -> Mapping:
        return self.mapping

    def _column_changed(self, key: str) -> None:
        index = self.column_boxes[key].currentData()
        self.mapping.columns[key] = index
        guessed = [key] if key in VALUE_COLUMNS[self.sheet.kind] else ["result"] if key == "reason" else []
        for column in guessed:  # a reason column changes the result's words
            known = self.mapping.values.get(column)
            self.mapping.values[column] = guess_values(self.sheet, self.mapping.columns, column, known)
        if guessed:
            self._fill_words()
        self._update()

    def _fill_words(self) -> None:
        labels = {c.key: c.label for c in COLUMNS[self.sheet.kind]}
        self.words.setRowCount(0)
        self.target_boxes.clear()
        counts = {key: dict(self.mapping.words(self.sheet, key)) for key in VALUE_COLUMNS[self.sheet.kind]}
        for key in VALUE_COLUMNS[self.sheet.kind]:
            words = self.mapping.values.get(key, {})
            for word, target in sorted(words.items(), key=lambda item: item[1] is not None):  # unrecognised first
                row = self.words.rowCount()
                self.words.insertRow(row)
                self.words.setItem(row, 0, _item(labels[key]))
                self.words.setItem(row, 1, _item(word or self.tr("（空白）")))
                self.words.setItem(row, 2, _item(str(counts[key].get(word, 0))))
                box = QComboBox()
                box.setModel(self._choices(key))  # one list of choices per column, shared by its words
                box.setCurrentIndex(max(box.findData(target), 0))
                box.currentIndexChanged.connect(partial(self._target_changed, key, word, box, row))
                self.words.setCellWidget(row, 3, box)
                self.target_boxes[(key, word)] = box
                self._paint(row, target is None)
        self._update()

    def _choices(self, key: str) -> QStandardItemModel:
        if key not in self.choice_models:
            model = QStandardItemModel(self)
            for choice, label in [(None, self.tr("（未识别，不计入）")), *VALUE_COLUMNS[self.sheet.kind][key][1]()]:
                item = QStandardItem(label)
                item.setData(choice, Qt.ItemDataRole.UserRole)
                model.appendRow(item)
            self.choice_models[key] = model
        return self.choice_models[key]

    def _target_changed(self, key: str, word: str, box: QComboBox, row: int, _index: int = 0) -> None:
        self.mapping.values.setdefault(key, {})[word] = box.currentData()
        self._paint(row, box.currentData() is None)
        self._update()

    def _paint(self, row: int, unrecognised: bool) -> None:
        for col in range(3):
            item = self.words.item(row, col)
            if item is not None:
                item.setBackground(UNRECOGNISED if unrecognised else QBrush())

    def _update(self) -> None:
        missing = self.mapping.missing_columns()
        unknown = sum(1 for words in self.mapping.values.values() for t in words.values() if t is None)
        if missing:
            self.state.setText(self.tr("请选择%1所在的列").replace("%1", "、".join(missing)))
        elif unknown:
            self.state.setText(self.tr("有%1种写法未识别：这些行不计入，计算后会逐行列出").replace("%1", str(unknown)))
        else:
            self.state.setText(self.tr("所有写法都已对应"))
        self.ok.setEnabled(not missing)


def _item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    return item

