"""打印: the exported PDF's own pages, drawn by PDFium at the printer's resolution, so that the sheet
signed off is the file that was saved, line breaks and page breaks included."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

if TYPE_CHECKING:
    from desktop.core.report import Report

MAX_DPI = 300  # what office printers print; more only makes the spool file bigger
MAX_COPIES = 99

Progress = Callable[[int, int], bool]  # (sheets done, sheets in all) → go on


class PrintFailed(Exception):
    """The printer (or the PDF file printed to) could not be opened; the reason is in Chinese."""


def a4_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                      QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))
    printer.setFullPage(True)  # the PDF's pages carry their own margins
    return printer


def print_to_pdf_file(report: Report, target: Path) -> int:
    """What 打印 sends, into a PDF file: for the test of the frozen build, where no printer is."""
    from desktop.io.pdf.export import render_pdf_bytes

    printer = a4_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    return print_pdf(render_pdf_bytes(report), printer)


def chosen_pages(printer: QPrinter, count: int) -> range:
    """The 1-based pages the print dialog asked for: all, or 从…到…."""
    if printer.printRange() is QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        return range(max(1, printer.fromPage()), min(count, printer.toPage() or count) + 1)
    return range(1, count + 1)


def print_pdf(pdf: bytes, printer: QPrinter, progress: Progress | None = None) -> int:
    """Print the pages (as many copies as asked, when the printer does not make them itself); returns the
    number of sheets sent. ``progress(done, total)`` is told before each sheet; when it returns False the
    job is withdrawn (QPrinter.abort) and 0 is returned."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        pages = chosen_pages(printer, len(document))
        copies = 1 if printer.supportsMultipleCopies() else min(max(1, printer.copyCount()), MAX_COPIES)
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintFailed(QCoreApplication.translate("PrintPages",
                                                         "无法开始打印：打印机不可用，或无法写入所选文件"))
        sheets = [n for _copy in range(copies) for n in pages]
        sent = 0
        try:
            for number in sheets:
                if progress is not None and not progress(sent, len(sheets)):
                    printer.abort()
                    return 0
                if sent:
                    printer.newPage()
                _draw_page(painter, printer, document[number - 1])
                sent += 1
        finally:
            painter.end()
        return sent
    finally:
        document.close()


def page_image(page: Any, scale: float) -> QImage:
    """One pypdfium2 page as an image; 1.0 is 72 dots per inch."""
    bitmap = page.render(scale=scale, rev_byteorder=True)
    image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                   QImage.Format.Format_RGB888 if bitmap.n_channels == 3 else QImage.Format.Format_RGBA8888)
    return image.copy()  # the bitmap's buffer goes with the page


def _draw_page(painter: QPainter, printer: QPrinter, page: Any) -> None:
    width_pt, height_pt = page.get_size()
    image = page_image(page, min(printer.resolution(), MAX_DPI) / 72)
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    # A4 on A4; on another paper, as large as fits
    size = QSizeF(width_pt, height_pt).scaled(paper.size(), Qt.AspectRatioMode.KeepAspectRatio)
    target = QRectF((paper.width() - size.width()) / 2, (paper.height() - size.height()) / 2,
                    size.width(), size.height())
    painter.drawImage(target, image)

