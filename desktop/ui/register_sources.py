"""Where a figure of the open report came from once it was computed from a register: the account stays
beside its document for the session (the report file keeps values only), and a table cell's context menu
offers 台账中的来源…, which opens the register's account at that cell, with the rows behind it."""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction

from desktop.ui.document import ReportDocument
from desktop.ui.table_view import SpecTableView

if TYPE_CHECKING:  # the register's modules load with the first register, not with every table
    from desktop.core.register.compute import Account

REGISTER_TABLES = ("t3", "t4")  # the tables a register gives (desktop/core/register/tally.py TABLE_OF)

_ACCOUNTS: weakref.WeakKeyDictionary[ReportDocument, Account] = weakref.WeakKeyDictionary()


def tr(text: str) -> str:
    return QCoreApplication.translate("RegisterSources", text)


def remember(document: ReportDocument, account: Account) -> None:
    _ACCOUNTS[document] = account


def account_of(document: ReportDocument) -> Account | None:
    return _ACCOUNTS.get(document)


def add_source_action(view: SpecTableView, document: ReportDocument) -> QAction | None:
    """On the tables a register gives (三 and 四) only."""
    if view.spec_model.spec.id not in REGISTER_TABLES:
        return None
    action = QAction(tr("台账中的来源…"), view)
    action.triggered.connect(lambda _checked=False: show_sources(view, document))
    view.addAction(action)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return action


def show_sources(view: SpecTableView, document: ReportDocument) -> None:
    from desktop.ui.register_result_dialog import RegisterResultDialog
    from desktop.ui.screen_fit import resize_within_screen

    key = view.spec_model.key_at(view.currentIndex())
    account = account_of(document)
    if key is None or account is None or all(t.table != key[:2] for t in account.tallies):
        document.done.emit(tr("本表尚未从台账计算：请用 文件 → 从台账计算表三、表四"))
        return
    dialog = RegisterResultDialog(document, account, view.window())
    resize_within_screen(dialog, 1280, 760)
    dialog.show_cell(key)
    dialog.exec()
