"""The problems panel: every finding grouped by severity, in plain Chinese, with one-click fixes. Within
a severity, the findings of the tab in view come first. Rule ids (T3-04) mean nothing to a clerk: they
wait in a column shown by 显示详细信息, in the panel's context menu, for whoever reads RULES.md."""

from __future__ import annotations

from collections.abc import Callable
from difflib import SequenceMatcher
from itertools import compress
from operator import attrgetter, not_

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from desktop.core.checks import Finding, Fix, Severity
from desktop.core.checks.catalogue import HOUSE_RULES, RULES
from desktop.ui import palette
from desktop.ui.document import ReportDocument

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
# A real report has a few dozen findings. A pasted or runaway text may have thousands, more than anyone
# reads in a list, and each listed one holds its fix buttons: beyond this many a line says how many wait.
LISTED_PER_SEVERITY = 100
# Beyond this many rows changed at once (a tab switch reorders the list), a group is filled again in one go.
MOST_REPLACED = 12


class ProblemsPanel(QTreeWidget):
    finding_activated = Signal(object)  # Finding

    def __init__(self, document: ReportDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.shown_first: Callable[[Finding], bool] = lambda _finding: False
        self.setColumnCount(3)
        self.setHeaderLabels([self.tr("问题"), self.tr("规则"), self.tr("修正")])
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.setColumnHidden(1, True)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.details_action = QAction(self.tr("显示详细信息（规则编号）"), self, checkable=True)
        self.details_action.toggled.connect(lambda shown: self.setColumnHidden(1, not shown))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.addAction(self.details_action)
        self.itemClicked.connect(self._on_clicked)
        self.itemActivated.connect(self._on_clicked)
        self._groups: list[_Group] = []
        document.findings_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Show the document's findings. Where the groups stay, only the rows that changed are replaced, so
        that an edit that mends or breaks one figure keeps the rest of the list where the clerk left it."""
        groups: dict[Severity, list[Finding]] = {}
        findings = self.document.findings
        first = list(map(self.shown_first, findings))
        for finding in (*compress(findings, first), *compress(findings, map(not_, first))):
            groups.setdefault(finding.severity, []).append(finding)
        self.setUpdatesEnabled(False)
        try:
            if groups and sorted(groups, key=attrgetter("rank")) == [g.severity for g in self._groups]:
                top = self.itemAt(0, 0)  # the row at the top of the list stays there, if it stays at all
                for group in self._groups:
                    group.update(groups[group.severity])
                if top is not None and top.treeWidget() is self:
                    self.scrollToItem(top, QAbstractItemView.ScrollHint.PositionAtTop)
            else:
                self._rebuild(groups)
        finally:
            self.setUpdatesEnabled(True)

    def _rebuild(self, groups: dict[Severity, list[Finding]]) -> None:
        self.clear()
        self._groups = [_Group(self, severity, groups[severity]) for severity in Severity if severity in groups]
        if not groups:
            QTreeWidgetItem(self, [self.tr("没有发现问题")])

    @staticmethod
    def row(finding: Finding) -> QTreeWidgetItem:
        item = QTreeWidgetItem([finding.message, finding.rule, ""])
        item.setToolTip(0, finding.message)
        item.setToolTip(1, _rule_title(finding.rule))
        item.setData(0, FINDING_ROLE, finding)
        return item

    def fix_button(self, fix: Fix, text: str = "") -> QPushButton:
        button = QPushButton(text or fix.label)
        button.setToolTip(f"{fix.label}。" + self.tr("一键修正，可撤销") if text else self.tr("一键修正，可撤销"))
        button.clicked.connect(lambda: self.document.apply_fix(fix))
        return button

    def two_sided(self, text_fix: Fix, table_fix: Fix) -> QWidget:
        return TwoSidedFix(self.fix_button(text_fix, self.tr("改文字")),
                           self.fix_button(table_fix, self.tr("改表格")))

    def _on_clicked(self, item: QTreeWidgetItem, column: int = 0) -> None:
        finding = item.data(0, FINDING_ROLE)
        if finding is not None:
            self.finding_activated.emit(finding)

    def findings_shown(self) -> list[Finding]:
        shown = []
        for g in range(self.topLevelItemCount()):
            group = self.topLevelItem(g)
            for c in range(group.childCount() if group else 0):
                child = group.child(c) if group else None
                finding = child.data(0, FINDING_ROLE) if child else None
                if finding is not None:
                    shown.append(finding)
        return shown


class _Group:
    """One severity's rows: at most LISTED_PER_SEVERITY findings, then a line counting the rest."""

    def __init__(self, panel: ProblemsPanel, severity: Severity, found: list[Finding]) -> None:
        """The group is filled before it joins the tree, and the fix buttons are placed last: a row added
        under an item that already has widgets moves every one of them, which made thousands of findings
        take a minute."""
        self.panel, self.severity = panel, severity
        self.item = QTreeWidgetItem()
        self.item.setForeground(0, palette.SEVERITY_FOREGROUND[severity])
        font = self.item.font(0)
        font.setBold(True)
        self.item.setFont(0, font)
        self.listed = found[:LISTED_PER_SEVERITY]
        rows = [panel.row(finding) for finding in self.listed]
        self.item.addChildren(rows)
        self.more: QTreeWidgetItem | None = None
        self._count(len(found))
        panel.addTopLevelItem(self.item)
        self.item.setFirstColumnSpanned(True)
        self.item.setExpanded(True)
        for row, finding in zip(rows, self.listed, strict=True):
            self._place_fix(row, finding)

    def update(self, found: list[Finding]) -> None:
        """Replace the rows whose finding changed; a list that changed throughout is filled again."""
        listed = found[:LISTED_PER_SEVERITY]
        changes = SequenceMatcher(None, [_key(f) for f in self.listed], [_key(f) for f in listed],
                                  autojunk=False).get_opcodes()
        if sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in changes if tag != "equal") > MOST_REPLACED:
            changes = [("replace", 0, len(self.listed), 0, len(listed))]
        for tag, i1, i2, j1, j2 in reversed(changes):  # from the end: the earlier rows keep their places
            if tag == "equal":
                for offset in range(i2 - i1):
                    self._refresh_row(i1 + offset, listed[j1 + offset])
                continue
            for index in reversed(range(i1, i2)):
                self.item.takeChild(index)
            rows = [self.panel.row(finding) for finding in listed[j1:j2]]
            self.item.insertChildren(i1, rows)
            for row, finding in zip(rows, listed[j1:j2], strict=True):
                self._place_fix(row, finding)
        self.listed = listed
        self._count(len(found))

    def _refresh_row(self, index: int, finding: Finding) -> None:
        """The same finding in words and place; its fix may differ (the figures around it changed)."""
        row = self.item.child(index)
        assert row is not None
        old: Finding = row.data(0, FINDING_ROLE)
        if old is finding:
            return
        row.setData(0, FINDING_ROLE, finding)
        if (old.fix, old.table_fix) != (finding.fix, finding.table_fix):
            self.panel.removeItemWidget(row, 2)
            self._place_fix(row, finding)

    def _place_fix(self, row: QTreeWidgetItem, finding: Finding) -> None:
        panel = self.panel
        if finding.fix is not None and finding.table_fix is not None:
            panel.setItemWidget(row, 2, panel.two_sided(finding.fix, finding.table_fix))
        elif finding.fix is not None:
            panel.setItemWidget(row, 2, panel.fix_button(finding.fix))

    def _count(self, total: int) -> None:
        """The title counts every finding; a last line says how many are not listed."""
        self.item.setText(0, f"{self.severity.label}（{total}）")
        waiting = total - len(self.listed)
        if waiting > 0 and self.more is None:
            self.more = QTreeWidgetItem()
            self.more.setForeground(0, palette.SEVERITY_FOREGROUND[self.severity])
            self.item.addChild(self.more)
        elif waiting <= 0 and self.more is not None:
            self.item.removeChild(self.more)
            self.more = None
        if self.more is not None:
            self.more.setText(0, self.panel.tr("另有%1条%2未列出：请先改正以上各条，改正后其余各条会依次列出。")
                              .replace("%1", str(waiting)).replace("%2", self.severity.label))


def _key(finding: Finding) -> tuple[object, ...]:
    """What a row shows of its finding and where it leads; not its fix, whose corrected text a long field
    would write out to be compared."""
    return finding.rule, finding.severity, finding.cells, finding.message, finding.spans, finding.focus


class TwoSidedFix(QWidget):
    """Text against table, where either may be the slip: the clerk chooses the side to correct."""

    def __init__(self, text_button: QPushButton, table_button: QPushButton) -> None:
        super().__init__()
        self.text_button = text_button
        self.table_button = table_button
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(text_button)
        layout.addWidget(table_button)


def _rule_title(rule: str) -> str:
    info = RULES.get(rule) or HOUSE_RULES.get(rule)
    return f"{rule}：{info.title}" if info is not None else rule
