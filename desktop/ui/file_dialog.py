"""Open and save dialogs a clerk can read: the system's own on Windows, elsewhere Qt's, in Chinese and
large enough that names, sizes and dates are not cut off."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QFileDialog, QHeaderView, QSplitter, QTreeView, QWidget

from desktop.ui.qt_chinese import install_missing_texts
from desktop.ui.screen_fit import resize_within_screen

NATIVE = sys.platform == "win32"  # Explorer's dialog; UOS, Kylin and bare X servers get Qt's
SIZE = (960, 600)
SIDEBAR_WIDTH = 130


def file_dialog(parent: QWidget, title: str, folder: str, filters: str, save: bool = False) -> QFileDialog:
    """``folder`` may end with a suggested file name (for saving)."""
    dialog = QFileDialog(parent, title, folder, filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile if save else QFileDialog.FileMode.ExistingFile)
    if NATIVE:
        return dialog
    install_missing_texts()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    tr = dialog.tr
    for label, text in (
        (QFileDialog.DialogLabel.LookIn, tr("查找范围：")),
        (QFileDialog.DialogLabel.FileName, tr("文件名：")),
        (QFileDialog.DialogLabel.FileType, tr("文件类型：")),
        (QFileDialog.DialogLabel.Accept, tr("保存(&S)") if save else tr("打开(&O)")),
        (QFileDialog.DialogLabel.Reject, tr("取消")),
    ):
        dialog.setLabelText(label, text)
    resize_within_screen(dialog, *SIZE)
    splitter = dialog.findChild(QSplitter, "splitter")
    if splitter is not None:  # the places on the left take what the names need
        splitter.setSizes([SIDEBAR_WIDTH, dialog.width() - SIDEBAR_WIDTH])
    files = dialog.findChild(QTreeView, "treeView")
    if files is not None:  # 名称 takes the room that 大小, 类型 and 修改日期 leave
        header = files.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return dialog


def chosen_path(dialog: QFileDialog) -> str:
    files = dialog.selectedFiles()
    return files[0] if files else ""
