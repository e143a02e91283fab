"""The window opens a report with only its first tab built; each other tab is built when first shown, from
the report as it is then, so an edit made meanwhile (an undo, a fix from the problems panel) is in it."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from desktop.ui.main_window import MainWindow
from desktop.ui.table_tab import TableTab
from desktop.ui.text_section_tab import TextSectionTab


def test_only_the_shown_tab_is_built_when_a_report_opens(window: MainWindow) -> None:
    window.files.open_sample()
    editor = window.editor
    assert editor is not None
    assert [page is not None for page in editor._pages] == [True, False, False, False, False, False, False]


def test_a_tab_shown_later_holds_what_was_changed_before_it_was_built(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.files.open_sample()
    document, editor = window.document, window.editor
    assert document is not None and editor is not None
    document.set_value("t3.new.natural", "77")
    document.set_text("text.s5", "本年度存在的问题：人员不足。")
    editor.tabs.setCurrentIndex(3)
    QApplication.processEvents()
    page = editor.tabs.currentWidget().findChild(TableTab)
    assert page is not None and page.isVisible()
    model = page.view.model()
    shown = [model.index(r, c).data() for r in range(model.rowCount()) for c in range(model.columnCount())]
    assert "77" in shown
    editor.tabs.setCurrentIndex(5)
    QApplication.processEvents()
    section5 = editor.tabs.currentWidget().findChild(TextSectionTab)
    assert section5 is not None and section5.editor.toPlainText() == "本年度存在的问题：人员不足。"
    assert editor.section5 is section5


def test_a_finding_on_a_tab_not_built_yet_opens_it_at_its_cell(window: MainWindow) -> None:
    window.files.open_sample()
    document, editor = window.document, window.editor
    assert document is not None and editor is not None
    document.set_value("t3.carried_out.natural", "2")
    finding = next(f for f in document.findings if f.rule == "T3-01")
    editor.show_finding(finding)
    QApplication.processEvents()
    assert editor.tabs.currentIndex() == 3
    assert editor._pages[3] is not None
    assert editor.table("t3").view.selectionModel().selectedIndexes()
