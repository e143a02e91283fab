"""The problems panel: a finding brings its disagreeing cell into view, the rule ids wait for 详细信息, the
panel's height is remembered, and a status message moves nothing."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication

from desktop.ui.main_window import MainWindow
from desktop.ui.report_editor import PROBLEMS_HEIGHT
from desktop.ui.settings import Settings


def finding_item(window: MainWindow, rule: str, where: str = ""):  # type: ignore[no-untyped-def]
    assert window.editor is not None
    panel = window.editor.problems
    for g in range(panel.topLevelItemCount()):
        group = panel.topLevelItem(g)
        for c in range(group.childCount()):
            finding = group.child(c).data(0, Qt.ItemDataRole.UserRole + 1)
            if finding is not None and finding.rule == rule and where in finding.message:
                return group.child(c)
    raise AssertionError(f"no {rule} finding")


def test_clicking_a_finding_scrolls_its_disagreeing_cell_into_view(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.resize(1366, 768)
    window.files.open_sample()
    document = window.document
    assert document is not None and window.editor is not None
    document.set_value("t3.carried_out.natural", "2")  # row 四, at the foot of table 三: nothing came in
    window.editor.tabs.setCurrentIndex(0)
    view = window.editor.tables["t3"].view
    view.verticalScrollBar().setValue(0)
    QApplication.processEvents()
    panel = window.editor.problems
    item = finding_item(window, "T3-01", "自然人")
    panel.scrollToItem(item)
    qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=panel.visualItemRect(item).center())
    QApplication.processEvents()
    assert window.editor.tabs.currentIndex() == 3
    cell = view.spec_model.index_of("t3.carried_out.natural")
    assert view.currentIndex() == cell
    assert view.viewport().rect().contains(view.visualRect(cell))
    assert view.visualRect(cell).top() >= view.frozen.height()  # not under the frozen headings either


def test_the_panels_height_is_remembered_across_windows(window: MainWindow, settings: Settings, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.resize(1366, 768)
    window.files.open_sample()
    editor = window.editor
    assert editor is not None and window.document is not None
    QApplication.processEvents()
    splitter = editor.splitter
    assert splitter.sizes()[1] == PROBLEMS_HEIGHT  # the same default, however large the window
    handle = splitter.handle(1)
    start = handle.rect().center()
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(handle, pos=start + QPoint(0, PROBLEMS_HEIGHT - 100))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=start + QPoint(0, PROBLEMS_HEIGHT - 100))
    assert splitter.sizes()[1] == 100 and settings.problems_height == 100
    window.document.undo_stack.setClean()
    window.close()

    second = MainWindow(Settings(QSettings(settings._store.fileName(), QSettings.Format.IniFormat)))
    qtbot.addWidget(second)
    second.resize(1366, 768)
    second.show()
    second.files.open_sample()
    QApplication.processEvents()
    assert second.editor is not None and second.editor.splitter.sizes()[1] == 100
    second.resize(1366, 900)
    QApplication.processEvents()
    assert second.editor.splitter.sizes()[1] == 100  # a taller window gives the room to the tables


def test_rule_ids_are_hidden_until_details_are_asked_for(window: MainWindow) -> None:
    window.files.open_sample()
    window.show()
    assert window.editor is not None and window.document is not None
    window.document.set_value("t3.new.natural", "3")
    panel = window.editor.problems
    item = finding_item(window, "T3-01")
    assert panel.isColumnHidden(1) and "T3-01" not in item.text(0) and "T3-01" not in item.toolTip(0)
    assert panel.details_action in panel.actions() and not panel.details_action.isChecked()
    panel.details_action.trigger()  # 显示详细信息, from the panel's context menu
    assert not panel.isColumnHidden(1) and item.text(1) == "T3-01"
    assert item.toolTip(1) == "T3-01：新收加结转等于办理总计加结转下年"
    panel.details_action.trigger()
    assert panel.isColumnHidden(1)


def test_a_status_message_moves_nothing_and_table_three_shows_most_of_its_rows(window: MainWindow) -> None:
    window.resize(1366, 768)
    window.files.open_sample()
    assert window.editor is not None
    window.editor.tabs.setCurrentIndex(3)
    QApplication.processEvents()
    view = window.editor.tables["t3"].view
    before = view.mapTo(window, view.rect().topLeft()), view.height(), window.editor.geometry()
    window.status("已保存：耳口乡2023.nianbao")
    QApplication.processEvents()
    assert (view.mapTo(window, view.rect().topLeft()), view.height(), window.editor.geometry()) == before
    spec = view.spec_model.spec
    shown = [row for row in range(spec.header_rows, spec.n_rows)
             if view.viewport().rect().contains(view.visualRect(view.spec_model.index(row, spec.n_cols - 1)))]
    assert len(shown) >= 14


def test_a_panel_dragged_shut_stays_shut_until_the_error_count_opens_it(window: MainWindow, settings: Settings) -> None:
    window.resize(1366, 768)
    window.files.open_sample()
    window.show()
    assert window.editor is not None and window.document is not None
    QApplication.processEvents()
    splitter = window.editor.splitter
    splitter.moveSplitter(splitter.height(), 1)  # dragged all the way down
    assert splitter.sizes()[1] == 0 and settings.problems_height == 0
    window.set_document(None)
    window.files.open_sample()
    QApplication.processEvents()
    assert window.editor is not None and window.editor.splitter.sizes()[1] == 0
    window.document.set_value("t3.new.natural", "3")  # type: ignore[union-attr]
    window.editor.show_problems()  # the toolbar's count of errors
    assert window.editor.splitter.sizes()[1] == PROBLEMS_HEIGHT and settings.problems_height == PROBLEMS_HEIGHT
