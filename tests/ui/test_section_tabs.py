"""The section tabs count findings in their titles: a changed count repaints the tab bar, not the page under
it, and the bar is laid out as QTabWidget would lay it out."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QTabWidget

from desktop.ui.main_window import MainWindow
from desktop.ui.section_tabs import SectionTabs

TITLES = ["基本信息", "一、总体情况", "二、主动公开", "三、依申请公开"]


class Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def tabs_of(kind: type[QTabWidget], qtbot) -> QTabWidget:  # type: ignore[no-untyped-def]
    tabs = kind()
    qtbot.addWidget(tabs)
    for title in TITLES:
        tabs.addTab(QLabel(f"{title}的内容"), title)
    tabs.resize(900, 400)
    tabs.show()
    qtbot.waitExposed(tabs)
    QApplication.processEvents()
    return tabs


def painted_page_after(tabs: QTabWidget, change) -> int:  # type: ignore[no-untyped-def]
    paints = Paints()
    page = tabs.currentWidget()
    page.installEventFilter(paints)
    change()
    QApplication.processEvents()
    page.removeEventFilter(paints)
    return paints.count


def test_a_changed_title_repaints_the_tab_bar_and_not_the_page(qtbot) -> None:  # type: ignore[no-untyped-def]
    plain = tabs_of(QTabWidget, qtbot)
    assert painted_page_after(plain, lambda: plain.setTabText(1, "一、总体情况（2错）")) > 0  # what is avoided
    tabs = tabs_of(SectionTabs, qtbot)
    assert isinstance(tabs, SectionTabs)
    assert painted_page_after(tabs, lambda: tabs.set_title(1, "一、总体情况（2错）")) == 0
    assert painted_page_after(tabs, lambda: tabs.set_title(1, "一、总体情况（12错 3警）")) == 0
    assert tabs.tabText(1) == "一、总体情况（12错 3警）"


@pytest.mark.parametrize("titles", [
    ["基本信息（1错）", "一、总体情况（12错 3警）", "二、主动公开", "三、依申请公开（4错）"],  # wider
    ["基", "一", "二", "三"],  # narrower
    ["基本信息" * 12, "一、总体情况" * 8, "二、主动公开" * 8, "三、依申请公开" * 8],  # wider than the window
])
def test_the_tab_bar_is_laid_out_as_qtabwidget_lays_it_out(qtbot, titles: list[str]) -> None:  # type: ignore[no-untyped-def]
    tabs = tabs_of(SectionTabs, qtbot)
    plain = tabs_of(QTabWidget, qtbot)
    assert isinstance(tabs, SectionTabs)
    for index, title in enumerate(titles):
        tabs.set_title(index, title)
        plain.setTabText(index, title)
    QApplication.processEvents()
    assert tabs.tabBar().geometry() == plain.tabBar().geometry()
    assert tabs.currentWidget().geometry() == plain.currentWidget().geometry()
    assert [tabs.tabBar().tabRect(i) for i in range(4)] == [plain.tabBar().tabRect(i) for i in range(4)]


def test_titles_set_while_hidden_are_laid_out_when_shown(qtbot) -> None:  # type: ignore[no-untyped-def]
    tabs = tabs_of(SectionTabs, qtbot)
    plain = tabs_of(QTabWidget, qtbot)
    assert isinstance(tabs, SectionTabs)
    for widget in (tabs, plain):
        widget.hide()
    tabs.set_title(2, "二、主动公开（3警）")
    plain.setTabText(2, "二、主动公开（3警）")
    for widget in (tabs, plain):
        widget.show()
        qtbot.waitExposed(widget)
    QApplication.processEvents()
    assert tabs.tabBar().geometry() == plain.tabBar().geometry()
    assert tabs.tabBar().tabRect(2) == plain.tabBar().tabRect(2)


def test_an_edit_that_changes_a_count_leaves_the_table_page_unpainted(window: MainWindow) -> None:
    window.files.open_sample()
    editor, document = window.editor, window.document
    assert editor is not None and document is not None
    editor.tabs.setCurrentIndex(3)
    for _ in range(5):  # the page's first layout and paints
        QApplication.processEvents()
    before = editor.tabs.tabText(3)
    painted = painted_page_after(editor.tabs, lambda: document.set_value("t3.new.natural", "3"))
    assert editor.tabs.tabText(3) != before  # the count in the title changed
    assert painted == 0  # the edited cell repaints inside the table; the page itself is not repainted
