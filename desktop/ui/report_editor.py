"""The editor for one open report: section tabs above, the problems panel below."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from desktop.core.checks import Finding, Severity
from desktop.core.tablespec import TABLE_BY_ID, TABLES
from desktop.ui.basic_info_tab import BasicInfoTab
from desktop.ui.document import ReportDocument
from desktop.ui.problems_panel import ProblemsPanel
from desktop.ui.section_tabs import SectionTabs
from desktop.ui.settings import Settings
from desktop.ui.tab_layout import tab_defs, tab_of

if TYPE_CHECKING:
    from desktop.ui.section1_tab import Section1Tab
    from desktop.ui.table_tab import TableTab
    from desktop.ui.text_editor import TextFieldEditor
    from desktop.ui.text_section_tab import TextSectionTab

PROBLEMS_HEIGHT = 140  # four findings, until the clerk drags the divider (remembered across windows)


class ReportEditor(QWidget):
    def __init__(self, document: ReportDocument, settings: Settings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.defs = tab_defs()
        self._tab_of_key: dict[str, int | None] = {}
        self._tabs_by_place: dict[tuple[tuple[str, ...], tuple[str, ...]], frozenset[int | None]] = {}
        self.tabs = SectionTabs()
        # Each tab's page is built when it is first shown (or asked for): the window opens a report with
        # only 基本信息 built, and the modules of the other pages are imported then too.
        builders: dict[str, Callable[[], QWidget]] = {
            "meta.": lambda: BasicInfoTab(document),
            "text.s1.": self._new_section1,
            **{f"{spec.id}.": partial(self._new_table, spec.id) for spec in TABLES},
            "text.s5": lambda: self._new_text_section("text.s5", self.tr(
                "写明本年度存在的主要问题和改进措施，并说明上年度报告所列问题的整改情况。不能只写“无”。")),
            "text.s6": lambda: self._new_text_section("text.s6", self.tr(
                "必须说明信息处理费收取情况（未收取也要写明）；人民政府还要报告本年度政务公开工作要点落实情况。")),
        }
        self._builders = [builders[tab.prefixes[0]] for tab in self.defs]  # in the order of the tabs
        self._pages: list[QWidget | None] = [None] * len(self._builders)
        self._places: list[tuple[QWidget, QVBoxLayout]] = []
        for tab in self.defs:
            place = QWidget()
            place_layout = QVBoxLayout(place)
            place_layout.setContentsMargins(0, 0, 0, 0)
            self._places.append((place, place_layout))
            self.tabs.addTab(place, tab.name)
        self.page(0)
        self.problems = ProblemsPanel(document)
        self.problems.finding_activated.connect(self.show_finding)
        self.problems.shown_first = self._on_current_tab
        self._jumping = False  # a click in the panel changes the tab: keep the panel's order then
        self.tabs.currentChanged.connect(self._tab_changed)
        self.settings = settings
        self.splitter = splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.problems)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)  # a bigger window gives the tables the room; the panel keeps its height
        splitter.splitterMoved.connect(self._remember_height)
        self._height_applied = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        document.findings_changed.connect(self._update_tab_titles)
        self._update_tab_titles()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_height()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._apply_height()

    def _apply_height(self) -> None:
        """The panel's remembered height, once the editor is shown at its real size (before that, sizes
        given to a splitter are only shares of whatever size it turns out to have)."""
        if not self._height_applied and self.isVisible() and self.splitter.height() > 0:
            self._height_applied = True
            remembered = self.settings.problems_height if self.settings is not None else None
            height = PROBLEMS_HEIGHT if remembered is None else remembered
            self.splitter.setSizes([max(self.splitter.height() - height, 0), height])

    def _remember_height(self, _position: int, _index: int) -> None:
        if self.settings is not None:
            self.settings.problems_height = self.splitter.sizes()[1]

    def _update_tab_titles(self) -> None:
        counts = [[0, 0] for _ in self.defs]
        # Findings counted by their cells: a long text's thousands of findings name a few dozen sets of cells.
        for (cells, severity), found in Counter((f.cells, f.severity) for f in self.document.findings).items():
            column = 0 if severity is Severity.ERROR else 1 if severity is Severity.WARNING else None
            if column is None:
                continue
            for number in {self._tab(k) for k in cells} - {None} or {0}:
                counts[number][column] += found  # type: ignore[index]
        for number, (tab, (errors, warnings)) in enumerate(zip(self.defs, counts, strict=True)):
            parts = []
            if errors:
                parts.append(self.tr("%n错", "", errors))
            if warnings:
                parts.append(self.tr("%n警", "", warnings))
            title = f"{tab.name}（{' '.join(parts)}）" if parts else tab.name
            self.tabs.set_title(number, title)

    def page(self, index: int) -> QWidget:
        """The page of tab ``index``, built now if it has not been yet."""
        page = self._pages[index]
        if page is None:
            page = self._pages[index] = self._builders[index]()
            place, place_layout = self._places[index]
            place_layout.addWidget(page)
            place.setFocusProxy(page)
        return page

    def _new_section1(self) -> QWidget:
        from desktop.ui.section1_tab import Section1Tab

        return Section1Tab(self.document)

    def _new_table(self, table_id: str) -> QWidget:
        from desktop.ui.table_tab import TableTab

        return TableTab(self.document, TABLE_BY_ID[table_id])

    def _new_text_section(self, key: str, hint: str) -> QWidget:
        from desktop.ui.text_section_tab import TextSectionTab

        return TextSectionTab(self.document, key, hint)

    def page_of(self, key: str) -> QWidget:
        """The page of the tab that holds ``key``, built now if it has not been yet."""
        index = self._tab(key)
        assert index is not None, key
        return self.page(index)

    @property
    def basic(self) -> BasicInfoTab:
        return self.page_of("meta.")  # type: ignore[return-value]

    @property
    def section1(self) -> Section1Tab:
        return self.page_of("text.s1.")  # type: ignore[return-value]

    def table(self, table_id: str) -> TableTab:
        return self.page_of(f"{table_id}.")  # type: ignore[return-value]

    @property
    def tables(self) -> dict[str, TableTab]:
        return {spec.id: self.table(spec.id) for spec in TABLES}

    @property
    def section5(self) -> TextSectionTab:
        return self.page_of("text.s5")  # type: ignore[return-value]

    @property
    def section6(self) -> TextSectionTab:
        return self.page_of("text.s6")  # type: ignore[return-value]

    def _tab_changed(self, index: int) -> None:
        if 0 <= index < len(self._pages):
            self.page(index)
        if not self._jumping:
            QTimer.singleShot(0, self.problems.refresh)

    def _on_current_tab(self, finding: Finding) -> bool:
        """The finding is about the tab in view. Its tabs are remembered by its cells and text fields: the
        panel asks this of each finding after every check, and a long text's thousands name a few places."""
        spans = finding.spans
        where = (finding.cells, (spans[0].key,) if len(spans) == 1 else tuple(span.key for span in spans))
        tabs = self._tabs_by_place.get(where)
        if tabs is None:
            tabs = self._tabs_by_place[where] = frozenset(map(self._tab, _keys_of(finding)))
        return self.tabs.currentIndex() in tabs

    def _tab(self, key: str) -> int | None:
        """tab_of, remembered: the panel and the tab titles ask it for each finding after every check."""
        if key not in self._tab_of_key:
            self._tab_of_key[key] = tab_of(key, self.defs)
        return self._tab_of_key[key]

    def show_problems(self) -> None:
        """The toolbar's error count: the panel opens (also when dragged shut) with its first finding."""
        sizes = self.splitter.sizes()
        if sizes[1] < 80:
            self.splitter.setSizes([max(sizes[0] - PROBLEMS_HEIGHT, 200), PROBLEMS_HEIGHT])
            self._remember_height(0, 1)  # opened again: so it is in the next window
        self.problems.setFocus()
        group = self.problems.topLevelItem(0)
        first = group.child(0) if group is not None else None
        if first is not None:
            self.problems.setCurrentItem(first)

    def show_finding(self, finding: Finding) -> None:
        """Switch to the finding's tab and select its cells, or put the cursor in its text."""
        keys = _keys_of(finding)
        tab = next((t for t in map(self._tab, keys) if t is not None), None)
        if tab is None:
            return
        self._jumping = True
        self.tabs.setCurrentIndex(tab)
        self._jumping = False
        table_keys = [k for k in keys if k.startswith(("t2.", "t3.", "t4."))]
        if table_keys and not finding.spans:
            self.table(table_keys[0][:2]).view.select_keys(table_keys, finding.shown_cell)
            self.table(table_keys[0][:2]).view.setFocus()
            return
        editor = self.editor_for(keys[0])
        if editor is not None:
            span = next((s for s in finding.spans if s.key == editor.key), None)
            if span is not None:
                editor.select_span(span.start, span.end)
            editor.setFocus()

    def editor_for(self, key: str) -> TextFieldEditor | None:
        if key in self.section1.editors:
            self.section1.ensureWidgetVisible(self.section1.editors[key])
            return self.section1.editors[key]
        for page in (self.section5, self.section6):
            if page.editor.key == key:
                return page.editor
        if key == "text.preamble":
            return self.basic.preamble
        return None


def _keys_of(finding: Finding) -> list[str]:
    """What a finding is about: the text of a quoted number first, then its cells."""
    return [span.key for span in finding.spans] + list(finding.cells)
