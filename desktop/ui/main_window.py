"""The window: a start page or the editor of one report, the menus, and the status bar."""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMainWindow, QMenu, QMessageBox, QStackedWidget, QWidget

from desktop.core.checks.house_rules import report_punctuation_fix
from desktop.ui.document import ReportDocument
from desktop.ui.file_actions import FileActions
from desktop.ui.recovery import Autosaver
from desktop.ui.report_editor import ReportEditor
from desktop.ui.screen_fit import resize_within_screen
from desktop.ui.settings import Settings
from desktop.ui.start_page import StartPage

STATUS_MS = 8000


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings or Settings()
        self.document: ReportDocument | None = None
        self.editor: ReportEditor | None = None
        self.autosaver: Autosaver | None = None
        self._refusal: str | None = None  # the status bar's message about a value just refused
        self.stack = QStackedWidget()
        self.start_page = StartPage()
        self.stack.addWidget(self.start_page)
        self.setCentralWidget(self.stack)
        self.files = FileActions(self)
        self._build_menus()
        self.start_page.new_requested.connect(self.files.new_report)
        self.start_page.open_requested.connect(self.files.open_dialog)
        self.start_page.import_requested.connect(self.files.import_dialog)
        self.start_page.sample_requested.connect(self.files.open_sample)
        self.start_page.recent_requested.connect(self.files.open_recent)
        self.refresh_recent()
        resize_within_screen(self, 1200, 820)
        if self.settings.geometry is not None:
            self.restoreGeometry(self.settings.geometry)
        self._update_title()

    def _build_menus(self) -> None:
        f = self.files
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        file_menu.addAction(f.action(self.tr("新建报告…"), f.new_report, QKeySequence.StandardKey.New))
        file_menu.addAction(f.action(self.tr("打开…"), f.open_dialog, QKeySequence.StandardKey.Open))
        file_menu.addAction(f.action(self.tr("导入已发布的报告…"), f.import_dialog))
        self.recent_menu = QMenu(self.tr("最近打开"), self)
        self.recent_menu.triggered.connect(lambda action: self.files.open_recent(str(action.data())))
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        self.save_action = f.action(self.tr("保存"), f.save, QKeySequence.StandardKey.Save, needs_report=True)
        file_menu.addAction(self.save_action)
        file_menu.addAction(f.action(self.tr("另存为…"), f.save_as, QKeySequence.StandardKey.SaveAs, needs_report=True))
        file_menu.addAction(f.action(self.tr("以本报告为基础新建下一年度报告…"), f.next_year, needs_report=True))
        file_menu.addAction(f.action(self.tr("关联上年度报告…"), f.link_last_year, needs_report=True))
        file_menu.addSeparator()
        file_menu.addAction(f.action(self.tr("导出PDF…"), f.export_pdf, needs_report=True))
        file_menu.addAction(f.action(self.tr("导出Word…"), lambda: f.export_other(".docx"), needs_report=True))
        file_menu.addAction(f.action(self.tr("导出网页…"), lambda: f.export_other(".html"), needs_report=True))
        file_menu.addAction(f.action(self.tr("复制为网页格式"), f.copy_html, needs_report=True))
        file_menu.addSeparator()
        file_menu.addAction(f.action(self.tr("关闭报告"), f.close_report, QKeySequence.StandardKey.Close,
                                     needs_report=True))
        file_menu.addAction(f.action(self.tr("退出"), self.close, QKeySequence.StandardKey.Quit))
        self.edit_menu = self.menuBar().addMenu(self.tr("编辑(&E)"))
        settings_menu = self.menuBar().addMenu(self.tr("设置(&S)"))
        settings_menu.addAction(f.action(self.tr("导出字体…"), f.font_settings))
        f.update_enabled()

    # ---- the open report

    def set_document(self, document: ReportDocument | None) -> None:
        if self.editor is not None:
            self.stack.removeWidget(self.editor)
            self.editor.deleteLater()
            self.editor = None
        if self.autosaver is not None:
            self.autosaver.discard()
            self.autosaver = None
        self.edit_menu.clear()
        if self.document is not None:
            self.document.undo_stack.cleanChanged.disconnect(self._update_title)
            self.document.path_changed.disconnect(self._update_title)
            self.document.refused.disconnect(self._refused)
            self.document.changed.disconnect(self._accepted)
            self.document.done.disconnect(self.status)
            self.document.deleteLater()
        self.document = document
        if document is None:
            self.stack.setCurrentWidget(self.start_page)
        else:
            document.setParent(self)
            self.editor = ReportEditor(document)
            self.stack.addWidget(self.editor)
            self.stack.setCurrentWidget(self.editor)
            undo = document.undo_stack.createUndoAction(self, self.tr("撤销"))
            undo.setShortcut(QKeySequence.StandardKey.Undo)
            redo = document.undo_stack.createRedoAction(self, self.tr("重做"))
            redo.setShortcut(QKeySequence.StandardKey.Redo)
            self.edit_menu.addAction(undo)
            self.edit_menu.addAction(redo)
            self.edit_menu.addSeparator()
            self.punctuation_action = self.edit_menu.addAction(self.tr("改正全文标点"))
            self.punctuation_action.triggered.connect(self.fix_all_punctuation)
            document.undo_stack.cleanChanged.connect(self._update_title)
            document.path_changed.connect(self._update_title)
            document.refused.connect(self._refused)
            document.changed.connect(self._accepted)
            document.done.connect(self.status)
            self.autosaver = Autosaver(document)
        self.files.update_enabled()
        self._update_title()

    def fix_all_punctuation(self) -> None:
        """Every text field's half-width or doubled punctuation, corrected in one undo step."""
        if self.document is None:
            return
        fix = report_punctuation_fix(self.document.report)
        if fix is None:
            self.status(self.tr("全文标点已规范，无需改正"))
        elif self.document.apply_fix(fix):
            self.status(self.tr("已改正%1个栏目的标点，可撤销").replace("%1", str(len(fix.values))))

    def _update_title(self, *_: object) -> None:
        if self.document is None:
            self.setWindowTitle(self.tr("年报助手"))
            self.setWindowModified(False)
            return
        self.setWindowTitle(f"{self.document.display_name}[*] — {self.tr('年报助手')}")
        self.setWindowModified(not self.document.undo_stack.isClean())

    def refresh_recent(self) -> None:
        files = self.settings.recent_files
        self.start_page.set_recent(files)
        self.recent_menu.clear()
        for file in files:
            self.recent_menu.addAction(file).setData(file)
        self.recent_menu.setEnabled(bool(files))

    def status(self, message: str) -> None:
        self.statusBar().showMessage(message, STATUS_MS)

    def _refused(self, message: str) -> None:
        self._refusal = message
        self.status(message)

    def _accepted(self, _keys: tuple[str, ...]) -> None:
        """The next accepted edit takes a refusal's message away: it no longer describes the table."""
        if self._refusal is not None and self._refusal == self.statusBar().currentMessage():
            self.statusBar().clearMessage()
        self._refusal = None

    # ---- closing

    def commit_open_edits(self) -> None:
        """A cell or field still being typed in counts as typed: saving, exporting or closing takes what
        is on screen, as if the clerk had pressed Enter. Editors commit when they lose the focus."""
        focus = QApplication.focusWidget()
        if focus is None or not self.isAncestorOf(focus):
            return
        view = focus.parentWidget()
        while view is not None and not isinstance(view, QAbstractItemView):
            view = view.parentWidget()
        focus.clearFocus()
        (view or focus).setFocus()

    def maybe_discard_changes(self) -> bool:
        """True when there is nothing unsaved, or the clerk chose to save or to discard it."""
        self.commit_open_edits()
        if self.document is None or self.document.undo_stack.isClean():
            return True
        answer = QMessageBox.question(
            self, self.tr("保存修改"),
            self.tr("“%1”有尚未保存的修改，是否保存？").replace("%1", self.document.display_name),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.files.save()
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_discard_changes():
            event.ignore()
            return
        if self.autosaver is not None:
            self.autosaver.discard()
        self.settings.geometry = self.saveGeometry()
        self.settings.sync()
        event.accept()
