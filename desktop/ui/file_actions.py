"""File operations behind the menus and the start page: new, open, save, import, export, next year.

Every question to the clerk goes through one of the ``ask_*`` methods, so the flows can be driven
in tests without opening native dialogs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from desktop.core import storage
from desktop.core.checks import Finding, Severity
from desktop.core.fields import TEXT_BY_KEY
from desktop.core.file_errors import describe
from desktop.core.file_names import safe_stem
from desktop.core.lastyear import link_previous, next_year, not_last_year, snapshot
from desktop.core.report import Report
from desktop.resources import MissingResource, sample_report
from desktop.ui.document import ReportDocument
from desktop.ui.new_report_dialog import NewReportDialog

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

REPORT_FILTER = "年报助手报告 (*.nianbao)"
IMPORT_FILTER = "已发布的报告 (*.txt *.md *.html *.htm *.docx *.pdf);;所有文件 (*)"
EXPORT_FILTERS = {".pdf": "PDF (*.pdf)", ".docx": "Word (*.docx)", ".html": "网页 (*.html)"}


class FileActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._report_actions: list[QAction] = []

    def action(self, text: str, slot: Callable[[], object], shortcut: QKeySequence.StandardKey | None = None,
               needs_report: bool = False) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: self._run(slot))
        if needs_report:
            self._report_actions.append(action)
        return action

    def _run(self, slot: Callable[[], object]) -> None:
        self.window.commit_open_edits()  # Ctrl+S right after typing in a cell saves what was typed
        slot()

    def update_enabled(self) -> None:
        for action in self._report_actions:
            action.setEnabled(self.window.document is not None)

    # ---- questions to the clerk (replaced in tests)

    def ask_open_path(self, title: str, filters: str) -> str:
        path, _ = QFileDialog.getOpenFileName(self.window, title, self.window.settings.last_folder, filters)
        return path

    def ask_save_path(self, title: str, suggested: str, filters: str) -> str:
        start = str(Path(self.window.settings.last_folder) / suggested)
        path, _ = QFileDialog.getSaveFileName(self.window, title, start, filters)
        return path

    def ask_yes_no(self, title: str, text: str) -> bool:
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        return QMessageBox.question(self.window, title, text, buttons) == QMessageBox.StandardButton.Yes

    def tell_error(self, title: str, text: str) -> None:
        QMessageBox.warning(self.window, title, text)

    def confirm_import(self, dialog: QDialog) -> bool:
        return dialog.exec() == QDialog.DialogCode.Accepted

    def show_preview(self, pdf: bytes, title: str) -> None:
        from desktop.ui.pdf_preview import PdfPreviewDialog

        PdfPreviewDialog(pdf, title, self.window).exec()

    # ---- opening

    def _show(self, report: Report, path: Path | None, clean: bool = True) -> None:
        document = ReportDocument(report, path)
        self.window.set_document(document)
        if path is not None:
            self.window.settings.add_recent(path)
            self.window.refresh_recent()
        if not clean:
            document.undo_stack.resetClean()

    def new_report(self) -> None:
        if not self.window.maybe_discard_changes():
            return
        dialog = NewReportDialog(self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._show(dialog.report(), None, clean=False)

    def open_dialog(self) -> None:
        path = self.ask_open_path(self.tr("打开报告"), REPORT_FILTER)
        if path:
            self.open_path(Path(path))

    def open_path(self, path: Path) -> bool:
        if not self.window.maybe_discard_changes():
            return False
        try:
            report = storage.load(path)
        except storage.ProjectFileError as error:
            self.tell_error(self.tr("无法打开"), str(error))
            return False
        self.window.settings.remember_folder_of(path)
        self._show(report, path)
        return True

    def open_any(self, path: Path) -> bool:
        """A project file opens; a published report (text, HTML, Word, PDF) is imported."""
        if path.suffix.lower() == storage.EXTENSION:
            return self.open_path(path)
        return self.import_path(path)

    def open_recent(self, path: str) -> None:
        if path and not self.open_path(Path(path)) and not Path(path).exists():
            self.window.settings.forget_recent(path)
            self.window.refresh_recent()

    def open_sample(self) -> None:
        """The sample opens as an unsaved copy, so the shipped file is never overwritten."""
        if not self.window.maybe_discard_changes():
            return
        try:
            report = storage.load(sample_report())
        except storage.ProjectFileError as error:
            self.tell_error(self.tr("无法打开示例"), str(error))
            return
        self._show(report, None)

    def import_dialog(self) -> None:
        path = self.ask_open_path(self.tr("导入已发布的报告"), IMPORT_FILTER)
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> bool:
        from desktop.ui.import_questions import run_import

        if not self.window.maybe_discard_changes():
            return False
        report = run_import(self.window, path)
        if report is None:
            return False
        self.window.settings.remember_folder_of(path)
        self._show(report, None, clean=False)
        return True

    # ---- saving

    def save(self) -> bool:
        document = self.window.document
        if document is None:
            return False
        if document.path is None:
            return self.save_as()
        return self._save_to(document, document.path)

    def save_as(self) -> bool:
        document = self.window.document
        if document is None:
            return False
        suggested = f"{safe_stem(document.report.title)}{storage.EXTENSION}"
        path = self.ask_save_path(self.tr("另存为"), suggested, REPORT_FILTER)
        if not path:
            return False
        target = Path(path)
        if target.suffix.lower() != storage.EXTENSION:
            target = target.with_name(target.name + storage.EXTENSION)
        return self._save_to(document, target)

    def _save_to(self, document: ReportDocument, path: Path) -> bool:
        try:
            storage.save(document.report, path)
        except storage.ProjectFileError as error:
            advice = self.tr("修改仍保留在窗口中。") if error.advises_elsewhere else \
                self.tr("修改仍保留在窗口中，请另存到其他位置。")
            self.tell_error(self.tr("保存失败"), f"{error}\n\n{advice}")
            return False
        document.set_path(path)
        document.undo_stack.setClean()
        self.window.settings.add_recent(path)
        self.window.settings.remember_folder_of(path)
        self.window.refresh_recent()
        self.window.status(self.tr("已保存：%1").replace("%1", str(path)))
        return True

    def next_year(self) -> None:
        document = self.window.document
        if document is None or not self.window.maybe_discard_changes():
            return
        self._show(next_year(document.report), None, clean=False)
        self.window.status(self.tr("已新建下一年度报告：上年结转已取自本报告的结转下年度"))

    def link_last_year(self) -> None:
        document = self.window.document
        path = self.ask_open_path(self.tr("选择上年度报告"), REPORT_FILTER) if document else ""
        if not path or document is None:
            return
        try:
            last = storage.load(path)
        except storage.ProjectFileError as error:
            self.tell_error(self.tr("无法打开"), str(error))
            return
        wrong_year = not_last_year(document.report, snapshot(last))
        if wrong_year:
            self.tell_error(self.tr("不是上年度报告"), wrong_year)
            return
        link_previous(document.report, last)
        document.undo_stack.resetClean()
        document.recheck()
        self.window.status(self.tr("已关联%1年度报告，衔接校验已启用").replace("%1", str(last.meta.year)))

    def close_report(self) -> None:
        if self.window.maybe_discard_changes():
            self.window.set_document(None)

    # ---- export

    def confirm_export_with_errors(self) -> bool:
        document = self.window.document
        assert document is not None
        errors = [f for f in document.findings if f.severity is Severity.ERROR]
        if not errors:
            return True
        listed = "\n".join(f"· {_where(f)}{f.message}" for f in errors[:12])
        more = self.tr("\n……共%1处").replace("%1", str(len(errors))) if len(errors) > 12 else ""
        return self.ask_yes_no(self.tr("报告有错误"), self.tr("报告还有以下错误，仍要导出吗？\n\n") + listed + more)

    def export_pdf(self) -> None:
        from desktop.ui.pdf_preview import export_pdf_with_preview

        if self.window.document is not None and self.confirm_export_with_errors():
            export_pdf_with_preview(self)

    def export_other(self, suffix: str) -> Path | None:
        from desktop.io.formats import UnsupportedFormat, exporter_for

        document = self.window.document
        if document is None or not self.confirm_export_with_errors():
            return None
        suggested = f"{safe_stem(document.report.title)}{suffix}"
        path = self.ask_save_path(self.tr("导出"), suggested, EXPORT_FILTERS[suffix])
        if not path:
            return None
        # the format was chosen in the menu: 「年报2024.final」 becomes 年报2024.final.docx
        target = Path(path) if Path(path).suffix.lower() == suffix else Path(path + suffix)
        try:
            export = exporter_for(target)
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                export(document.report, target)
            finally:
                QApplication.restoreOverrideCursor()
        except (UnsupportedFormat, MissingResource) as error:
            self.tell_error(self.tr("导出失败"), str(error))
            return None
        except OSError as error:
            self.tell_error(self.tr("导出失败"), self.tr("无法写入“%1”：%2").replace("%1", str(target)).replace(
                "%2", describe(error)))
            return None
        self.window.settings.remember_folder_of(target)
        self.window.status(self.tr("已导出：%1").replace("%1", str(target)))
        return target

    def copy_html(self) -> None:
        from PySide6.QtCore import QMimeData

        document = self.window.document
        if document is None:
            return
        try:
            from desktop.io.html_export import html_fragment, plain_text
        except ImportError:
            self.tell_error(self.tr("无法复制"), self.tr("本版本暂不支持网页格式"))
            return
        data = QMimeData()
        data.setHtml(html_fragment(document.report))
        data.setText(plain_text(document.report))
        QGuiApplication.clipboard().setMimeData(data)
        self.window.status(self.tr("已复制为网页格式，可直接粘贴到网站后台编辑器"))

    def font_settings(self) -> None:
        from desktop.ui.font_dialog import FontDialog

        FontDialog(self.window.settings, self.window).exec()


def _where(finding: Finding) -> str:
    """「一、（二）依申请公开：」 before a finding about a text: 「文中…」 alone does not say which part."""
    field = next((TEXT_BY_KEY[k] for k in finding.cells if k in TEXT_BY_KEY), None)
    if field is None:
        return ""
    if not field.section or field.label.startswith(f"{field.section}、"):
        return f"{field.label}："  # 前言, 五、存在的主要问题及改进情况
    return f"{field.section}、{field.label}："
