"""The open report: the core model, its undo stack, and one "changed" signal that views and the
checker follow. Widgets never change the report directly; they ask the document for an edit."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from desktop.core import edits
from desktop.core.checks import Finding, Fix, check
from desktop.core.checks.rejected import rejected_input
from desktop.core.fields import TEXT_BY_KEY
from desktop.core.paragraphs import merge_paragraph
from desktop.core.report import Report
from desktop.core.values import InvalidValue
from desktop.ui.background_check import BackgroundChecker, is_long
from desktop.ui.undo import EditCommand, TextCommand

TEXT_CHECK_DELAY_MS = 400


class ReportDocument(QObject):
    changed = Signal(tuple)  # keys whose values changed
    findings_changed = Signal()
    refused = Signal(str)  # a value was not accepted; the message is for the status bar
    done = Signal(str)  # what a command did, for the status bar: 「已将144个空白单元格填为0」
    path_changed = Signal()
    rejected_changed = Signal(str)  # a cell's refused input appeared or went away

    def __init__(self, report: Report, path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.path = path
        self.undo_stack = QUndoStack(self)
        self._text_check = QTimer(self, singleShot=True, interval=TEXT_CHECK_DELAY_MS)
        self._text_check.timeout.connect(self.recheck)
        self.rejected: dict[str, tuple[str, str]] = {}  # key → (what was typed, why it was refused)
        self._generation = 0
        self._background = BackgroundChecker(self)
        self._background.finished.connect(self._on_checked)
        self.checking = False  # a long report's check is running off the UI thread
        self.findings: list[Finding] = []
        self._marks: tuple[list[Finding], dict[str, list[tuple[int, int, Finding]]]] | None = None
        # A long report's first check starts once the window has been built: started at once, it took the
        # processor's turns from opening and doubled the time until the window first appeared.
        self._first_check = QTimer(self, singleShot=True, interval=0)
        self._first_check.timeout.connect(self.recheck)
        if is_long(report):
            self.checking = True
            self._first_check.start()
        else:
            self.findings = check(report)

    def marks_in(self, key: str) -> list[tuple[int, int, Finding]]:
        """(start, end, finding) of each span in one text field, in the findings' order. Worked out once per
        check and field, when an editor in view asks: a long text's thousands of findings were walked by
        each editor."""
        if self._marks is None or self._marks[0] is not self.findings:
            self._marks = (self.findings, {})
        marks = self._marks[1].get(key)
        if marks is None:
            marks = self._marks[1][key] = [(span.start, span.end, finding) for finding in self.findings
                                           for span in finding.spans if span.key == key]
        return marks

    # ---- edits

    def set_value(self, key: str, raw: Any) -> bool:
        """Validate and push one value. A refused value leaves the report untouched and says why."""
        try:
            edit = edits.plan_set(self.report, key, raw)
        except InvalidValue as error:
            self.rejected[key] = (str(raw), str(error))
            self.rejected_changed.emit(key)
            self.refused.emit(str(error))
            self.recheck()
            return False
        self._push(edit)
        self.drop_rejected(key)  # a valid value, even the one already there, replaces the refused text
        return True

    def drop_rejected(self, key: str) -> None:
        """The clerk pressed Esc on a refused value, or typed a valid one: the cell shows the report again."""
        if self.rejected.pop(key, None) is not None:
            self.rejected_changed.emit(key)
            self.recheck()

    def set_many(self, items: Iterable[tuple[str, Any]], label: str) -> bool:
        try:
            edit = edits.plan_many(self.report, items, label)
        except InvalidValue as error:
            self.refused.emit(f"{label}未完成：{error}")
            return False
        self._push(edit)
        return True

    def set_text(self, key: str, text: str) -> None:
        edit = edits.plan_set(self.report, key, text)
        if edit:
            self.undo_stack.push(TextCommand(self, edit))

    def insert_paragraph(self, key: str, paragraph: str, replaces: Callable[[str], bool] = lambda _line: False) -> str:
        """A generated paragraph as one undo step (see core's merge_paragraph); says same, replaced or added."""
        text, outcome = merge_paragraph(self.report.text[key], paragraph, replaces)
        if outcome != "same":
            label = "更新按表格生成的段落" if outcome == "replaced" else "插入按表格生成的段落"
            self._push(edits.plan_many(self.report, [(key, text)], label=label))
        return outcome

    def set_manual_totals(self, manual: bool) -> None:
        self._push(edits.plan_manual_totals(self.report, manual))

    def apply_fix(self, fix: Fix) -> bool:
        return self.set_many(fix.values, fix.label)

    def apply_edit(self, edit: edits.Edit) -> None:
        """An edit planned by core (linking last year, a generated paragraph), as one undo step."""
        self._push(edit)

    def _push(self, edit: edits.Edit) -> None:
        if edit:
            self.undo_stack.push(EditCommand(self, edit))

    # ---- notifications

    def notify(self, keys: tuple[str, ...]) -> None:
        """Called by commands after core applied an edit."""
        for key in keys:
            if self.rejected.pop(key, None) is not None:
                self.rejected_changed.emit(key)
        self.changed.emit(keys)
        if all(k in TEXT_BY_KEY for k in keys):
            self._text_check.start()
        else:
            self.recheck()

    def recheck(self) -> None:
        self._text_check.stop()
        self._first_check.stop()
        self._generation += 1
        if is_long(self.report):
            self.checking = True
            self._background.start(self.report, self._generation)
            return
        self._on_checked(self._generation, check(self.report))

    def _on_checked(self, generation: int, checked: list[Finding]) -> None:
        if generation != self._generation:
            return  # an edit came after this check's snapshot; its own check follows
        self.checking = False
        findings = rejected_input(self.rejected) + checked
        if findings != self.findings:
            self.findings = findings
            self.findings_changed.emit()

    def set_path(self, path: Path) -> None:
        self.path = path
        self.path_changed.emit()

    @property
    def display_name(self) -> str:
        return self.path.name if self.path else f"{self.report.title}（未保存）"
