"""The register flow's two dialogs, opened over the window (tests answer them with a headless stand-in)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from desktop.core.register import compute
from desktop.core.register.mapping import Mapping
from desktop.core.register.sheet import RawSheet
from desktop.ui.document import ReportDocument
from desktop.ui.screen_fit import resize_within_screen


class RegisterDialogs:
    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def ask_register_mapping(self, sheet: RawSheet, guess: Mapping) -> Mapping | None:
        from desktop.ui.register_mapping_dialog import RegisterMappingDialog

        dialog = RegisterMappingDialog(sheet, guess, self.parent)
        resize_within_screen(dialog, 900, 680)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def show_register_account(self, document: ReportDocument, account: compute.Account) -> None:
        from desktop.ui.register_result_dialog import RegisterResultDialog
        from desktop.ui.register_sources import remember

        remember(document, account)  # for 台账中的来源… on the table's cells
        dialog = RegisterResultDialog(document, account, self.parent)
        resize_within_screen(dialog, 1280, 760)
        dialog.exec()
