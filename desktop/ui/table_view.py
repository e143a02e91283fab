"""A table editor that behaves like Excel or WPS: Enter and Tab move on, typing replaces, Delete blanks,
and a pasted block lands in one undoable step."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QFontMetrics, QGuiApplication, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop.core.table_edits import PastePlan, differing_totals, plan_paste
from desktop.core.tsv import BlockTooLarge, parse_tsv, to_tsv
from desktop.ui.frozen_header import FrozenHeader
from desktop.ui.table_model import SpecTableModel

MIN_UNIT_PX = 58  # narrowest width of one column-weight unit before the table scrolls
MIN_ROW_PX = 26
ROW_PADDING_PX = 6  # above and below a label: at 1366×768 table 三 shows two rows more than with 10
_ENSURE_VISIBLE = QAbstractItemView.ScrollHint.EnsureVisible


class SpecTableView(QTableView):
    def __init__(self, model: SpecTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.spec_model = model
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setWordWrap(True)
        self.setTabKeyNavigation(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        for placed in model.spec.placed:
            if placed.rowspan > 1 or placed.colspan > 1:
                self.setSpan(placed.row, placed.col, placed.rowspan, placed.colspan)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setMinimumSectionSize(MIN_ROW_PX)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.frozen = FrozenHeader(self)
        self._fit_columns()
        first = self.next_editable(QModelIndex(), forward=True)
        if first.isValid():
            self.setCurrentIndex(first)

    # ---- sizing: columns share the width by the spec's weights; rows fit their own labels

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        weights = self.spec_model.spec.col_weights
        available = max(self.viewport().width(), int(sum(weights) * MIN_UNIT_PX))
        unit = available / sum(weights)
        header = self.horizontalHeader()
        for col, weight in enumerate(weights):
            header.resizeSection(col, int(weight * unit))
        self._fit_rows()

    def _fit_rows(self) -> None:
        """Row heights from the cells that sit in one row only; a tall merged label never stretches its
        first row."""
        metrics = QFontMetrics(self.font())
        header = self.horizontalHeader()
        heights = [MIN_ROW_PX] * self.spec_model.spec.n_rows
        for placed in self.spec_model.spec.placed:
            if placed.rowspan != 1 or not placed.text:
                continue
            width = sum(header.sectionSize(c) for c in range(placed.col, placed.col + placed.colspan)) - 8
            rect = metrics.boundingRect(QRect(0, 0, max(width, 10), 10_000), Qt.TextFlag.TextWordWrap, placed.text)
            heights[placed.row] = max(heights[placed.row], rect.height() + ROW_PADDING_PX)
        for row, height in enumerate(heights):
            self.setRowHeight(row, height)
        self.frozen.follow()

    def scrollTo(
        self, index: QModelIndex | QPersistentModelIndex, hint: QAbstractItemView.ScrollHint = _ENSURE_VISIBLE
    ) -> None:
        super().scrollTo(index, hint)
        frozen = getattr(self, "frozen", None)  # scrollTo runs while the view is still being set up
        hidden = frozen.height() - self.visualRect(index).top() if frozen and frozen.isVisible() else 0
        if frozen and hidden > 0 and index.row() >= frozen.rows:  # under the frozen headings: scroll it out
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() - hidden)

    # ---- navigation

    def editable_indexes(self) -> list[QModelIndex]:
        model = self.spec_model
        return [
            model.index(p.row, p.col)
            for p in sorted(model.spec.placed, key=lambda p: (p.row, p.col))
            if p.key and model.is_editable_key(p.key)
        ]

    def next_editable(self, current: QModelIndex, forward: bool, down: bool = False) -> QModelIndex:
        cells = self.editable_indexes()
        if not cells:
            return QModelIndex()
        if not current.isValid():
            return cells[0]
        if down:
            below = [i for i in cells if i.column() == current.column() and i.row() > current.row()]
            if below:
                return below[0]
        order = [(i.row(), i.column()) for i in cells]
        here = (current.row(), current.column())
        if forward:
            later = [i for i, pos in zip(cells, order, strict=True) if pos > here]
            return later[0] if later else cells[0]
        earlier = [i for i, pos in zip(cells, order, strict=True) if pos < here]
        return earlier[-1] if earlier else cells[-1]

    def move_on(self, forward: bool = True, down: bool = False) -> None:
        target = self.next_editable(self.currentIndex(), forward, down)
        if target.isValid():
            self.setCurrentIndex(target)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        if self._current_is_rejected():
            return  # the cursor stays on a refused value until it is corrected or Esc is pressed
        if hint == QAbstractItemDelegate.EndEditHint.EditNextItem:
            self.move_on(forward=True)
        elif hint == QAbstractItemDelegate.EndEditHint.EditPreviousItem:
            self.move_on(forward=False)
        elif hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            self.move_on(forward=True, down=True)

    def _current_is_rejected(self) -> bool:
        key = self.spec_model.key_at(self.currentIndex())
        return key is not None and key in self.spec_model.document.rejected

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.state() == QAbstractItemView.State.EditingState:
            super().keyPressEvent(event)  # the delegate commits, then closeEditor moves on
        elif key == Qt.Key.Key_Escape and self._current_is_rejected():
            self.spec_model.document.drop_rejected(self.spec_model.key_at(self.currentIndex()) or "")
        elif self._current_is_rejected() and key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Return,
                                                       Qt.Key.Key_Enter, Qt.Key.Key_Up, Qt.Key.Key_Down,
                                                       Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.spec_model.document.refused.emit(self.tr("这个单元格的输入未被接受：请改正，或按Esc恢复原值"))
        elif event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
        elif event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear_selection_values()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.move_on(forward=True, down=True)
        elif event.text().strip() and self._is_computed_total(self.currentIndex()):
            self.spec_model.document.refused.emit(self.tr(
                "合计由各项自动相加，不能直接填写；照抄已发布的报告时，可勾选“手工填写合计”"))
        elif key == Qt.Key.Key_Tab:
            self.move_on(forward=True)
        elif key == Qt.Key.Key_Backtab:
            self.move_on(forward=False)
        else:
            super().keyPressEvent(event)

    def _is_computed_total(self, index: QModelIndex) -> bool:
        key = self.spec_model.key_at(index)
        return key is not None and not self.spec_model.is_editable_key(key)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002
        return False  # Tab stays inside the table, as in a spreadsheet

    # ---- block operations

    def selected_keys(self) -> list[str]:
        keys = []
        for index in self.selectedIndexes() or [self.currentIndex()]:
            key = self.spec_model.key_at(index)
            if key and self.spec_model.is_editable_key(key):
                keys.append(key)
        return keys

    def clear_selection_values(self) -> None:
        keys = self.selected_keys()
        if keys:
            self.spec_model.document.set_many([(k, None) for k in keys], self.tr("清空单元格"))

    def paste(self) -> None:
        text = QGuiApplication.clipboard().text()
        start = self.currentIndex()
        if not text.strip() or not start.isValid():
            return
        document = self.spec_model.document
        try:
            block = parse_tsv(text)
        except BlockTooLarge as error:
            document.refused.emit(str(error))
            return
        selected = self.selected_keys()
        plan = plan_paste(document.report, self.spec_model.spec, block, start.row(), start.column(), selected)
        if not plan.items:
            self._tell_about(plan, len(selected))
            return
        if not document.set_many(plan.items, self.tr("粘贴")):
            return
        self._tell_about(plan, len(selected))
        bottom_right = self.spec_model.index(start.row() + plan.rows - 1, start.column() + plan.cols - 1)
        if not plan.by_labels and bottom_right.isValid():
            self.selectionModel().select(_range(start, bottom_right), QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _tell_about(self, plan: PastePlan, selected: int) -> None:
        """Everything about the paste that the clerk would otherwise not see, in one status message."""
        document = self.spec_model.document
        warnings = []
        left_out = plan.unmatched + plan.misfit
        if left_out:
            warnings.append(self.tr("已按行标题粘贴，以下行未粘贴：%1").replace("%1", "；".join(left_out[:4])))
        if plan.outside:
            warnings.append(self.tr("有%1个值落在表格之外或标题格上，未粘贴，请检查粘贴的起始单元格")
                            .replace("%1", str(plan.outside)))
        elif selected > 1 and not plan.by_labels and plan.rows * plan.cols not in (1, selected):
            warnings.append(self.tr("粘贴的内容为%1行%2列，与所选区域大小不同，已从左上角起粘贴")
                            .replace("%1", str(plan.rows)).replace("%2", str(plan.cols)))
        differing = differing_totals(document.report, plan.totals)
        if differing:
            more = self.tr("等%1处").replace("%1", str(len(differing))) if len(differing) > 1 else ""
            warnings.append(self.tr("合计已按各项自动相加：%1%2。照抄已发布的报告请勾选“手工填写合计”")
                            .replace("%1", differing[0]).replace("%2", more))
        if warnings:
            document.refused.emit("；".join(warnings))
        elif plan.by_labels:
            document.done.emit(self.tr("已按行标题粘贴到对应的%1行").replace("%1", str(len(plan.placed_rows))))

    def copy(self) -> None:
        indexes = self.selectedIndexes()
        if not indexes:
            return
        top = min(i.row() for i in indexes)
        bottom = max(i.row() for i in indexes)
        left = min(i.column() for i in indexes)
        right = max(i.column() for i in indexes)
        model = self.spec_model
        rows = [
            [str(model.data(model.index(r, c)) or "") if model.key_at(model.index(r, c)) else ""
             for c in range(left, right + 1)]
            for r in range(top, bottom + 1)
        ]
        QGuiApplication.clipboard().setText(to_tsv(rows))

    def select_keys(self, keys: list[str], focus: str | None = None) -> None:
        """Select a finding's cells, with the cursor on ``focus`` (the disagreeing figure) brought into view."""
        model = self.spec_model
        indexes = [model.index_of(k) for k in keys if model.holds(k)]
        if not indexes:
            return
        current = model.index_of(focus) if focus is not None and model.holds(focus) else indexes[0]
        selection = self.selectionModel()
        selection.setCurrentIndex(current, QItemSelectionModel.SelectionFlag.NoUpdate)
        selection.clearSelection()
        for index in indexes:
            selection.select(index, QItemSelectionModel.SelectionFlag.Select)
        self.scrollTo(current)


def _range(top_left: QModelIndex, bottom_right: QModelIndex):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QItemSelection

    return QItemSelection(top_left, bottom_right)
