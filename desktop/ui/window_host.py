"""The window's side of the flows' interface (FlowHost): dialogs, message boxes, the status bar and the
busy cursor. Flows call these; they never touch the window themselves."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog

from desktop.ui.file_dialog import chosen_path, file_dialog
from desktop.ui.flows.host import SaveChoice

T = TypeVar("T")
POLL_MS = 20

if TYPE_CHECKING:
    from desktop.core.report import Report
    from desktop.io.importers.identity import Known
    from desktop.io.importers.questions import Question
    from desktop.ui.document import ReportDocument
    from desktop.ui.main_window import MainWindow


class WindowHost:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.progress: QProgressDialog | None = None  # while work runs off the UI thread

    # ---- questions

    def ask_open_path(self, title: str, filters: str) -> str:
        dialog = file_dialog(self.window, title, self.window.settings.last_folder, filters)
        return chosen_path(dialog) if self.run_dialog(dialog) else ""

    def ask_save_path(self, title: str, suggested: str, filters: str) -> str:
        start = str(Path(self.window.settings.last_folder) / suggested)
        dialog = file_dialog(self.window, title, start, filters, save=True)
        return chosen_path(dialog) if self.run_dialog(dialog) else ""

    def ask_yes_no(self, title: str, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self.window)
        yes = box.addButton(self.window.tr("是(&Y)"), QMessageBox.ButtonRole.YesRole)
        box.addButton(self.window.tr("否(&N)"), QMessageBox.ButtonRole.NoRole)
        box.setDefaultButton(yes)
        box.exec()
        return box.clickedButton() is yes

    def ask_save_changes(self, name: str) -> SaveChoice:
        box = QMessageBox(QMessageBox.Icon.Question, self.window.tr("保存修改"),
                          self.window.tr("“%1”有尚未保存的修改，是否保存？").replace("%1", name), parent=self.window)
        save = box.addButton(self.window.tr("保存(&S)"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.window.tr("不保存(&D)"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(self.window.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is save:
            return SaveChoice.SAVE
        return SaveChoice.DISCARD if clicked is discard else SaveChoice.CANCEL

    def ask_new_report(self) -> Report | None:
        from desktop.ui.new_report_dialog import NewReportDialog

        dialog = NewReportDialog(self.window)
        return dialog.report() if self.run_dialog(dialog) else None

    def ask_import_answers(self, question: Question) -> Known | None:
        from desktop.ui.import_questions import ImportQuestionsDialog

        dialog = ImportQuestionsDialog(question, self.window)
        return dialog.known() if self.run_dialog(dialog) else None

    def confirm_import(self, report: Report, account: list[str]) -> bool:
        from desktop.ui.import_dialog import ImportAccountDialog

        return self.run_dialog(ImportAccountDialog(report, account, self.window))

    def run_dialog(self, dialog: QDialog) -> bool:
        """Every dialog of the flows opens here (tests answer it instead)."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    # ---- telling

    def tell_error(self, title: str, text: str) -> None:
        QMessageBox.warning(self.window, title, text)

    def status(self, message: str) -> None:
        self.window.status(message)

    @contextmanager
    def busy(self, message: str) -> Iterator[None]:
        self.window.status(message)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            yield
        finally:
            QApplication.restoreOverrideCursor()

    def run_cancellable(self, message: str, work: Callable[[], T]) -> T | None:
        """The window keeps repainting while ``work`` runs in a thread. 取消 returns at once and the
        result is dropped; the work itself is bounded (the importers' limits), so it ends soon after."""
        outcome: dict[str, Any] = {}

        def run() -> None:
            try:
                outcome["value"] = work()
            except BaseException as error:  # handed to the UI thread below, where it is raised again
                outcome["error"] = error

        thread = threading.Thread(target=run, name="nianbao-work", daemon=True)
        progress = QProgressDialog(message, self.window.tr("取消"), 0, 0, self.window)
        progress.setWindowTitle(self.window.tr("年报助手"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        self.progress = progress
        loop = QEventLoop()
        poll = QTimer(interval=POLL_MS)
        poll.timeout.connect(lambda: None if thread.is_alive() else loop.quit())
        progress.canceled.connect(loop.quit)
        thread.start()
        poll.start()
        loop.exec()
        poll.stop()
        cancelled = progress.wasCanceled()
        progress.reset()
        progress.deleteLater()
        self.progress = None
        if cancelled:
            return None
        if "error" in outcome:
            raise outcome["error"]
        return outcome["value"]  # type: ignore[no-any-return]

    def show_pdf(self, pdf: bytes, path: Path) -> None:
        from desktop.ui.pdf_preview import PdfPreviewDialog

        PdfPreviewDialog(pdf, path, self.window).exec()

    # ---- the open report

    def current_document(self) -> ReportDocument | None:
        return self.window.document

    def show_document(self, document: ReportDocument | None) -> None:
        self.window.set_document(document)

    def commit_open_edits(self) -> None:
        self.window.commit_open_edits()

    def recent_changed(self) -> None:
        self.window.refresh_recent()
