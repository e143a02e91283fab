"""文件 → 审核文件夹 with real widgets: the rows sorted by the worst, a click showing one report read-only
with its findings, the progress bar while the folder is read, and 取消."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.ui.main_window import MainWindow
from desktop.ui.review_window import ReviewWindow
from desktop.ui.settings import Settings
from tests.fixtures.reports import PORTAL, SAMPLES
from tests.review.folders import PLANTED_SUM, TODAY, last_year_folder, received_folder
from tests.ui.helpers import file_menu_actions


@pytest.fixture
def review(qtbot, qapp, settings: Settings) -> ReviewWindow:  # type: ignore[no-untyped-def]
    win = ReviewWindow(settings)
    win.flow.today = TODAY
    qtbot.addWidget(win)
    win.show()
    return win


def column(win: ReviewWindow, name: str) -> list[str]:
    index = ReviewWindow.COLUMNS.index(name)
    return [win.table.item(r, index).text() for r in range(win.table.rowCount())]


def test_the_file_menu_opens_the_review(window: MainWindow, tmp_path: Path) -> None:
    action = file_menu_actions(window)["审核文件夹…"]
    folder = received_folder(tmp_path)
    QTimer.singleShot(0, lambda: answer_file_dialog(folder))
    action.trigger()
    opened = window.findChild(ReviewWindow)
    assert opened is not None and opened.isVisible() and opened.table.rowCount() == 15
    assert window.document is None  # the window's own report, or its start page, stays as it was
    opened.close()


def test_rows_worst_first_and_a_click_shows_one_read_only(review: ReviewWindow, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert review.flow.review(received_folder(tmp_path), last_year_folder(tmp_path))
    assert review.table.rowCount() == 15
    status = column(review, "读取情况")
    # unreadable files first; a read file's row may add what reading it noted: 「已读取；成文日期未找到，…」
    assert not any(s.startswith("已读取") for s in status[:4]) and all(s.startswith("已读取") for s in status[4:])
    points = [float(p.replace("−", "-")) for p in column(review, "扣分")[4:]]
    assert points == sorted(points) and points[0] == -1
    assert review.summary_action.isEnabled()
    row = column(review, "文件").index(PLANTED_SUM)
    item = review.table.item(row, 0)
    review.table.scrollToItem(item)
    qtbot.mouseClick(review.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=review.table.visualItemRect(item).center())
    shown = review.detail.toPlainText()
    assert review.detail.isReadOnly()
    assert "淮安市人民政府2024年度政府信息公开工作年度报告审核意见" in shown
    assert "T3-02" in shown and "涉及：表三 （七）总计 / 自然人；表三 （一）予以公开 / 自然人" in shown
    assert "一、总体情况" in shown  # the report itself, below its findings


def test_a_bad_folder_is_told(review: ReviewWindow, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    told: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            told.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(10, answer)

    QTimer.singleShot(0, answer)
    assert not review.flow.review(tmp_path / "没有")
    assert told == [f"找不到文件夹“{tmp_path / '没有'}”"]


def test_progress_runs_and_cancel_stops(review: ReviewWindow, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(300):
        for source in (SAMPLES / "erkou-2023.txt", *sorted(PORTAL.glob("*.txt"))[:3]):
            shutil.copy(source, folder / f"{i}-{source.name}")
    seen: list[int] = []

    def watch() -> None:
        if review.strip.isVisible() and review.strip.bar.value() > 0:
            seen.append(review.strip.bar.value())
            if len(seen) == 2:
                qtbot.mouseClick(review.strip.cancel_button, Qt.MouseButton.LeftButton)
                return
        QTimer.singleShot(5, watch)

    QTimer.singleShot(0, watch)
    assert not review.flow.review(folder)
    assert seen and review.strip.bar.maximum() == 1200 and max(seen) < 1200
    assert review.statusBar().currentMessage() == "已取消审核"
    assert review.table.rowCount() == 0 and not review.strip.isVisible() and review.toolbar.isEnabled()
    assert review.strip.work_thread is not None
    review.strip.work_thread.join(20)
    assert not review.strip.work_thread.is_alive()  # the work itself stopped, not only the waiting


def answer_file_dialog(path: Path) -> None:
    """The open dialog (Qt's own, offscreen) is given ``path`` and accepted, as a clerk would."""
    from PySide6.QtWidgets import QFileDialog

    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, QFileDialog):
        QTimer.singleShot(10, lambda: answer_file_dialog(path))
        return
    dialog.setDirectory(str(path.parent))
    dialog.selectFile(str(path))
    dialog.accept()


def test_the_summary_and_the_sheets_are_exported_from_the_window(review: ReviewWindow, tmp_path: Path) -> None:
    folder = received_folder(tmp_path)
    QTimer.singleShot(0, lambda: answer_file_dialog(folder))
    assert review.flow.choose_folder() and review.table.rowCount() == 15
    QTimer.singleShot(0, lambda: answer_file_dialog(tmp_path / "汇总.xlsx"))
    assert review.flow.export_summary()
    assert (tmp_path / "汇总.xlsx").stat().st_size > 0
    sheets = tmp_path / "意见单"
    sheets.mkdir()
    QTimer.singleShot(0, lambda: answer_file_dialog(sheets))
    assert review.flow.export_sheets()
    assert len(list(sheets.glob("*.pdf"))) == 15
    assert review.statusBar().currentMessage() == f"已导出：{sheets}"


def test_last_years_folder_first_then_this_years(review: ReviewWindow, tmp_path: Path) -> None:
    last_year, folder = last_year_folder(tmp_path), received_folder(tmp_path)
    QTimer.singleShot(0, lambda: answer_file_dialog(last_year))
    assert review.flow.choose_last_year() and review.table.rowCount() == 0
    assert "已选择上年度报告文件夹“上年度”" in review.statusBar().currentMessage()
    QTimer.singleShot(0, lambda: answer_file_dialog(folder))
    assert review.flow.choose_folder()
    assert "与“上年度”中的上年度报告对照" in review.folder_label.text()
    assert "耳口乡人民政府2022.txt" not in column(review, "文件")
    erkou = column(review, "文件").index("erkou-2023.txt")
    assert column(review, "与上年重复")[erkou] == "100%"
    assert review.settings.last_folder == str(folder)
