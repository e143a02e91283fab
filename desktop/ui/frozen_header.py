"""The heading rows of a table kept in view while it scrolls, like 冻结窗格 in a spreadsheet.

Table 三 is 30 rows deep: without its headings in view, a clerk in row （六） cannot tell 商业企业 from 科研机构.
The headings are ordinary rows of the spec, so the frozen part is a second view of the same model, laid
over the top of the table's viewport and shown only once the table has scrolled.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QFrame, QTableView

if TYPE_CHECKING:
    from desktop.ui.table_view import SpecTableView


class FrozenHeader(QTableView):
    def __init__(self, table: SpecTableView) -> None:
        super().__init__(table)
        self.table = table
        self.rows = table.spec_model.spec.header_rows
        self.setModel(table.model())
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWordWrap(True)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        for placed in table.spec_model.spec.placed:
            if placed.row < self.rows and (placed.rowspan > 1 or placed.colspan > 1):
                self.setSpan(placed.row, placed.col, placed.rowspan, placed.colspan)
        table.horizontalScrollBar().valueChanged.connect(self.horizontalScrollBar().setValue)
        table.verticalScrollBar().valueChanged.connect(lambda _value: self.follow())
        # a scroll bar coming or going changes the viewport's width
        table.verticalScrollBar().rangeChanged.connect(lambda _low, _high: self.follow())
        self.hide()

    def follow(self) -> None:
        """Take the table's column widths and heading heights; show only while the headings are scrolled away."""
        table = self.table
        spec = table.spec_model.spec
        for col in range(spec.n_cols):
            self.setColumnWidth(col, table.columnWidth(col))
        height = 0
        for row in range(self.rows):
            self.setRowHeight(row, table.rowHeight(row))
            height += table.rowHeight(row)
        viewport = table.viewport().geometry()
        self.setGeometry(viewport.x(), viewport.y(), viewport.width(), height + 1)
        self.horizontalScrollBar().setValue(table.horizontalScrollBar().value())
        scrolled = table.verticalScrollBar().value() > 0
        self.setVisible(scrolled and spec.n_rows > self.rows)
        if scrolled:
            self.raise_()
