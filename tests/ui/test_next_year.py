"""以本报告为基础新建下一年度报告 in the window: last year's text as a marked draft beside last year's own,
and 现行有效件数 following 制发 and 废止 as they are typed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.ui.field_block import FieldBlock
from desktop.ui.main_window import MainWindow
from tests.ui.helpers import open_table, type_into

DOCS = "t2.normative_docs"


def start_next_year(window: MainWindow) -> None:
    window.files.open_sample()  # 耳口乡 2023
    assert window.document is not None
    window.document.set_value(f"{DOCS}.in_force", "6")
    window.document.undo_stack.setClean()
    window.files.next_year()


def test_the_next_year_starts_from_last_years_text_marked_as_a_draft(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    start_next_year(window)
    assert window.document is not None and window.editor is not None
    report = window.document.report
    assert report.meta.year == 2024 and report.text["text.s5"] and report.previous is not None
    window.editor.tabs.setCurrentIndex(5)
    QApplication.processEvents()
    tab = window.editor.section5
    block = tab.block
    assert tab.editor.toPlainText() == report.previous.text["text.s5"]
    assert block.draft.isVisible() and "上年草稿 100%" in block.draft.label.text()
    assert tab.similarity.isVisible() and "100%" in tab.similarity.text()
    pane = block.last_year
    assert pane.isVisible() and pane.isReadOnly() and pane.toPlainText() == report.previous.text["text.s5"]
    assert "2023年报告" in pane.caption.text() and pane.repeated and len(pane.extraSelections()) == len(pane.repeated)
    assert pane.x() > tab.editor.x() + tab.editor.width() // 2  # beside it, not below
    assert "X-03" in {f.rule for f in window.document.findings}

    marked = sum(end - start for start, end in pane.repeated)
    tab.editor.setPlainText("（一）存在的问题：政策解读形式单一，栏目更新不够及时。\n（二）改进措施：加强培训，完善制度。")
    window.document.recheck()  # what the pause after typing starts
    assert not block.draft.isVisible()
    assert ("text.s5",) not in {f.cells for f in window.document.findings if f.rule == "X-03"}
    assert sum(end - start for start, end in pane.repeated) < marked / 10  # only phrases other parts repeat

    section1 = window.editor.section1
    window.editor.tabs.setCurrentIndex(1)
    QApplication.processEvents()
    intro = next(b for b in section1.findChildren(FieldBlock) if b.editor.key == "text.s1.intro")
    assert intro.draft.isVisible() and intro.last_year.isVisible()
    qtbot.mouseClick(intro.draft.confirm, Qt.MouseButton.LeftButton)
    assert "text.s1.intro" not in window.document.report.drafts and not intro.draft.isVisible()
    window.document.undo_stack.undo()
    assert "text.s1.intro" in window.document.report.drafts and intro.draft.isVisible()


def test_in_force_follows_issued_and_repealed_as_typed_until_typed_itself(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    start_next_year(window)
    assert window.document is not None
    cells = window.document.report.cells
    assert cells[f"{DOCS}.in_force"] == 6  # last year's figure, nothing issued or repealed yet
    view = open_table(window, "t2")
    model = view.spec_model
    type_into(qtbot, view, f"{DOCS}.issued", "3")
    assert cells[f"{DOCS}.in_force"] == 9 and model.data(model.index_of(f"{DOCS}.in_force")) == "9"
    type_into(qtbot, view, f"{DOCS}.repealed", "2")
    assert cells[f"{DOCS}.in_force"] == 7
    window.document.undo_stack.undo()
    assert cells[f"{DOCS}.in_force"] == 9 and cells[f"{DOCS}.repealed"] is None
    type_into(qtbot, view, f"{DOCS}.in_force", "12")
    type_into(qtbot, view, f"{DOCS}.issued", "4")
    type_into(qtbot, view, f"{DOCS}.repealed", "0")
    assert cells[f"{DOCS}.in_force"] == 12  # the clerk's own figure stays
    assert "T2-03" in {f.rule for f in window.document.findings}
