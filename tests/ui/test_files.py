"""Files and safety: start page, new, save/open, recent files, unsaved-changes prompt, crash recovery."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from desktop.core import storage
from desktop.ui.app import make_app, offer_recovery
from desktop.ui.main_window import MainWindow
from desktop.ui.new_report_dialog import NewReportDialog
from desktop.ui.recovery import pending_recoveries
from desktop.ui.settings import Settings
from tests.fixtures.reports import SAMPLES, seed


def answer_next_message_box(button: QMessageBox.StandardButton | str) -> list[str]:
    """Click a button (standard, or by the start of its text) of the next message box that opens; returns
    the box's text for the assertions."""
    seen: list[str] = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        if isinstance(button, str):
            next(b for b in box.buttons() if b.text().startswith(button)).click()
        else:
            box.button(button).click()

    QTimer.singleShot(0, click)
    return seen


def test_start_page_offers_the_sample(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = window.start_page
    assert {b.text() for b in page.buttons.values()} == {"新建报告", "打开…", "导入已发布的报告…", "打开示例报告"}
    qtbot.mouseClick(page.buttons["sample"], Qt.MouseButton.LeftButton)
    assert window.document is not None and window.document.report.meta.agency == "耳口乡"
    assert window.document.path is None  # the shipped sample is never overwritten
    assert window.windowTitle().startswith("耳口乡2023年政府信息公开工作年度报告")


def test_new_report_dialog_asks_agency_level_year(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = NewReportDialog()
    qtbot.addWidget(dialog)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == 0 and dialog.message.text() == "请填写机关名称"
    dialog.agency.setText("某某镇")
    dialog.level.setCurrentIndex(dialog.level.findData("township"))
    dialog.year.setValue(2024)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    report = dialog.report()
    assert (report.meta.agency, report.meta.level.value, report.meta.year) == ("某某镇", "township", 2024)


def test_save_and_open_round_trip_with_modified_marker(window: MainWindow, tmp_path: Path) -> None:
    window.files.open_sample()
    document = window.document
    assert document is not None
    document.set_value("t3.new.natural", "2")
    assert window.isWindowModified()
    target = tmp_path / "耳口乡.nianbao"
    window.host.ask_save_path = lambda *args: str(target)  # type: ignore[method-assign]
    assert window.files.save()
    assert not window.isWindowModified() and document.path == target
    assert window.windowTitle().startswith("耳口乡.nianbao")
    assert storage.load(target).cells["t3.new.natural"] == 2
    assert window.settings.recent_files == [str(target)]
    assert window.settings.last_folder == str(tmp_path)
    window.files.close_report()
    assert window.document is None
    window.files.open_recent(str(target))
    assert window.document is not None and window.document.report.cells["t3.new.natural"] == 2


def test_a_failed_save_says_so_and_keeps_the_edits(window: MainWindow, tmp_path: Path) -> None:
    window.files.open_sample()
    document = window.document
    assert document is not None
    document.set_value("t3.new.natural", "4")
    messages: list[str] = []
    window.host.tell_error = lambda title, text: messages.append(text)  # type: ignore[method-assign]
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    window.host.ask_save_path = lambda *args: str(blocker / "r.nianbao")  # type: ignore[method-assign]
    assert not window.files.save()
    assert messages and "修改仍保留在窗口中" in messages[0]
    assert document.report.cells["t3.new.natural"] == 4 and window.isWindowModified()


def test_opening_a_damaged_file_explains_and_changes_nothing(window: MainWindow, tmp_path: Path) -> None:
    bad = tmp_path / "bad.nianbao"
    bad.write_bytes(b"{broken")
    messages: list[str] = []
    window.host.tell_error = lambda title, text: messages.append(text)  # type: ignore[method-assign]
    assert not window.files.open_path(bad)
    assert "已损坏" in messages[0] and bad.read_bytes() == b"{broken" and window.document is None


@pytest.mark.parametrize("button,closed", [("取消", False), ("不保存", True)])
def test_closing_with_unsaved_changes_asks_first(window: MainWindow, button, closed: bool) -> None:  # type: ignore[no-untyped-def]
    window.files.open_sample()
    assert window.document is not None
    window.document.set_value("t4.review.upheld", "1")
    seen = answer_next_message_box(button)
    assert window.close() is closed
    assert seen and "尚未保存的修改" in seen[0]
    assert window.isVisible() is not closed


def test_undo_back_to_saved_state_clears_the_marker(window: MainWindow) -> None:
    window.files.open_sample()
    document = window.document
    assert document is not None
    document.set_value("t4.review.upheld", "1")
    assert window.isWindowModified()
    document.undo_stack.undo()
    assert not window.isWindowModified()
    assert window.close()  # nothing to ask


# Another copy of the app: opens the sample, edits it, autosaves, says so, then waits for a line on stdin
# and dies without cleaning up, as a crash or a power cut would.
OTHER_COPY = """
import os, sys
from PySide6.QtCore import QSettings, QStandardPaths
QStandardPaths.setTestModeEnabled(True)
from desktop.ui.app import make_app
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
make_app()
window = MainWindow(Settings(QSettings(sys.argv[1], QSettings.Format.IniFormat)))
window.files.open_sample()
window.document.set_value("t3.new.natural", "9")
window.document.set_text("text.s5", "存在的问题：……")
window.autosaver.save_now()
print("autosaved", flush=True)
sys.stdin.readline()
os._exit(1)
"""


def start_other_copy(tmp_path: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    other = subprocess.Popen([sys.executable, "-c", OTHER_COPY, str(tmp_path / "other.ini")], env=env,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8")
    assert other.stdout is not None and other.stdout.readline().strip() == "autosaved"
    return other


def test_restoring_after_a_crash(qtbot, qapp, settings: Settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    make_app()
    crashed = start_other_copy(tmp_path)
    crashed.communicate("\n", timeout=30)  # it dies here: no close, no save
    assert crashed.returncode == 1
    assert len(pending_recoveries()) == 1
    restarted = MainWindow(settings)
    restarted.host.ask_yes_no = lambda title, text: True  # type: ignore[method-assign]
    assert offer_recovery(restarted)
    assert restarted.document is not None
    assert restarted.document.report.cells["t3.new.natural"] == 9
    assert restarted.document.report.text["text.s5"] == "存在的问题：……"
    assert restarted.isWindowModified()
    assert pending_recoveries() == []
    restarted.document.undo_stack.setClean()
    restarted.close()


def test_a_second_copy_leaves_the_first_copys_edits_alone(qtbot, qapp, settings: Settings,  # type: ignore[no-untyped-def]
                                                           tmp_path: Path) -> None:
    make_app()
    first = start_other_copy(tmp_path)
    try:
        asked: list[str] = []
        second = MainWindow(settings)
        second.host.ask_yes_no = lambda title, text: asked.append(text) or False  # type: ignore[method-assign]
        assert not offer_recovery(second) and asked == []
        assert pending_recoveries() == []
        second.close()
    finally:
        first.communicate("\n", timeout=30)
    # once the first copy is gone without saving, its edits are offered
    (item,) = pending_recoveries()
    assert item.report.cells["t3.new.natural"] == 9


def test_autosave_follows_changes_and_disappears_on_save(window: MainWindow, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.files.open_sample()
    assert window.document is not None and window.autosaver is not None
    window.autosaver._timer.setInterval(50)
    window.document.set_value("t3.new.natural", "1")
    qtbot.waitUntil(lambda: window.autosaver.file.exists(), timeout=3000)  # type: ignore[union-attr]
    window.host.ask_save_path = lambda *args: str(tmp_path / "r.nianbao")  # type: ignore[method-assign]
    window.files.save()
    assert not window.autosaver.file.exists()


def test_next_year_from_this_report(window: MainWindow) -> None:
    window.files.open_sample()
    assert window.document is not None
    window.document.set_many([("t3.new.natural", "3"), ("t3.carried_out.natural", "1"),
                              ("t3.granted.natural", "2")], "test")
    window.document.undo_stack.setClean()
    window.files.next_year()
    report = window.document.report
    assert report.meta.year == 2024 and report.cells["t3.carried_in.natural"] == 1
    assert report.previous is not None and report.previous.year == 2023


def test_recent_files_menu_opens_the_file(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "r.nianbao"
    storage.save(seed(), path)
    window.settings.add_recent(path)
    window.refresh_recent()
    (action,) = window.recent_menu.actions()
    action.trigger()
    assert window.document is not None and window.document.path == path


def test_a_published_report_given_on_the_command_line_is_imported(window: MainWindow) -> None:
    window.host.run_dialog = lambda dialog: True  # type: ignore[method-assign]
    assert window.files.open_any(SAMPLES / "erkou-2023.txt")
    assert window.document is not None and window.document.report.meta.agency == "耳口乡"


def test_linking_last_year_accepts_only_the_year_before(window: MainWindow, tmp_path: Path) -> None:
    window.files.open_sample()  # 耳口乡 2023, nothing carried in
    document = window.document
    assert document is not None
    for year in (2021, 2022):
        older = seed()
        older.meta.year = year
        older.cells["t3.carried_out.natural"] = older.cells["t3.carried_out.total"] = 5
        storage.save(older, tmp_path / f"{year}.nianbao")
    messages: list[str] = []
    window.host.tell_error = lambda title, text: messages.append(f"{title}：{text}")  # type: ignore[method-assign]

    window.host.ask_open_path = lambda *args: str(tmp_path / "2021.nianbao")  # type: ignore[method-assign]
    window.files.link_last_year()
    assert messages == ["不是上年度报告：所选报告是2021年度的，本报告为2023年度，衔接校验需要2022年度的报告"]
    assert document.report.previous is None and document.undo_stack.isClean()

    window.host.ask_open_path = lambda *args: str(tmp_path / "2022.nianbao")  # type: ignore[method-assign]
    window.files.link_last_year()
    assert document.report.previous is not None and document.report.previous.year == 2022
    assert "T3-05" in {f.rule for f in document.findings}
    assert len(messages) == 1


def test_ctrl_s_saves_what_is_still_being_typed(window: MainWindow, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """No Enter before Ctrl+S: the cell and the date field being edited are saved as they show."""
    from tests.ui.helpers import open_table, type_text

    path = tmp_path / "r.nianbao"
    storage.save(seed(), path)
    window.files.open_path(path)
    view = open_table(window, "t3")
    view.setCurrentIndex(view.spec_model.index_of("t3.new.natural"))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    view.setFocus()
    type_text(view, "7")
    editor = QApplication.focusWidget()
    assert editor is not view and view.isAncestorOf(editor)  # the cell editor is open
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert storage.load(path).cells["t3.new.natural"] == 7
    assert not window.isWindowModified() and QApplication.focusWidget() is view

    assert window.editor is not None
    window.editor.tabs.setCurrentIndex(0)
    date = window.editor.basic.date
    date.setFocus()
    date.selectAll()
    type_text(date, "2024-01-20")
    qtbot.keyClick(date, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert str(storage.load(path).meta.date) == "2024-01-20"


def test_the_window_fits_the_screen(window: MainWindow) -> None:
    free = window.screen().availableGeometry()
    assert window.width() <= free.width() and window.height() <= free.height()


def test_a_second_window_on_the_same_report_is_told(window: MainWindow, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "报告.nianbao"
    storage.save(seed(), path)
    assert window.files.open_path(path)
    second = MainWindow(Settings(QSettings(str(tmp_path / "second.ini"), QSettings.Format.IniFormat)))
    qtbot.addWidget(second)
    seen = answer_next_message_box("是")
    assert second.files.open_path(path)
    assert seen and "已在本机的另一个年报助手窗口中打开" in seen[0]
    assert second.document is not None and second.document.path is None  # a copy, never saved over the file
    assert "只读副本" in second.statusBar().currentMessage()
    second.close()
