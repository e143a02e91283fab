"""Typing, refusing, pasting, copying and fixing in the table editor, through real widgets."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QApplication
from pytestqt.modeltest import ModelTester

from desktop.core.tablespec import T2, T3, T4
from desktop.ui import palette
from desktop.ui.main_window import MainWindow
from desktop.ui.table_model import SpecTableModel
from tests.ui.helpers import open_table, type_into


def test_every_table_model_passes_the_model_tester(window: MainWindow, qtmodeltester: ModelTester) -> None:
    window.files.open_sample()
    assert window.document is not None
    for spec in (T2, T3, T4):
        qtmodeltester.check(SpecTableModel(window.document, spec), force_py=True)


def test_typing_a_value_updates_totals_panel_and_colour(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.files.open_sample()
    view = open_table(window, "t3")
    model = view.spec_model
    assert window.editor is not None and window.editor.problems.findings_shown() == []
    type_into(qtbot, view, "t3.new.natural", "５")
    report = window.document.report  # type: ignore[union-attr]
    assert report.cells["t3.new.natural"] == 5
    assert report.cells["t3.new.total"] == 5  # computed, not typed
    shown = window.editor.problems.findings_shown()
    assert [f.rule for f in shown if f.rule.startswith("T")] == ["T3-01", "T3-01"]  # 自然人 and 总计 columns
    t3_01 = next(f for f in shown if f.rule == "T3-01")
    assert t3_01.message == "第一项加第二项之和(5)应等于第三项加第四项之和(0)：表三 自然人列"
    colour = model.data(model.index_of("t3.new.natural"), Qt.ItemDataRole.BackgroundRole)
    assert colour == palette.SEVERITY_BACKGROUND[t3_01.severity]
    assert "第一项加第二项之和(5)" in model.data(model.index_of("t3.new.natural"), Qt.ItemDataRole.ToolTipRole)
    assert "三、依申请公开（" in window.editor.tabs.tabText(3)
    assert view.currentIndex() == model.index_of("t3.carried_in.natural")  # Enter moved down


def test_a_letter_or_negative_is_refused_on_the_spot(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.files.open_sample()
    view = open_table(window, "t3")
    before = window.document.report.model_copy(deep=True)  # type: ignore[union-attr]
    for typed in ("a", "-3", "1.5"):
        type_into(qtbot, view, "t3.granted.business", typed)
        assert window.document.report == before  # type: ignore[union-attr]
        assert window.statusBar().currentMessage().startswith("表三 （一）予以公开 / 商业企业：必须是不小于0的整数")
    assert window.document.undo_stack.count() == 0  # type: ignore[union-attr]


def test_totals_are_not_editable_until_manual_mode(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.files.open_sample()
    view = open_table(window, "t4")
    model = view.spec_model
    total = model.index_of("t4.review.total")
    assert not model.flags(total) & Qt.ItemFlag.ItemIsEditable
    window.editor.tables["t4"].manual.setChecked(True)  # type: ignore[union-attr]
    assert model.flags(total) & Qt.ItemFlag.ItemIsEditable
    type_into(qtbot, view, "t4.review.total", "3")
    assert window.document.report.cells["t4.review.total"] == 3  # type: ignore[union-attr]
    assert any(f.rule == "T4-01" for f in window.document.findings)  # type: ignore[union-attr]


def test_tab_moves_to_the_next_editable_cell(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.files.open_sample()
    view = open_table(window, "t4")
    model = view.spec_model
    view.setCurrentIndex(model.index_of("t4.review.pending"))
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.currentIndex() == model.index_of("t4.suit_direct.upheld")  # skips the computed total


def test_pasting_a_block_is_one_undo_step(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.files.open_sample()
    view = open_table(window, "t3")
    report = window.document.report  # type: ignore[union-attr]
    stack = window.document.undo_stack  # type: ignore[union-attr]
    view.setCurrentIndex(view.spec_model.index_of("t3.granted.natural"))
    QGuiApplication.clipboard().setText("1\t2\t0\r\n3\t4\t0\r\n")  # as Excel puts it
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert (report.cells["t3.granted.natural"], report.cells["t3.granted.business"]) == (1, 2)
    assert (report.cells["t3.partial.natural"], report.cells["t3.partial.business"]) == (3, 4)
    assert report.cells["t3.total.total"] == 10
    assert stack.count() == 1
    stack.undo()
    assert report.cells["t3.granted.natural"] == 0 and report.cells["t3.total.total"] == 0


def test_a_paste_with_one_bad_value_is_refused_whole(window: MainWindow) -> None:
    window.files.open_sample()
    view = open_table(window, "t3")
    before = window.document.report.model_copy(deep=True)  # type: ignore[union-attr]
    view.setCurrentIndex(view.spec_model.index_of("t3.granted.natural"))
    QGuiApplication.clipboard().setText("1\t2\n3\tx\n")
    view.paste()
    assert window.document.report == before  # type: ignore[union-attr]
    message = window.statusBar().currentMessage()
    assert "表三 （二）部分公开（区分处理的，只计这一情形，不计其他情形） / 商业企业" in message


def test_copy_out_a_block_and_delete_makes_blank(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.files.open_sample()
    view = open_table(window, "t3")
    model = view.spec_model
    document = window.document
    assert document is not None
    document.set_many([("t3.granted.natural", "7"), ("t3.granted.business", "8")], "test")
    view.selectionModel().clearSelection()
    view.select_keys(["t3.granted.natural", "t3.granted.business"])
    view.copy()
    assert QGuiApplication.clipboard().text() == "7\t8\n"
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert document.report.cells["t3.granted.natural"] is None
    assert any(f.rule == "T3-04" for f in document.findings)
    assert model.data(model.index_of("t3.granted.natural")) == ""  # blank, never an invented 0


def test_a_suggested_fix_is_one_click_and_one_undo(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.files.open_sample()
    document = window.document
    assert document is not None and window.editor is not None
    window.editor.tables["t4"].manual.setChecked(True)
    document.set_value("t4.review.total", "7")
    panel = window.editor.problems
    item = next(panel.topLevelItem(0).child(i) for i in range(panel.topLevelItem(0).childCount())
                if panel.topLevelItem(0).child(i).text(1) == "T4-01")
    button = panel.itemWidget(item, 2)
    assert button.text() == "将总计改为0"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert document.report.cells["t4.review.total"] == 0
    assert not any(f.rule == "T4-01" for f in document.findings)
    document.undo_stack.undo()
    assert document.report.cells["t4.review.total"] == 7


def test_clicking_a_finding_jumps_to_its_cells(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.files.open_sample()
    document = window.document
    assert document is not None and window.editor is not None
    document.set_value("t2.penalty.decisions", "")
    window.editor.tabs.setCurrentIndex(0)
    panel = window.editor.problems
    item = panel.topLevelItem(0).child(0)
    rect = panel.visualItemRect(item)
    qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.editor.tabs.currentIndex() == 2
    view = window.editor.tables["t2"].view
    assert view.currentIndex() == view.spec_model.index_of("t2.penalty.decisions")
    assert view.selectionModel().isSelected(view.currentIndex())


def test_fill_blanks_with_zero_in_one_undoable_step(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop.core.report import Meta, Report

    window.files.show(Report(meta=Meta(agency="某乡", level="township", year=2024)), None, clean=False)  # type: ignore[arg-type]
    document = window.document
    assert document is not None and window.editor is not None
    tab = window.editor.tables["t3"]
    blank_before = sum(v is None for k, v in document.report.cells.items() if k.startswith("t3."))
    assert blank_before == 175 and any(f.rule == "T3-04" for f in document.findings)
    window.editor.tabs.setCurrentWidget(tab)
    qtbot.mouseClick(tab.fill_zeros, Qt.MouseButton.LeftButton)
    t3 = {k: v for k, v in document.report.cells.items() if k.startswith("t3.")}
    assert all(v == 0 for v in t3.values())  # leaves filled, totals computed from them
    assert not any(f.rule == "T3-04" for f in document.findings)
    assert window.statusBar().currentMessage() == "已将144个空白单元格填为0"  # 24 rows × 6 applicant columns
    document.undo_stack.undo()
    assert sum(v is None for k, v in document.report.cells.items() if k.startswith("t3.")) == blank_before


def test_one_value_pasted_onto_a_block_fills_it(window: MainWindow) -> None:
    window.files.open_sample()
    view = open_table(window, "t4")
    keys = ["t4.review.upheld", "t4.review.corrected", "t4.suit_direct.upheld"]
    view.select_keys(keys)
    QGuiApplication.clipboard().setText("2")
    view.paste()
    QGuiApplication.clipboard().clear()
    report = window.document.report  # type: ignore[union-attr]
    assert [report.cells[k] for k in keys] == [2, 2, 2]
    assert report.cells["t4.review.total"] == 4
    assert window.document.undo_stack.count() == 1  # type: ignore[union-attr]


def test_table_headings_stay_in_view_while_scrolling(window: MainWindow) -> None:
    window.files.open_sample()
    window.resize(1200, 600)
    view = open_table(window, "t3")
    rows = view.spec_model.spec.header_rows
    heading = QRect(view.viewport().geometry().topLeft(),
                    QSize(view.viewport().width(), sum(view.rowHeight(r) for r in range(rows))))
    at_top = view.grab(heading).toImage()
    assert not view.frozen.isVisible()

    view.scrollTo(view.spec_model.index_of("t3.carried_out.natural"))  # the last row
    QApplication.processEvents()
    assert view.verticalScrollBar().value() > 0 and view.frozen.isVisible()
    assert view.grab(heading).toImage() == at_top  # 自然人, 商业企业 … still read above the columns

    # a cell moved to just under the headings is scrolled out from under them
    first_row = view.spec_model.index_of("t3.new.natural")
    view.setCurrentIndex(view.spec_model.index_of("t3.other_1.natural"))
    view.scrollTo(view.spec_model.index_of("t3.other_1.natural"), QAbstractItemView.ScrollHint.PositionAtTop)
    assert view.visualRect(view.currentIndex()).top() >= view.frozen.height() - 1
    view.scrollTo(first_row)
    QApplication.processEvents()
    assert view.verticalScrollBar().value() == 0 and not view.frozen.isVisible()


def test_a_pasted_total_that_disagrees_is_reported(window: MainWindow) -> None:
    window.files.open_sample()
    view = open_table(window, "t4")
    view.setCurrentIndex(view.spec_model.index_of("t4.review.upheld"))
    QGuiApplication.clipboard().setText("1\t1\t0\t0\t3\n")  # 结果维持 … 总计, as published: 1+1 ≠ 3
    view.paste()
    QGuiApplication.clipboard().clear()
    assert window.document.report.cells["t4.review.total"] == 2  # type: ignore[union-attr]
    message = window.statusBar().currentMessage()
    assert message.startswith("合计已按各项自动相加：表四 行政复议 / 总计粘贴的是3，各项相加为2")


def test_typing_on_a_computed_total_says_why_nothing_happens(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.files.open_sample()
    view = open_table(window, "t4")
    view.setCurrentIndex(view.spec_model.index_of("t4.review.total"))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_5)
    assert window.statusBar().currentMessage().startswith("合计由各项自动相加，不能直接填写")
    # the next accepted value takes the message away
    type_into(qtbot, view, "t4.review.upheld", "1")
    assert window.statusBar().currentMessage() == ""


def test_the_problems_of_the_tab_in_view_come_first(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.files.open_sample()
    document, editor = window.document, window.editor
    assert document is not None and editor is not None
    document.set_value("t3.new.natural", "5")  # two T3-01 errors on tab 三
    document.set_text("text.s5", "无")  # S-03, an error on tab 五
    document.recheck()
    errors = lambda: [f.rule for f in editor.problems.findings_shown() if f.severity.name == "ERROR"]  # noqa: E731
    editor.tabs.setCurrentIndex(5)
    qtbot.waitUntil(lambda: errors()[0] == "S-03", timeout=2000)
    editor.tabs.setCurrentIndex(3)
    qtbot.waitUntil(lambda: errors()[0] == "T3-01", timeout=2000)
    assert errors().count("T3-01") == 2 and "S-03" in errors()  # nothing is hidden


def test_a_refused_value_stays_visible_and_marked_until_corrected(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.files.open_sample()
    document = window.document
    assert document is not None and window.editor is not None
    view = open_table(window, "t3")
    model = view.spec_model
    key = "t3.granted.business"
    type_into(qtbot, view, key, "五")
    index = model.index_of(key)
    assert index.data() == "五"  # what was typed is still there
    assert index.data(Qt.ItemDataRole.ForegroundRole) == palette.REJECTED_TEXT
    assert "必须是不小于0的整数" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert view.currentIndex() == index  # Enter did not move on
    assert document.report.cells[key] == 0 and document.undo_stack.count() == 0
    assert any(f.cells == (key,) and "“五”未被接受" in f.message for f in document.findings)
    assert "错" in window.editor.tabs.tabText(3)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.currentIndex() == index  # nor does Tab
    type_into(qtbot, view, key, "5")  # corrected
    assert document.report.cells[key] == 5 and model.index_of(key).data() == "5"
    assert not any("未被接受" in f.message for f in document.findings)


def test_escape_gives_back_the_old_value(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.files.open_sample()
    assert window.document is not None
    view = open_table(window, "t3")
    type_into(qtbot, view, "t3.granted.natural", "-1")
    assert view.spec_model.index_of("t3.granted.natural").data() == "-1"
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.spec_model.index_of("t3.granted.natural").data() == "0"
    assert window.document.rejected == {}
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.currentIndex() != view.spec_model.index_of("t3.granted.natural")


def test_a_block_copied_with_its_labels_lands_by_them(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.files.open_sample()
    view = open_table(window, "t3")
    report = window.document.report  # type: ignore[union-attr]
    view.setCurrentIndex(view.spec_model.index_of("t3.carried_out.legal"))  # far from the rows pasted
    QGuiApplication.clipboard().setText(
        "\t（一）予以公开\t5\t1\t0\t0\t0\t0\t6\r\n"
        "\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t2\t0\t0\t0\t0\t0\t2\r\n")
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert (report.cells["t3.granted.natural"], report.cells["t3.granted.business"]) == (5, 1)
    assert report.cells["t3.partial.natural"] == 2
    assert report.cells["t3.carried_out.legal"] == 0
    assert window.statusBar().currentMessage() == "已按行标题粘贴到对应的2行"
    assert window.document.undo_stack.count() == 1  # type: ignore[union-attr]
    QGuiApplication.clipboard().clear()


def test_a_shifted_block_without_labels_is_reported(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.files.open_sample()
    view = open_table(window, "t3")
    report = window.document.report  # type: ignore[union-attr]
    view.setCurrentIndex(view.spec_model.index_of("t3.granted.business"))  # one column to the right
    QGuiApplication.clipboard().setText("1\t2\t0\t0\t0\t0\t3\r\n")  # seven columns, 自然人 to 总计
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert report.cells["t3.granted.business"] == 1  # pasted where the cursor was, as asked …
    message = window.statusBar().currentMessage()
    assert "有1个值落在表格之外" in message  # … and the value that fell off the table is told,
    assert "总计粘贴的是0，各项相加为3" in message  # as is the total that no longer agrees
    QGuiApplication.clipboard().clear()


def test_a_new_report_shows_one_blank_finding_per_table_with_fill_zero(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop.core.report import Meta, Report

    window.files.show(Report(meta=Meta(agency="某乡", level="township", year=2024)), None, clean=False)  # type: ignore[arg-type]
    assert window.editor is not None and window.document is not None
    panel = window.editor.problems
    errors = panel.topLevelItem(0)
    texts = [errors.child(i).text(0) for i in range(errors.childCount())]
    assert any(t.startswith("表三有175个单元格未填写") for t in texts)
    assert len([t for t in texts if "未填写" in t and "空白不等于0" in t]) == 3
    item = next(errors.child(i) for i in range(errors.childCount()) if errors.child(i).text(1) == "T3-04")
    button = panel.itemWidget(item, 2)
    assert button.text() == "空白填0（表三）"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not any(f.rule == "T3-04" for f in window.document.findings)
    assert window.document.report.cells["t3.new.natural"] == 0
    window.document.undo_stack.undo()
    assert window.document.report.cells["t3.new.natural"] is None
