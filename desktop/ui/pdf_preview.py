"""导出PDF: write the file, then show its real pages inside the app."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressDialog,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.core.atomic_write import write_atomically
from desktop.core.file_errors import describe
from desktop.core.file_names import safe_stem
from desktop.resources import MissingResource
from desktop.ui.export_fonts import export_fonts
from desktop.ui.screen_fit import resize_within_screen

if TYPE_CHECKING:
    from desktop.ui.file_actions import FileActions

PREVIEW_SCALE = 1.25


def render_pages(pdf: bytes, scale: float = PREVIEW_SCALE) -> list[QImage]:
    """The PDF's pages as images, drawn by PDFium from the very bytes that were saved."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    images = []
    try:
        for page in document:
            bitmap = page.render(scale=scale, rev_byteorder=True)
            image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGB888 if bitmap.n_channels == 3 else QImage.Format.Format_RGBA8888)
            images.append(image.copy())
    finally:
        document.close()
    return images


class PdfPreviewDialog(QDialog):
    def __init__(self, pdf: bytes, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.pages = render_pages(pdf)
        body = QWidget()
        column = QVBoxLayout(body)
        for number, image in enumerate(self.pages, start=1):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setToolTip(self.tr("第%1页").replace("%1", str(number)))
            column.addWidget(label)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        resize_within_screen(self, 860, 1000)


def export_pdf_with_preview(actions: FileActions) -> Path | None:
    from desktop.io.pdf.export import render_pdf_bytes

    window = actions.window
    document = window.document
    assert document is not None
    path = actions.ask_save_path(actions.tr("导出PDF"), f"{safe_stem(document.report.title)}.pdf", "PDF (*.pdf)")
    if not path:
        return None
    target = Path(path) if Path(path).suffix.lower() == ".pdf" else Path(path + ".pdf")
    progress = QProgressDialog(actions.tr("正在排版……"), "", 0, 0, window)
    progress.setCancelButton(None)  # type: ignore[arg-type]  # PySide6 6.8 stubs omit None; Qt accepts it
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        pdf = render_pdf_bytes(document.report, export_fonts(window.settings))
        write_atomically(target, pdf)
    except MissingResource as error:
        actions.tell_error(actions.tr("导出失败"), str(error))
        return None
    except OSError as error:
        actions.tell_error(actions.tr("导出失败"), actions.tr("无法写入“%1”：%2").replace("%1", str(target)).replace(
            "%2", describe(error)))
        return None
    finally:
        QApplication.restoreOverrideCursor()
        progress.close()
    window.settings.remember_folder_of(target)
    window.status(actions.tr("已导出：%1").replace("%1", str(target)))
    actions.show_preview(pdf, target.name)
    return target
