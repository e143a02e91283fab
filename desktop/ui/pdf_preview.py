"""导出PDF: write the file, then show its real pages inside the app, to print, zoom into, or find in
its folder."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.pdf_pages import PageImages, PagesView
from desktop.ui.screen_fit import resize_within_screen

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

PREVIEW_SCALE = 1.25  # 100%: about the paper's size on an ordinary screen
ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)


class PdfPreviewDialog(QDialog):
    def __init__(self, pdf: bytes, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf, self.path = pdf, path
        self.setWindowTitle(path.name)
        self.zoom = ZOOMS.index(1.0)
        self.printer: QPrinter | None = None  # kept: the next 打印 offers the same printer
        import pypdfium2

        self.document = pypdfium2.PdfDocument(pdf)  # open while the pages are shown; closed with the dialog
        self.pages: PageImages  # at the zoom in view, set by set_zoom below
        self.view = PagesView()
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.view)
        self.scroll_area.setWidgetResizable(True)
        tools = QHBoxLayout()
        self.print_button = self._button(tools, self.tr("打印…"), self.print_pages, QKeySequence.StandardKey.Print)
        tools.addSpacing(16)
        self.zoom_out = self._button(tools, self.tr("缩小"), lambda: self.set_zoom(self.zoom - 1),
                                     QKeySequence.StandardKey.ZoomOut)
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(48)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        tools.addWidget(self.zoom_label)
        self.zoom_in = self._button(tools, self.tr("放大"), lambda: self.set_zoom(self.zoom + 1),
                                    QKeySequence.StandardKey.ZoomIn)
        tools.addSpacing(16)
        self.folder_button = self._button(tools, self.tr("打开所在文件夹"), self.open_folder)
        tools.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.scroll_area)
        layout.addWidget(buttons)
        self.set_zoom(self.zoom)
        resize_within_screen(self, 860, 1000)

    def _button(self, row: QHBoxLayout, text: str, slot: object, key: QKeySequence.StandardKey | None = None
                ) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        if key is not None:
            button.setShortcut(QKeySequence(key))
            button.setToolTip(QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText))
        row.addWidget(button)
        return button

    # ---- zoom

    @property
    def zoom_factor(self) -> float:
        return ZOOMS[self.zoom]

    def set_zoom(self, index: int) -> None:
        """Pages drawn again at the new size, so that small print stays sharp."""
        self.zoom = max(0, min(len(ZOOMS) - 1, index))
        self.pages = PageImages(self.document, PREVIEW_SCALE * self.zoom_factor)
        self.view.show_pages(self.pages)
        self.zoom_label.setText(f"{round(self.zoom_factor * 100)}%")
        self.zoom_out.setEnabled(self.zoom > 0)
        self.zoom_in.setEnabled(self.zoom < len(ZOOMS) - 1)

    # ---- print, folder

    def print_pages(self) -> bool:
        from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog

        from desktop.ui.print_pages import PrintFailed, a4_printer, print_pdf
        from desktop.ui.qt_chinese import install_missing_texts

        install_missing_texts()
        if self.printer is None:
            self.printer = a4_printer()
        printer = self.printer
        printer.setDocName(self.path.stem)  # the print queue's name for the job
        printer.setCreator(self.tr("年报助手"))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("打印"))
        dialog.setMinMax(1, len(self.pages))
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        progress = QProgressDialog(self.tr("正在打印……"), self.tr("取消"), 0, 0, self)
        progress.setWindowTitle(self.tr("打印"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(500)

        def tell(done: int, total: int) -> bool:
            """Each sheet takes a moment at 300 dpi: the window repaints between sheets, and 取消 stops."""
            progress.setMaximum(total)
            progress.setLabelText(self.tr("正在打印第%1页，共%2页……").replace("%1", str(done + 1))
                                  .replace("%2", str(total)))
            progress.setValue(done)
            return not progress.wasCanceled()

        try:
            sent = print_pdf(self.pdf, printer, tell)
        except PrintFailed as error:
            QMessageBox.warning(self, self.tr("打印失败"), str(error))
            return False
        finally:
            progress.reset()
            progress.deleteLater()
        if not sent:
            self.setWindowTitle(self.tr("%1 — 已取消打印").replace("%1", self.path.name))
            return False
        self.setWindowTitle(self.tr("%1 — 已送打印%2页").replace("%1", self.path.name).replace("%2", str(sent)))
        return True

    def done(self, result: int) -> None:
        super().done(result)
        self.document.close()

    def open_folder(self) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent))):
            QMessageBox.warning(self, self.tr("无法打开文件夹"),
                                self.tr("没有能打开“%1”的文件管理器。").replace("%1", str(self.path.parent)))
