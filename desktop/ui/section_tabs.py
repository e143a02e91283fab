"""The report editor's tabs: a QTabWidget whose titles change without repainting the page below them."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QStackedWidget, QStyle, QStyleOptionTabWidgetFrame, QTabWidget, QWidget


class SectionTabs(QTabWidget):
    """A tab widget for titles that count findings, and so change at many edits.

    Whenever its tab bar asks for a new layout, QTabWidget lays itself out and repaints all of itself, the
    page in view included: 5 ms for a table page, at every edit that changes a count. While the page
    keeps its place, only the bar is given its new size here, exactly as QTabWidget's layout would; the
    bar has repainted itself already. Titles must be set with ``set_title``, because ``setTabText`` lays
    the widget out and repaints it directly."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stack = self.findChild(QStackedWidget, "qt_tabwidget_stackedwidget")

    def set_title(self, index: int, title: str) -> None:
        if self.tabBar().tabText(index) != title:  # even the same text lays the bar out again
            self.tabBar().setTabText(index, title)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and self.isVisible() and self._stack is not None:
            option = QStyleOptionTabWidgetFrame()
            self.initStyleOption(option)
            style = self.style()
            if style.subElementRect(QStyle.SubElement.SE_TabWidgetTabContents, option, self) == self._stack.geometry():
                self.tabBar().setGeometry(style.subElementRect(QStyle.SubElement.SE_TabWidgetTabBar, option, self))
                self.updateGeometry()
                return QWidget.event(self, event)  # what QTabWidget does after its layout
        return super().event(event)
