"""Text editors share the one undo stack with the tables; the checker follows typing after a pause."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics

from desktop.ui.main_window import MainWindow
from tests.ui.helpers import type_text


def test_typing_in_section_five_is_checked_after_a_pause_and_undoable(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.files.open_sample()
    editor_widget = window.editor
    assert editor_widget is not None and window.document is not None
    editor_widget.tabs.setCurrentIndex(5)
    editor = editor_widget.section5.editor
    editor.selectAll()
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    type_text(editor, "无")
    assert window.document.report.text["text.s5"] == "无"
    qtbot.waitUntil(lambda: any(f.rule == "S-03" for f in window.document.findings), timeout=2000)  # type: ignore[union-attr]
    assert editor_widget.tabs.tabText(5) == "五、问题及改进（1错）"
    stack = window.document.undo_stack
    assert 1 <= stack.count() <= 2  # deleting and typing: one burst, or two if the machine paused between
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    for _ in range(stack.count()):
        qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the window's undo
    assert stack.index() == 0
    assert window.document.report.text["text.s5"].startswith("（一）工作中存在的主要问题")
    assert editor.toPlainText() == window.document.report.text["text.s5"]


def test_a_typing_burst_is_one_undo_step(window: MainWindow) -> None:
    window.files.open_sample()
    document = window.document
    assert document is not None and window.editor is not None
    editor = window.editor.section6.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    editor.setFocus()
    type_text(editor, "补充")
    assert document.undo_stack.count() == 1
    assert document.report.text["text.s6"].endswith("补充")


def test_meta_fields_commit_and_refuse(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.files.open_sample()
    assert window.editor is not None and window.document is not None
    basic = window.editor.basic
    basic.date.setText("2024年2月30日")
    basic.date.editingFinished.emit()
    assert window.document.report.meta.date.isoformat() == "2024-01-04"  # type: ignore[union-attr]
    assert basic.date.text() == "2024-01-04"
    assert "成文日期" in window.statusBar().currentMessage()
    basic.agency.setText("堃喆镕镇")
    basic.agency.editingFinished.emit()
    assert window.document.report.title == "堃喆镕镇2023年政府信息公开工作年度报告"
    assert basic.title.text() == window.document.report.title


def test_ui_font_draws_rare_name_characters(window: MainWindow) -> None:
    font = window.font()
    assert font.family() == "Noto Sans SC"
    metrics = QFontMetrics(QFont(font))
    for char in "镕堃喆年报":
        assert metrics.inFontUcs4(ord(char)), char


def test_pasted_half_width_punctuation_is_fixed_in_one_undo_step(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.files.open_sample()
    document = window.document
    assert document is not None and window.editor is not None
    pasted = "存在的问题:培训不足,,改进措施:加强培训."
    document.set_text("text.s5", pasted)
    document.set_text("text.s6", "(一)无其他事项;")
    document.recheck()
    panel = window.editor.problems
    warnings = next(panel.topLevelItem(i) for i in range(panel.topLevelItemCount())
                    if panel.topLevelItem(i).text(0).startswith("警告"))
    item = next(warnings.child(i) for i in range(warnings.childCount())
                if warnings.child(i).text(1) == "X-02" and "五、" in warnings.child(i).text(0))
    button = panel.itemWidget(item, 2)
    assert button.text() == "改正本栏标点"
    steps = document.undo_stack.count()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert document.undo_stack.count() == steps + 1
    assert document.report.text["text.s5"] == "存在的问题：培训不足，改进措施：加强培训."
    qtbot.waitUntil(lambda: [f.cells for f in document.findings if f.rule == "X-02"] == [("text.s6",)], timeout=2000)
    window.fix_all_punctuation()
    assert document.undo_stack.count() == steps + 2
    assert document.report.text["text.s6"] == "（一）无其他事项；"
    qtbot.waitUntil(lambda: not any(f.rule == "X-02" for f in document.findings), timeout=2000)
    document.undo_stack.undo()
    assert document.report.text["text.s6"] == "(一)无其他事项;"


def test_ctrl_y_redoes_as_in_wps(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.files.open_sample()
    document = window.document
    assert document is not None
    document.set_value("t4.review.upheld", "2")
    document.undo_stack.undo()
    assert document.report.cells["t4.review.upheld"] == 0
    assert window.editor is not None
    window.editor.tabs.setCurrentIndex(4)
    view = window.editor.tables["t4"].view
    view.setFocus()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert document.report.cells["t4.review.upheld"] == 2
