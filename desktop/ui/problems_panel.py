"""The problems panel: every finding grouped by severity, in plain Chinese, with one-click fixes. Within
a severity, the findings of the tab in view come first. Rule ids (T3-04) mean nothing to a clerk: they
wait in a column shown by 显示详细信息, in the panel's context menu, for whoever reads RULES.md."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QPushButton, QTreeWidget, QTreeWidgetItem, QWidget

from desktop.core.checks import Finding, Fix, Severity
from desktop.core.checks.catalogue import HOUSE_RULES, RULES
from desktop.ui import palette
from desktop.ui.document import ReportDocument

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
# A real report has a few dozen findings. A pasted or runaway text may have thousands, more than anyone
# reads in a list, and each listed one holds its fix buttons: beyond this many a line says how many wait.
LISTED_PER_SEVERITY = 100


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
        document.findings_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.setUpdatesEnabled(False)
        try:
            self.clear()
            groups: dict[Severity, list[Finding]] = {}
            for finding in sorted(self.document.findings, key=lambda f: not self.shown_first(f)):
                groups.setdefault(finding.severity, []).append(finding)
            for severity in Severity:
                found = groups.get(severity)
                if found:
                    self._add_group(severity, found)
            if not groups:
                QTreeWidgetItem(self, [self.tr("没有发现问题")])
        finally:
            self.setUpdatesEnabled(True)

    def _add_group(self, severity: Severity, found: list[Finding]) -> None:
        """The group is filled before it joins the tree, and the fix buttons are placed last: a row added
        under an item that already has widgets moves every one of them, which made thousands of findings
        take a minute."""
        group = QTreeWidgetItem([f"{severity.label}（{len(found)}）"])
        group.setForeground(0, palette.SEVERITY_FOREGROUND[severity])
        font = group.font(0)
        font.setBold(True)
        group.setFont(0, font)
        listed = found[:LISTED_PER_SEVERITY]
        items = [self._item(finding) for finding in listed]
        group.addChildren(items)
        if len(found) > len(listed):
            more = QTreeWidgetItem([self.tr("另有%1条%2未列出：请先改正以上各条，改正后其余各条会依次列出。")
                                    .replace("%1", str(len(found) - len(listed))).replace("%2", severity.label)])
            more.setForeground(0, palette.SEVERITY_FOREGROUND[severity])
            group.addChild(more)
        self.addTopLevelItem(group)
        group.setFirstColumnSpanned(True)
        group.setExpanded(True)
        for item, finding in zip(items, listed, strict=True):
            if finding.fix is not None and finding.table_fix is not None:
                self.setItemWidget(item, 2, self._two_sided(finding.fix, finding.table_fix))
            elif finding.fix is not None:
                self.setItemWidget(item, 2, self._fix_button(finding.fix))

    @staticmethod
    def _item(finding: Finding) -> QTreeWidgetItem:
        item = QTreeWidgetItem([finding.message, finding.rule, ""])
        item.setToolTip(0, finding.message)
        item.setToolTip(1, _rule_title(finding.rule))
        item.setData(0, FINDING_ROLE, finding)
        return item

    def _fix_button(self, fix: Fix, text: str = "") -> QPushButton:
        button = QPushButton(text or fix.label)
        button.setToolTip(f"{fix.label}。" + self.tr("一键修正，可撤销") if text else self.tr("一键修正，可撤销"))
        button.clicked.connect(lambda: self.document.apply_fix(fix))
        return button

    def _two_sided(self, text_fix: Fix, table_fix: Fix) -> QWidget:
        return TwoSidedFix(self._fix_button(text_fix, self.tr("改文字")),
                           self._fix_button(table_fix, self.tr("改表格")))

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
