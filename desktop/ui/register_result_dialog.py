"""What the register gives: table 三 (and 四) with the rows behind each figure, what was not counted, and
the differences from the figures already typed, each with the register's value as a one-click fix.
「写入报告」 writes the register's figures in one undoable step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.checks import Finding
from desktop.core.register import compute
from desktop.core.register.findings import register_values
from desktop.core.register.telling import not_counted_lines, note_lines, summary
from desktop.core.tablespec import TABLE_BY_ID
from desktop.ui.document import ReportDocument
from desktop.ui.register_table import RegisterTable

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1


class RegisterResultDialog(QDialog):
    def __init__(self, document: ReportDocument, result: compute.Account, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.account = result
        self.setWindowTitle(self.tr("从台账计算 — %1年").replace("%1", str(result.year)))
        self.summary = QLabel("\n".join(summary(t) for t in result.tallies))
        self.summary.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tables = {t.table: RegisterTable(t, document.report) for t in result.tallies}
        for table_id, table in self.tables.items():
            self.tabs.addTab(table, self.tr("表%1").replace("%1", TABLE_BY_ID[table_id].number))
        self.not_counted = QListWidget()
        self.not_counted.setWordWrap(True)
        for tally in result.tallies:
            self.not_counted.addItems(not_counted_lines(tally) + note_lines(tally))
        if self.not_counted.count() == 0:
            self.not_counted.addItem(self.tr("台账中的每一行都已计入"))
        self.differences = QTreeWidget()
        self.differences.setColumnCount(2)
        self.differences.setHeaderLabels([self.tr("与报告中已填数字的差异"), self.tr("修正")])
        self.differences.setWordWrap(True)
        self.differences.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.differences.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.differences.header().setStretchLastSection(False)
        self.differences.itemClicked.connect(self._finding_clicked)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel(self.tr("未计入的写法和行：")))
        side_layout.addWidget(self.not_counted, 1)
        side_layout.addWidget(self.differences, 2)
        splitter = QSplitter()
        splitter.addWidget(self.tabs)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 500])
        buttons = QDialogButtonBox()
        self.write: QPushButton = buttons.addButton(self.tr("全部写入报告"), QDialogButtonBox.ButtonRole.ActionRole)
        self.write.setToolTip(self.tr("用台账的数字填写%1，一步完成，可以撤销").replace(
            "%1", "、".join(self.tabs.tabText(i) for i in range(self.tabs.count()))))
        self.write.clicked.connect(self.write_all)
        buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.findings: list[Finding] = []
        document.changed.connect(self.refresh)
        self.refresh()

    def refresh(self, *_: object) -> None:
        report = self.document.report
        for table in self.tables.values():
            table.refresh(report)
        self.findings = compute.findings(report, self.account)
        self.differences.clear()
        for finding in self.findings:
            item = QTreeWidgetItem(self.differences, [finding.message, ""])
            item.setToolTip(0, finding.message)
            item.setData(0, FINDING_ROLE, finding)
            if finding.fix is not None:
                button = QPushButton(finding.fix.label)
                button.setToolTip(self.tr("一键修正，可撤销"))
                fix = finding.fix
                button.clicked.connect(lambda _checked=False, f=fix: self.document.apply_fix(f))
                self.differences.setItemWidget(item, 1, button)
        if not self.findings:
            QTreeWidgetItem(self.differences, [self.tr("报告中已填的数字与台账一致")])

    def write_all(self) -> bool:
        """An incomplete account is written only when the clerk says so: its tables lack the rows not counted."""
        left_out = sum(len(not_counted_lines(t)) for t in self.account.tallies)
        question = self.tr("台账中有%1处写法或行未计入，写入的表格将不包含这些申请。仍要写入吗？")
        if left_out and not self._confirm(question.replace("%1", str(left_out))):
            return False
        values = [kv for tally in self.account.tallies for kv in register_values(self.document.report, tally)]
        names = "、".join(self.tabs.tabText(i) for i in range(self.tabs.count()))
        if not self.document.set_many(values, self.tr("从台账填写%1").replace("%1", names)):
            return False
        self.document.done.emit(self.tr("已用台账的数字填写%1，可撤销").replace("%1", names))
        return True

    def _confirm(self, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("台账有未计入的行"), text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        answer = box.exec()
        box.deleteLater()
        return answer == QMessageBox.StandardButton.Yes

    def _finding_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        finding = item.data(0, FINDING_ROLE)
        if finding is not None and finding.cells:
            self.show_cell(finding.cells[0])

    def show_cell(self, key: str) -> None:
        """The cell's table in view, the cell selected, and the register rows behind it listed."""
        table = self.tables.get(key[:2])
        if table is not None:
            self.tabs.setCurrentWidget(table)
            table.select(key)
