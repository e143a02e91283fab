"""The text against the tables in the editor: underlines, the jump from the panel, generated paragraphs
and repetition of last year's text."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from desktop.core import storage
from desktop.core.lastyear import snapshot
from desktop.ui.main_window import MainWindow
from tests.fixtures.reports import huaian, seed


def narrative_findings(window: MainWindow, rule: str):  # type: ignore[no-untyped-def]
    assert window.document is not None
    return [f for f in window.document.findings if f.rule == rule]


def test_a_number_that_disagrees_is_underlined_and_the_panel_jumps_to_it(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.files.open_sample()
    document, editor_widget = window.document, window.editor
    assert document is not None and editor_widget is not None
    document.set_value("t3.new.natural", "3")  # the text still says 受理依申请公开0件
    found = narrative_findings(window, "N-02")  # 「未收到…申请」 and 「受理依申请公开0件」
    assert len(found) == 2 and all("t3.new.total" in f.cells and f.spans for f in found)
    finding = next(f for f in found if "受理" in f.message)
    editor = editor_widget.section1.editors["text.s1.on_request"]
    span = finding.spans[0]
    assert editor.toPlainText()[span.start:span.end] == "0件"
    assert editor_widget.tabs.currentIndex() != 1 and not editor.isVisible()
    panel = editor_widget.problems
    item = next(panel.topLevelItem(0).child(i) for i in range(panel.topLevelItem(0).childCount())
                if panel.topLevelItem(0).child(i).text(0) == finding.message)
    panel.scrollToItem(item)
    qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=panel.visualItemRect(item).center())
    assert editor_widget.tabs.currentIndex() == 1
    cursor = editor.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (span.start, span.end)
    marks = editor.extraSelections()  # drawn once the editor came into view
    assert len(marks) == 2 and marks[1].format.underlineStyle().name == "WaveUnderline"  # type: ignore[attr-defined]
    assert marks[1].format.toolTip() == finding.message  # type: ignore[attr-defined]
    assert editor.findings_at(span.start) == [finding]
    document.undo_stack.undo()
    assert narrative_findings(window, "N-02") == []
    qtbot.waitUntil(lambda: editor.extraSelections() == [])  # on the event loop's next turn


def test_generated_paragraphs_agree_with_the_tables(window: MainWindow, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = huaian()
    report.text["text.s1.on_request"] = ""
    path = tmp_path / "h.nianbao"
    storage.save(report, path)
    assert window.files.open_path(path)
    document, editor_widget = window.document, window.editor
    assert document is not None and editor_widget is not None
    buttons = editor_widget.section1.generate_buttons
    qtbot.mouseClick(buttons["on_request"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(buttons["review"], Qt.MouseButton.LeftButton)
    text = document.report.text["text.s1.on_request"]
    assert "收到政府信息公开申请3119件" in text and "结转下年度继续办理103件" in text
    assert "行政复议351件" in text
    assert document.undo_stack.count() == 2
    document.recheck()
    assert not [f for f in document.findings if f.rule.startswith("N-")]
    document.set_value("t3.carried_out.natural", "104")  # the tables change later: the text is now stale
    document.set_value("t3.new.natural", "3002")
    assert any(f.rule == "N-02" for f in document.findings)
    # a second click brings the same paragraph up to date instead of adding another
    paragraphs = len(document.report.text["text.s1.on_request"].split("\n"))
    qtbot.mouseClick(buttons["on_request"], Qt.MouseButton.LeftButton)
    text = document.report.text["text.s1.on_request"]
    assert len(text.split("\n")) == paragraphs and text.count("共收到政府信息公开申请") == 1
    assert "共收到政府信息公开申请3120件" in text
    assert window.statusBar().currentMessage() == "已按表格更新此前生成的段落"
    qtbot.waitUntil(lambda: not [f for f in document.findings if f.rule == "N-02"], timeout=3000)
    qtbot.mouseClick(buttons["on_request"], Qt.MouseButton.LeftButton)
    assert document.report.text["text.s1.on_request"] == text
    assert window.statusBar().currentMessage() == "段落已与表格一致"


def test_repetition_of_last_years_text_is_shown_per_section(window: MainWindow, tmp_path: Path) -> None:
    report = seed()
    last_year = seed()
    last_year.meta.year = 2022
    report.previous = snapshot(last_year)
    path = tmp_path / "r.nianbao"
    storage.save(report, path)
    window.files.open_path(path)
    assert window.editor is not None and window.document is not None
    label = window.editor.section1.similarity
    assert not label.isHidden() and label.text() == "与上年报告重复 100%"
    assert "font-weight: bold" in label.styleSheet()
    assert any(f.rule == "S-04" for f in window.document.findings)
    window.document.set_text("text.s5", "本年度的问题是新的：信息发布不及时。改进措施：建立周报制度。")
    window.document.recheck()
    assert window.editor.section5.similarity.share is not None and window.editor.section5.similarity.share < 0.5


def test_generating_from_blank_tables_says_which_cells_to_fill(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.files.open_sample()
    assert window.editor is not None and window.document is not None
    leaves = ("natural", "business", "research", "nonprofit", "legal", "other_org")
    window.document.set_many([(f"t3.new.{c}", "") for c in leaves], "清空")  # so 新收 总计 is blank too
    before = window.document.report.text["text.s1.on_request"]
    qtbot.mouseClick(window.editor.section1.generate_buttons["on_request"], Qt.MouseButton.LeftButton)
    assert window.document.report.text["text.s1.on_request"] == before
    assert window.statusBar().currentMessage().startswith("请先填写表三 一、本年新收政府信息公开申请数量 / 自然人")
