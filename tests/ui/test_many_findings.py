"""A text with hundreds of disagreeing numbers (a pasted or runaway text): the window lists the first
findings and says how many wait, draws the underlines in view, and compares checks without stalling.
Before, 19,000 findings kept the window from repainting for fifty seconds."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.core.checks import Severity
from desktop.ui.document import ReportDocument
from desktop.ui.main_window import MainWindow
from desktop.ui.problems_panel import FINDING_ROLE, LISTED_PER_SEVERITY
from desktop.ui.tab_layout import tab_of
from desktop.ui.table_model import TOOLTIP_FINDINGS
from desktop.ui.text_editor import DRAWN_AT_ONCE
from tests.fixtures.reports import huaian

WRONG = "全市共受理政府信息公开申请3120件。"  # table 三 says 3119
REPEATS = 700


def _open(window: MainWindow) -> ReportDocument:
    report = huaian()
    report.text["text.s6"] = WRONG * REPEATS
    document = ReportDocument(report)
    window.resize(1366, 768)
    window.set_document(document)
    assert not document.checking
    return document


def _group(window: MainWindow, severity: Severity):  # type: ignore[no-untyped-def]
    assert window.editor is not None
    panel = window.editor.problems
    groups = [panel.topLevelItem(i) for i in range(panel.topLevelItemCount())]
    return next(g for g in groups if g.text(0).startswith(severity.label))


def test_the_panel_lists_the_first_findings_and_says_how_many_wait(window: MainWindow) -> None:
    document = _open(window)
    errors = [f for f in document.findings if f.severity is Severity.ERROR]
    assert len(errors) >= REPEATS > LISTED_PER_SEVERITY
    group = _group(window, Severity.ERROR)
    assert group.text(0) == f"错误（{len(errors)}）"
    children = [group.child(i) for i in range(group.childCount())]
    listed = [c for c in children if c.data(0, FINDING_ROLE) is not None]
    assert len(listed) == LISTED_PER_SEVERITY
    assert children[-1].data(0, FINDING_ROLE) is None
    assert f"另有{len(errors) - LISTED_PER_SEVERITY}条错误未列出" in children[-1].text(0)
    assert window.editor is not None
    assert all(window.editor.problems.itemWidget(c, 2) is not None for c in listed if c.data(0, FINDING_ROLE).fix)


def test_the_underlines_in_view_are_drawn_and_scrolling_draws_the_rest(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    _open(window)
    assert window.editor is not None
    window.editor.tabs.setCurrentIndex(tab_of("text.s6", window.editor.defs))
    editor = window.editor.section6.editor
    qtbot.waitExposed(editor)
    QApplication.processEvents()
    marks = sorted(start for start, _, _ in editor._marks)
    assert len(marks) == REPEATS > DRAWN_AT_ONCE

    def drawn() -> set[int]:
        return {s.cursor.selectionStart() for s in editor.extraSelections()}

    assert marks[0] in drawn() and marks[-1] not in drawn()
    assert len(drawn()) < REPEATS
    editor.verticalScrollBar().setValue(editor.verticalScrollBar().maximum())
    QApplication.processEvents()
    assert marks[-1] in drawn()
    top = editor.cursorForPosition(editor.viewport().rect().topLeft()).position()
    bottom = editor.cursorForPosition(editor.viewport().rect().bottomRight()).position()
    assert all(m in drawn() for m in marks if top <= m < bottom)
    assert marks[0] not in drawn()  # far above the view, in the same paragraph


def test_a_cell_with_many_findings_lists_a_few_in_its_tooltip(window: MainWindow) -> None:
    _open(window)
    assert window.editor is not None
    model = window.editor.tables["t3"].view.spec_model
    key = next(k for f in window.document.findings if f.rule == "N-02" for k in f.cells if k.startswith("t3."))  # type: ignore[union-attr]
    tip = model.data(model.index_of(key), Qt.ItemDataRole.ToolTipRole)
    assert tip.count("【错误】") == TOOLTIP_FINDINGS
    assert "另有" in tip.splitlines()[-1] and "见问题面板" in tip


def test_an_editor_out_of_view_draws_its_underlines_when_shown(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """After a check, only the editors in view draw: the others (on other tabs) wait until shown."""
    document = _open(window)
    assert window.editor is not None
    editor = window.editor.section6.editor
    assert not editor.isVisible() and editor.extraSelections() == []
    window.editor.tabs.setCurrentIndex(tab_of("text.s6", window.editor.defs))
    qtbot.waitUntil(editor.isVisible)
    assert editor.extraSelections()
    window.editor.tabs.setCurrentIndex(0)
    natural = document.report.cells["t3.new.natural"]
    document.set_value("t3.new.natural", natural + 1)  # the text's 3120 now agrees: checked while out of view
    assert not document.checking and not [f for f in document.findings if f.spans and f.spans[0].key == "text.s6"]
    assert not editor.isVisible() and editor.extraSelections()  # not drawn again yet
    window.editor.tabs.setCurrentIndex(tab_of("text.s6", window.editor.defs))
    qtbot.waitUntil(lambda: editor.extraSelections() == [])


def test_text_replaced_from_outside_loses_its_old_underlines(window: MainWindow, qtbot, qtlog) -> None:  # type: ignore[no-untyped-def]
    """Undo, a fix or a paste replacing the text: the underlines of the old text are not drawn on the new."""
    document = _open(window)
    assert window.editor is not None
    window.editor.tabs.setCurrentIndex(tab_of("text.s6", window.editor.defs))
    editor = window.editor.section6.editor
    qtbot.waitUntil(editor.isVisible)
    assert editor.extraSelections()
    document.set_text("text.s6", "本年度未发生行政复议。")
    assert editor.extraSelections() == [] and editor._marks == []
    editor.verticalScrollBar().setValue(0)  # scrolling draws nothing of the old text either
    assert editor.extraSelections() == []
    assert not [r for r in qtlog.records if "out of range" in r.message]  # no mark placed past the new text
