"""One table as the register gives it, read-only: a click on a figure lists the register rows behind it.
Figures where the report's typed figure differs are marked."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QSplitter, QTableView, QVBoxLayout, QWidget

from desktop.core.register.tally import Tally
from desktop.core.report import Report
from desktop.core.tablespec import CELLS
from desktop.ui.register_models import RegisterGridModel, RegisterRowsModel

MAX_LABEL_PX = 300


class RegisterTable(QWidget):
    def __init__(self, tally: Tally, report: Report, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tally = tally
        self.model = RegisterGridModel(tally, report)
        self.grid = QTableView()
        self.grid.setModel(self.model)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.grid.horizontalHeader().setMinimumSectionSize(52)
        self.grid.verticalHeader().setMaximumWidth(MAX_LABEL_PX)  # the longest labels are elided; tooltips hold them
        self.caption = QLabel(self.tr("点击一个数字，查看台账中对应的行"))
        self.rows = RegisterRowsModel()
        self.sources = QTableView()
        self.sources.setModel(self.rows)
        self.sources.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sources.verticalHeader().hide()
        self.sources.horizontalHeader().setStretchLastSection(True)
        below = QWidget()
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.addWidget(self.caption)
        below_layout.addWidget(self.sources)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.grid)
        splitter.addWidget(below)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        selection = self.grid.selectionModel()
        selection.currentChanged.connect(self._current_changed)

    def refresh(self, report: Report) -> None:
        self.model.report = report
        self.model.report_changed()

    def select(self, key: str) -> None:
        self.grid.setCurrentIndex(self.model.index_of(key))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.show_sources(self.model.key_at(current))

    def show_sources(self, key: str) -> None:
        entries = self.tally.rows_behind(key)
        label = CELLS[key].label
        self.caption.setText(self.tr("%1：%2件，来自台账中的以下行").replace("%1", label)
                             .replace("%2", str(len(entries))) if entries else
                             self.tr("%1：台账中没有这类记录").replace("%1", label))
        self.rows.show(entries)
        self.sources.resizeColumnsToContents()
