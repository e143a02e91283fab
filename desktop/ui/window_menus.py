"""The window's menus. Each action first takes what is still being typed in a cell or field, then runs
its flow; actions that need a report are disabled on the start page."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from desktop.ui.main_window import MainWindow


class WindowMenus:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.report_actions: list[QAction] = []
        self.help: QDialog | None = None  # kept: reopening shows the page where the clerk was
        self._build()

    def action(self, text: str, slot: Callable[[], object], shortcut: QKeySequence.StandardKey | None = None,
               needs_report: bool = False) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: self._run(slot))
        if needs_report:
            self.report_actions.append(action)
        return action

    def _run(self, slot: Callable[[], object]) -> None:
        self.window.commit_open_edits()  # Ctrl+S right after typing in a cell saves what was typed
        slot()

    def update_enabled(self) -> None:
        for action in self.report_actions:
            action.setEnabled(self.window.document is not None)

    def _build(self) -> None:
        w, files, exports, tr = self.window, self.window.files, self.window.exports, self.window.tr
        menu = w.menuBar().addMenu(tr("文件(&F)"))
        menu.addAction(self.action(tr("新建报告…"), files.new_report, QKeySequence.StandardKey.New))
        menu.addAction(self.action(tr("打开…"), files.open_dialog, QKeySequence.StandardKey.Open))
        menu.addAction(self.action(tr("导入已发布的报告…"), files.import_dialog))
        menu.addAction(self.action(tr("审核文件夹…"), self.review_folder))
        menu.addMenu(w.recent_menu)
        menu.addSeparator()
        w.save_action = self.action(tr("保存"), files.save, QKeySequence.StandardKey.Save, needs_report=True)
        menu.addAction(w.save_action)
        menu.addAction(self.action(tr("另存为…"), files.save_as, QKeySequence.StandardKey.SaveAs, needs_report=True))
        menu.addAction(self.action(tr("以本报告为基础新建下一年度报告…"), files.next_year, needs_report=True))
        menu.addAction(self.action(tr("关联上年度报告…"), files.link_last_year, needs_report=True))
        menu.addAction(self.action(tr("新建台账…"), partial(self.register, False)))
        menu.addAction(self.action(tr("从台账计算表三、表四…"), partial(self.register, True), needs_report=True))
        menu.addSeparator()
        self.exports = {
            suffix: self.action(text, partial(exports.export, suffix), needs_report=True)
            for suffix, text in ((".pdf", tr("导出PDF…")), (".docx", tr("导出Word…")), (".html", tr("导出网页…")))
        }
        for action in self.exports.values():
            menu.addAction(action)
        menu.addAction(self.action(tr("复制为网页格式"), self.copy_html, needs_report=True))
        menu.addSeparator()
        menu.addAction(self.action(tr("关闭报告"), files.close_report, QKeySequence.StandardKey.Close,
                                   needs_report=True))
        menu.addAction(self.action(tr("退出"), w.close, QKeySequence.StandardKey.Quit))
        w.edit_menu = w.menuBar().addMenu(tr("编辑(&E)"))
        self.idle_edit_menu()
        settings_menu = w.menuBar().addMenu(tr("设置(&S)"))
        settings_menu.addAction(self.action(tr("导出字体…"), self.font_settings))
        help_menu = w.menuBar().addMenu(tr("帮助(&H)"))
        self.help_action = self.action(tr("使用说明"), self.show_help, QKeySequence.StandardKey.HelpContents)
        help_menu.addAction(self.help_action)
        help_menu.addAction(self.action(tr("关于年报助手"), self.show_about))
        self.update_enabled()

    def idle_edit_menu(self) -> None:
        """On the start page 编辑 shows what it will hold, greyed, rather than opening empty."""
        menu, tr = self.window.edit_menu, self.window.tr
        menu.clear()
        for text in (tr("撤销"), tr("重做"), None, tr("改正全文标点")):
            if text is None:
                menu.addSeparator()
            else:
                menu.addAction(text).setEnabled(False)

    def show_help(self) -> None:
        from desktop.ui.help_dialog import HelpDialog

        if self.help is None:
            self.help = HelpDialog(self.window)
        self.help.show()
        self.help.activateWindow()

    def show_about(self) -> None:
        from desktop.ui.about_dialog import AboutDialog

        AboutDialog(self.window).exec()

    def register(self, compute: bool) -> None:
        """新建台账 and 从台账计算表三、表四: the register flow, with its two dialogs over the window."""
        from desktop.ui.flows.register import RegisterFlow
        from desktop.ui.register_dialogs import RegisterDialogs

        flow = RegisterFlow(self.window.host, self.window.settings, RegisterDialogs(self.window))
        if compute:
            flow.compute_from_register()
        else:
            flow.new_register()

    def copy_html(self) -> None:
        """The report as HTML with a plain-text alternative, for pasting into the portal's editor."""
        from desktop.io.html_export import html_fragment, plain_text

        document = self.window.document
        if document is None:
            return
        data = QMimeData()
        data.setHtml(html_fragment(document.report))
        data.setText(plain_text(document.report))
        QGuiApplication.clipboard().setMimeData(data)
        self.window.status(self.window.tr("已复制为网页格式，可直接粘贴到网站后台编辑器"))

    def review_folder(self) -> None:
        """A window of its own, so that the report being written stays open beside the review."""
        from desktop.ui.review_window import ReviewWindow

        review = ReviewWindow(self.window.settings, self.window)
        review.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        review.show()
        review.flow.choose_folder()

    def font_settings(self) -> None:
        from desktop.ui.font_dialog import FontDialog

        FontDialog(self.window.settings, self.window).exec()
