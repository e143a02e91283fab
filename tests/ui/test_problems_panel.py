"""The problems panel: a finding brings its disagreeing cell into view, the rule ids wait for 详细信息, the
panel's height is remembered, and a status message moves nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.ui.main_window import MainWindow


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
