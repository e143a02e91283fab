"""Opening, saving, importing, next year and linking last year, told to the window only through FlowHost."""

from __future__ import annotations

import socket
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from desktop.core import storage
from desktop.core.edits import plan_link_previous
from desktop.core.file_names import safe_stem
from desktop.core.lastyear import next_year, not_last_year, snapshot
from desktop.core.report import Report
from desktop.resources import sample_report
from desktop.ui.document import ReportDocument
from desktop.ui.flows.host import FlowHost, SaveChoice
from desktop.ui.flows.report_lock import DiskStamp, ReportLock
from desktop.ui.settings import Settings

REPORT_FILTER = "年报助手报告 (*.nianbao)"
IMPORT_FILTER = ("已发布的报告 (*.txt *.md *.html *.htm *.shtml *.mht *.mhtml *.docx *.doc *.wps *.pdf *.ofd)"
                 ";;所有文件 (*)")


def tr(text: str) -> str:
    return QCoreApplication.translate("FileFlows", text)


class FileFlows:
    def __init__(self, host: FlowHost, settings: Settings) -> None:
        self.host = host
        self.settings = settings
        self._lock: ReportLock | None = None
        self._stamp: DiskStamp | None = None

    # ---- showing a report

    def show(self, report: Report, path: Path | None, clean: bool = True, lock: ReportLock | None = None) -> None:
        self._release()
        self._lock = lock
        self._stamp = DiskStamp.of(path) if path is not None else None
        document = ReportDocument(report, path)
        self.host.show_document(document)
        if path is not None:
            self.settings.add_recent(path)
            self.host.recent_changed()
        if not clean:
            document.undo_stack.resetClean()

    def _release(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def maybe_discard_changes(self) -> bool:
        """True when there is nothing unsaved, or the clerk chose to save or to discard it."""
        self.host.commit_open_edits()
        document = self.host.current_document()
        if document is None or document.undo_stack.isClean():
            return True
        choice = self.host.ask_save_changes(document.display_name)
        if choice is SaveChoice.SAVE:
            return self.save()
        return choice is SaveChoice.DISCARD

    def prepare_to_close(self) -> bool:
        """The window is closing: unsaved changes are settled first, then the report's lock goes."""
        if not self.maybe_discard_changes():
            return False
        self._release()
        return True

    def close_report(self) -> bool:
        if not self.maybe_discard_changes():
            return False
        self._release()
        self.host.show_document(None)
        return True

    # ---- opening

    def new_report(self) -> None:
        if not self.maybe_discard_changes():
            return
        report = self.host.ask_new_report()
        if report is not None:
            self.show(report, None, clean=False)

    def open_dialog(self) -> None:
        path = self.host.ask_open_path(tr("打开报告"), REPORT_FILTER)
        if path:
            self.open_path(Path(path))

    def open_path(self, path: Path) -> bool:
        if not self.maybe_discard_changes():
            return False
        try:
            report = storage.load(path)
        except storage.ProjectFileError as error:
            self.host.tell_error(tr("无法打开"), str(error))
            return False
        self.settings.remember_folder_of(path)
        lock = ReportLock(path)
        holder = lock.acquire()
        if holder is None:
            self.show(report, path, lock=lock)
            return True
        where = tr("本机") if holder.host in ("", socket.gethostname()) else holder.host
        if not self.host.ask_yes_no(tr("报告已在别处打开"), tr(
                "“%1”已在%2的另一个年报助手窗口中打开（进程%3），两处同时保存会互相覆盖。\n\n"
                "是否以只读副本打开？副本不会保存到原文件，需要时可另存为新文件。")
                .replace("%1", path.name).replace("%2", where).replace("%3", str(holder.pid))):
            return False
        self.show(report, None)
        self.host.status(tr("已以只读副本打开“%1”：保存时请另存为新文件").replace("%1", path.name))
        return True

    def open_any(self, path: Path) -> bool:
        """A project file opens; a published report (text, HTML, Word, PDF) is imported."""
        if path.suffix.lower() == storage.EXTENSION:
            return self.open_path(path)
        return self.import_path(path)

    def open_recent(self, path: str) -> None:
        if path and not self.open_path(Path(path)) and not Path(path).exists():
            self.settings.forget_recent(path)
            self.host.recent_changed()

    def open_sample(self) -> None:
        """The sample opens as an unsaved copy, so the shipped file is never overwritten."""
        if not self.maybe_discard_changes():
            return
        try:
            report = storage.load(sample_report())
        except storage.ProjectFileError as error:
            self.host.tell_error(tr("无法打开示例"), str(error))
            return
        self.show(report, None)

    def restore(self, report: Report, original: Path | None) -> None:
        """Edits recovered after a crash: shown as unsaved changes of the file they belonged to, locked as
        an opened file is; when another window holds that file now, as an unsaved copy."""
        if original is None:
            self.show(report, None, clean=False)
            return
        lock = ReportLock(original)
        if lock.acquire() is not None:
            self.show(report, None, clean=False)
            self.host.status(tr("“%1”已在另一个窗口中打开，恢复的修改作为未保存的副本打开")
                             .replace("%1", original.name))
            return
        self.show(report, original, clean=False, lock=lock)

    def import_dialog(self) -> None:
        path = self.host.ask_open_path(tr("导入已发布的报告"), IMPORT_FILTER)
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> bool:
        from desktop.io.importers.questions import question_for
        from desktop.io.importing import ImportRefused, import_file

        if not self.maybe_discard_changes():
            return False
        reading = tr("正在读取“%1”……").replace("%1", path.name)
        try:
            found = self.host.run_cancellable(reading, lambda: import_file(path))
            if found is None:
                self.host.status(tr("已取消导入"))
                return False
            result = found
            meta = result.report.meta
            question = question_for(result.missing, meta.year, meta.agency, meta.level)
            if question is not None:
                known = self.host.ask_import_answers(question)
                if known is None:
                    return False
                answered = self.host.run_cancellable(reading, lambda: import_file(path, known))
                if answered is None:
                    self.host.status(tr("已取消导入"))
                    return False
                result = answered
        except ImportRefused as error:
            self.host.tell_error(tr("无法导入"), str(error))
            return False
        if result.missing or not self.host.confirm_import(result.report, result.account):
            return False
        self.settings.remember_folder_of(path)
        self.show(result.report, None, clean=False)
        return True

    # ---- saving

    def save(self) -> bool:
        document = self.host.current_document()
        if document is None:
            return False
        if document.path is None:
            return self.save_as()
        if DiskStamp.of(document.path) != self._stamp and not self.host.ask_yes_no(tr("文件已在别处被修改"), tr(
                "“%1”在打开之后已被其他程序或其他人修改。保存会覆盖那些修改。\n\n仍要保存吗？选“否”可另存为新文件。")
                .replace("%1", document.path.name)):
            return self.save_as()
        return self._save_to(document, document.path)

    def save_as(self) -> bool:
        document = self.host.current_document()
        if document is None:
            return False
        suggested = f"{safe_stem(document.report.title)}{storage.EXTENSION}"
        path = self.host.ask_save_path(tr("另存为"), suggested, REPORT_FILTER)
        if not path:
            return False
        target = Path(path)
        if target.suffix.lower() != storage.EXTENSION:
            target = target.with_name(target.name + storage.EXTENSION)
        if target != document.path:
            lock = ReportLock(target)
            if lock.acquire() is not None:
                self.host.tell_error(tr("保存失败"), tr("“%1”已在另一个年报助手窗口中打开，请换一个文件名")
                                     .replace("%1", target.name))
                return False
            self._release()
            self._lock = lock
        return self._save_to(document, target)

    def _save_to(self, document: ReportDocument, path: Path) -> bool:
        try:
            storage.save(document.report, path)
        except storage.ProjectFileError as error:
            advice = tr("修改仍保留在窗口中。") if error.advises_elsewhere else \
                tr("修改仍保留在窗口中，请另存到其他位置。")
            self.host.tell_error(tr("保存失败"), f"{error}\n\n{advice}")
            return False
        self._stamp = DiskStamp.of(path)
        document.set_path(path)
        document.undo_stack.setClean()
        self.settings.add_recent(path)
        self.settings.remember_folder_of(path)
        self.host.recent_changed()
        self.host.status(tr("已保存：%1").replace("%1", str(path)))
        return True

    # ---- years

    def next_year(self) -> None:
        document = self.host.current_document()
        if document is None or not self.maybe_discard_changes():
            return
        self.show(next_year(document.report), None, clean=False)
        self.host.status(tr("已新建下一年度报告：上年结转和现行有效件数已衔接，各栏文字沿用上年作为草稿，请逐栏修改"))

    def link_last_year(self) -> bool:
        """Linking is an edit like any other: undoable, autosaved, and rechecked."""
        document = self.host.current_document()
        path = self.host.ask_open_path(tr("选择上年度报告"), REPORT_FILTER) if document else ""
        if not path or document is None:
            return False
        try:
            last = storage.load(path)
        except storage.ProjectFileError as error:
            self.host.tell_error(tr("无法打开"), str(error))
            return False
        self.settings.remember_folder_of(path)  # this year's and last year's reports often lie apart
        wrong_year = not_last_year(document.report, snapshot(last))
        if wrong_year:
            self.host.tell_error(tr("不是上年度报告"), wrong_year)
            return False
        document.apply_edit(plan_link_previous(document.report, last))
        self.host.status(tr("已关联%1年度报告，衔接校验已启用").replace("%1", str(last.meta.year)))
        return True
