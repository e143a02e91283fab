"""Checks a clerk notices, in the window: last year's year opening the introduction, text against a blank
total under 手工填写合计, and a text/table finding corrected on the side the clerk chooses."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from desktop.ui.main_window import MainWindow
from desktop.ui.problems_panel import TwoSidedFix
from tests.ui.helpers import open_table, type_into, type_text
from tests.ui.test_problems_panel import finding_item


def open_sample(window: MainWindow):  # type: ignore[no-untyped-def]
    window.files.open_sample()  # 耳口乡 2023
    assert window.document is not None and window.editor is not None
    return window.document, window.editor


def test_an_introduction_opening_with_another_year_is_flagged(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    document, editor = open_sample(window)
    document.set_value("meta.year", "2024")  # 「2023年耳口乡坚持…」 now opens with last year
    intro = [f for f in document.findings if f.rule == "N-07" and f.cells[0] == "text.s1.intro"]
    assert intro and intro[0].spans[0].start == 0
    text = editor.section1.editors["text.s1.intro"]
    editor.tabs.setCurrentIndex(1)
    text.setFocus()
    text.select_span(0, 4)
    type_text(text, "2024")
    document.recheck()  # what the pause after typing starts
    assert document.report.text["text.s1.intro"].startswith("2024年耳口乡")
    assert not [f for f in document.findings if f.rule == "N-07" and f.cells[0] == "text.s1.intro"]


def test_text_against_a_blank_total_is_checked_under_manual_totals(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    document, editor = open_sample(window)  # 「受理依申请公开0件」
    view = open_table(window, "t3")
    qtbot.mouseClick(editor.tables["t3"].manual, Qt.MouseButton.LeftButton)
    assert document.report.manual_totals
    view.setCurrentIndex(view.spec_model.index_of("t3.new.total"))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    type_into(qtbot, view, "t3.new.natural", "2")
    assert document.report.cells["t3.new.total"] is None
    found = [f for f in document.findings if f.rule == "N-02" and "t3.new.total" in f.cells]
    new = "表三“一、本年新收政府信息公开申请数量”总计"
    assert {f.message for f in found} == {f"文中说“未收到依申请公开的信息申请”，但{new}为2件",
                                          f"文中“受理依申请公开0件”与{new}（2件）不一致"}


def test_text_against_a_typed_cell_is_corrected_on_either_side(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    document, editor = open_sample(window)
    document.set_value("t2.normative_docs.in_force", "5")  # else 3 issued would exceed those in force (T2-04)
    editor.tabs.setCurrentIndex(1)
    proactive = editor.section1.editors["text.s1.proactive"]
    proactive.setFocus()
    proactive.moveCursor(QTextCursor.MoveOperation.End)
    type_text(proactive, "本年制发行政规范性文件3件。")
    document.recheck()
    item = finding_item(window, "N-06")
    editor.problems.scrollToItem(item)
    widget = editor.problems.itemWidget(item, 2)
    assert isinstance(widget, TwoSidedFix)
    assert (widget.text_button.text(), widget.table_button.text()) == ("改文字", "改表格")
    assert "将表二 行政规范性文件 / 本年制发件数改为3" in widget.table_button.toolTip()
    QApplication.processEvents()
    assert widget.text_button.isVisible()

    qtbot.mouseClick(widget.text_button, Qt.MouseButton.LeftButton)
    assert document.report.text["text.s1.proactive"].endswith("本年制发行政规范性文件0件。")
    assert document.report.cells["t2.normative_docs.issued"] == 0
    document.undo_stack.undo()
    assert document.report.text["text.s1.proactive"].endswith("文件3件。")

    item = finding_item(window, "N-06")
    editor.problems.scrollToItem(item)
    widget = editor.problems.itemWidget(item, 2)
    assert isinstance(widget, TwoSidedFix)
    qtbot.mouseClick(widget.table_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert document.report.cells["t2.normative_docs.issued"] == 3
    assert document.report.text["text.s1.proactive"].endswith("文件3件。")
    assert not [f for f in document.findings if f.rule == "N-06"]
    document.undo_stack.undo()
    assert document.report.cells["t2.normative_docs.issued"] == 0
