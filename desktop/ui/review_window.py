"""文件 → 审核文件夹: the reports of a folder with their counts, the worst first; a click shows one
read-only with its findings. A progress bar and 取消 run while the folder is read. The window is the
ReviewHost of desktop/ui/flows/review.py."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.io.review_table import points_text
from desktop.ui.file_dialog import chosen_path, file_dialog
from desktop.ui.flows.review import Progress, ReviewFlow
from desktop.ui.review_progress import ProgressStrip
from desktop.ui.screen_fit import resize_within_screen

if TYPE_CHECKING:
    from desktop.core.report import Report
    from desktop.core.review.summary import SummaryRow
    from desktop.ui.settings import Settings

T = TypeVar("T")


class ReviewWindow(QMainWindow):
    COLUMNS = ("机关", "文件", "错误", "警告", "扣分", "按期公开", "与上年重复", "年度", "层级", "读取情况")
    NUMBERS = (2, 3, 4, 6, 7)
    NARROWED = {1: 170, 8: 170, 9: 300}  # pixels at most: the counts beside the name stay in view

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.flow = ReviewFlow(self)
        self.setWindowTitle(self.tr("审核文件夹 — 年报助手"))
        bar = self.toolbar = self.addToolBar(self.tr("审核"))
        bar.setMovable(False)
        bar.addAction(self.tr("选择文件夹并审核…"), self.flow.choose_folder)
        bar.addAction(self.tr("上年度报告文件夹…"), self.flow.choose_last_year)
        self.summary_action = bar.addAction(self.tr("导出审核汇总表…"), self.flow.export_summary)
        self.sheets_action = bar.addAction(self.tr("导出审核意见单…"), self.flow.export_sheets)
        self.folder_label = QLabel(self.tr("尚未选择文件夹"))
        self.strip = ProgressStrip()
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.cellClicked.connect(lambda row, _column: self.flow.open_row(row))
        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setSizes([860, 500])
        top = QHBoxLayout()
        top.addWidget(self.folder_label, 1)
        top.addWidget(self.strip)
        layout = QVBoxLayout()
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)
        self._exports_enabled(False)
        resize_within_screen(self, 1300, 760)

    # ---- ReviewHost

    def ask_folder(self, title: str) -> str:
        dialog = file_dialog(self, title, self.settings.last_folder, "")
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        folder = chosen_path(dialog) if dialog.exec() else ""
        if folder:
            self.settings.last_folder = folder  # the next choice starts there, as the open dialogs do
        return folder

    def ask_save_path(self, title: str, suggested: str, filters: str) -> str:
        dialog = file_dialog(self, title, str(Path(self.settings.last_folder) / suggested), filters, save=True)
        return chosen_path(dialog) if dialog.exec() else ""

    def run_with_progress(self, message: str, work: Callable[[Progress, threading.Event], T]) -> T | None:
        shown = self.folder_label.text()
        self.folder_label.setText(message)
        self.toolbar.setEnabled(False)
        try:
            return self.strip.run(work)
        finally:
            self.toolbar.setEnabled(True)
            self.folder_label.setText(shown)

    def tell_error(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def status(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    def show_rows(self, rows: list[SummaryRow], folder: Path) -> None:
        text = self.tr("“%1”中的%2份报告").replace("%1", folder.name).replace("%2", str(len(rows)))
        if self.flow.last_year is not None:
            text += self.tr("，与“%1”中的上年度报告对照").replace("%1", self.flow.last_year.name)
        self.folder_label.setText(text)
        self.folder_label.setToolTip(str(folder))
        self.table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            for column, value in enumerate(_cells(row)):
                item = QTableWidgetItem(value)
                if column in self.NUMBERS:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column in self.NARROWED:
                    item.setToolTip(value)
                self.table.setItem(number, column, item)
        self.table.resizeColumnsToContents()
        for column, widest in self.NARROWED.items():
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), widest))
        self._exports_enabled(bool(rows))
        self.detail.clear()

    def show_report(self, row: SummaryRow, report: Report | None) -> None:
        from desktop.io.html_export import html_fragment
        from desktop.io.review_sheet import sheet_html

        page = sheet_html(row, compact=True)
        if report is not None:
            page = page.replace("</body>", f"<hr>{html_fragment(report)}</body>")
        self.detail.setHtml(page)

    # ----

    def _exports_enabled(self, enabled: bool) -> None:
        self.summary_action.setEnabled(enabled)
        self.sheets_action.setEnabled(enabled)


def _cells(row: SummaryRow) -> tuple[str, ...]:
    review = row.review
    repetition = f"{review.repetition * 100:.0f}%" if review.repetition is not None else ""
    status = review.refused or review.read_status
    counted = review.readable
    return (review.agency, review.file, str(review.errors) if counted else "",
            str(review.warnings) if counted else "", points_text(row.points) if counted else "", row.deadline.label,
            repetition,
            str(review.year or ""), review.level.label if review.level else "", status)
