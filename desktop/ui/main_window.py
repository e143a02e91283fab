"""The window: a start page or the editor of one report, the menus, and the status bar."""

from __future__ import annotations

from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMainWindow, QMenu, QStackedWidget, QWidget

from desktop.core.checks.house_rules import report_punctuation_fix
from desktop.ui.document import ReportDocument
from desktop.ui.flows.export import ExportFlow
from desktop.ui.flows.files import FileFlows
from desktop.ui.recovery import Autosaver
from desktop.ui.report_editor import ReportEditor
from desktop.ui.screen_fit import fit_to_screen
from desktop.ui.settings import Settings
from desktop.ui.start_page import StartPage
from desktop.ui.window_host import WindowHost
from desktop.ui.window_menus import WindowMenus
from desktop.ui.window_toolbar import WindowToolbar

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
        self.statusBar()  # from the start: made by the first message, it would push the editor up
        self.edit_menu: QMenu
        self.save_action: QAction
        self.host = WindowHost(self)
        self.files = FileFlows(self.host, self.settings)
        self.exports = ExportFlow(self.host, self.settings)
        self.recent_menu = QMenu(self.tr("最近打开"), self)
        self.recent_menu.triggered.connect(lambda action: self.files.open_recent(str(action.data())))
        self.menus = WindowMenus(self)
        self.toolbar = WindowToolbar(self)
        self.addToolBar(self.toolbar)
        self.start_page.new_requested.connect(self.files.new_report)
        self.start_page.open_requested.connect(self.files.open_dialog)
        self.start_page.import_requested.connect(self.files.import_dialog)
        self.start_page.sample_requested.connect(self.files.open_sample)
        self.start_page.recent_requested.connect(self.files.open_recent)
        self.refresh_recent()
        fit_to_screen(self)
        if self.settings.geometry is not None:
            self.restoreGeometry(self.settings.geometry)
        self._update_title()

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
            self.menus.idle_edit_menu()
        else:
            document.setParent(self)
            self.editor = ReportEditor(document, self.settings)
            self.stack.addWidget(self.editor)
            self.stack.setCurrentWidget(self.editor)
            undo = document.undo_stack.createUndoAction(self, self.tr("撤销"))
            undo.setShortcut(QKeySequence.StandardKey.Undo)
            redo = document.undo_stack.createRedoAction(self, self.tr("重做"))
            # Ctrl+Y as in WPS and Word, beside the platform's own (Ctrl+Shift+Z on Linux)
            keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
            redo.setShortcuts(keys if QKeySequence("Ctrl+Y") in keys else [*keys, QKeySequence("Ctrl+Y")])
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
        self.menus.update_enabled()
        self.toolbar.attach(document)
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

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.prepare_to_close():
            event.ignore()
            return
        if self.autosaver is not None:
            self.autosaver.discard()
        self.settings.geometry = self.saveGeometry()
        self.settings.sync()
        event.accept()
