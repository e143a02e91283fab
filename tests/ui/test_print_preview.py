"""The PDF preview prints (to a PDF file here, as 打印到文件 does), zooms and opens the file's folder."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pypdfium2
import pytest
from pypdf import PdfReader
from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QImage
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QGroupBox, QLabel

from desktop.io.pdf.export import render_pdf_bytes
from desktop.ui.app import make_app
from desktop.ui.pdf_preview import PREVIEW_SCALE, PdfPreviewDialog
from desktop.ui.print_pages import a4_printer, page_image, print_pdf
from tests.fixtures.reports import seed

A4_POINTS = (595.3, 841.9)


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return render_pdf_bytes(seed())


@pytest.fixture
def preview(qtbot, qapp, pdf: bytes, tmp_path: Path) -> Iterator[PdfPreviewDialog]:  # type: ignore[no-untyped-def]
    make_app()  # Qt's Chinese texts, as the app installs them
    (tmp_path / "耳口乡.pdf").write_bytes(pdf)
    dialog = PdfPreviewDialog(pdf, tmp_path / "耳口乡.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    yield dialog


def pdf_printer(target: Path) -> QPrinter:
    printer = a4_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    return printer


def grey(image: QImage, width: int) -> QImage:
    return image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation).convertToFormat(
        QImage.Format.Format_Grayscale8)


def difference(a: QImage, b: QImage) -> float:
    """Mean difference of two pages' grey levels, 0 (same) to 255, blurred enough that a rule drawn a
    pixel lower does not count."""
    a, b = grey(a, 60), grey(b, 60)
    height = min(a.height(), b.height())
    total = sum(abs(a.pixelColor(x, y).value() - b.pixelColor(x, y).value()) for x in range(60) for y in range(height))
    return total / (60 * height)


def test_print_button_prints_every_page_as_the_preview_shows_it(  # type: ignore[no-untyped-def]
        preview: PdfPreviewDialog, qtbot, tmp_path: Path, pdf: bytes) -> None:
    printed = tmp_path / "打印" / "打印.pdf"
    printed.parent.mkdir()
    preview.printer = pdf_printer(printed)
    asked: list[str] = []
    english: list[str] = []

    def accept() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QPrintDialog):
            QTimer.singleShot(20, accept)
            return
        asked.append(dialog.windowTitle())
        texts = [w.text() for kind in (QLabel, QAbstractButton) for w in dialog.findChildren(kind)]
        texts += [w.title() for w in dialog.findChildren(QGroupBox)]
        texts += [w.itemText(i) for w in dialog.findChildren(QComboBox) for i in range(w.count())]
        english.extend(t for t in texts if re.search(r"[A-Za-z]{3,}", t.replace("PDF", "")))
        dialog.accept()

    QTimer.singleShot(0, accept)
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert asked == ["打印"]
    assert english == []  # every text of Qt's print dialog in Chinese, its options page included
    reader = PdfReader(printed)
    assert len(reader.pages) == len(preview.pages) >= 3
    for page in reader.pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert abs(size[0] - A4_POINTS[0]) < 1 and abs(size[1] - A4_POINTS[1]) < 1, size
        (image,) = page.images  # the page as PDFium drew it, one picture per sheet
        assert image.image.width >= 2400  # 300 dpi across A4's 210 mm
    assert reader.metadata is not None and reader.metadata.title == "耳口乡"
    assert "已送打印" in preview.windowTitle()
    exported = [page_image(page, 2) for page in pypdfium2.PdfDocument(pdf)]
    sheets = [page_image(page, 2) for page in pypdfium2.PdfDocument(printed.read_bytes())]
    for number, (page, sheet) in enumerate(zip(exported, sheets, strict=True), start=1):
        assert difference(page, sheet) < 3, f"page {number} printed is not the PDF's page {number}"
    assert difference(exported[0], sheets[1]) > 3  # the comparison tells pages apart


def test_printing_a_page_range_prints_only_those_pages(pdf: bytes, tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    printer = pdf_printer(tmp_path / "第2至3页.pdf")
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert print_pdf(pdf, printer) == 2
    assert len(PdfReader(tmp_path / "第2至3页.pdf").pages) == 2


def test_zoom_draws_the_pages_larger_and_smaller(preview: PdfPreviewDialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    width = preview.pages[0].width()
    assert preview.zoom_label.text() == "100%"
    assert width == round(A4_POINTS[0] * PREVIEW_SCALE) or abs(width - A4_POINTS[0] * PREVIEW_SCALE) < 2
    qtbot.mouseClick(preview.zoom_in, Qt.MouseButton.LeftButton)
    assert preview.zoom_label.text() == "125%"
    assert abs(preview.pages[0].width() - width * 1.25) < 2
    assert preview.view.page_rect(0).size() == preview.pages[0].size()
    for _ in range(3):
        qtbot.mouseClick(preview.zoom_out, Qt.MouseButton.LeftButton)
    assert preview.zoom_label.text() == "50%" and not preview.zoom_out.isEnabled()
    assert abs(preview.pages[0].width() - width / 2) < 2
    assert preview.view.page_count() == len(preview.pages)


class FileUrls(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.opened: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url)


def test_open_folder_opens_the_folder_of_the_pdf(preview: PdfPreviewDialog, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    urls = FileUrls()
    QDesktopServices.setUrlHandler("file", urls, "open")
    try:
        qtbot.mouseClick(preview.folder_button, Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [url.toLocalFile() for url in urls.opened] == [str(tmp_path)]


def test_printing_tells_each_sheet_and_stops_when_cancelled(pdf: bytes, tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    told: list[tuple[int, int]] = []
    printer = pdf_printer(tmp_path / "全部.pdf")
    assert print_pdf(pdf, printer, lambda done, total: told.append((done, total)) or True) == len(told)
    pages = len(told)
    assert told == [(done, pages) for done in range(pages)] and pages >= 3
    told.clear()
    printer = pdf_printer(tmp_path / "取消.pdf")
    assert print_pdf(pdf, printer, lambda done, total: told.append((done, total)) or done < 2) == 0
    assert told == [(0, pages), (1, pages), (2, pages)]  # 取消 before the third sheet: nothing more drawn


def test_a_long_pdf_is_drawn_as_its_pages_come_into_view(qtbot, qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Each drawn page is megabytes of pixels: a report of thousands of pages drew them all at once."""
    from desktop.ui.pdf_pages import KEPT

    report = seed()
    report.text["text.s6"] = "本机关坚持以公开为常态、不公开为例外，依法依规做好政府信息公开工作。" * 3000
    pdf = render_pdf_bytes(report)
    dialog = PdfPreviewDialog(pdf, tmp_path / "长.pdf")
    qtbot.addWidget(dialog)
    dialog.resize(860, 1000)
    dialog.show()
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    count = len(pypdfium2.PdfDocument(pdf))
    assert dialog.view.page_count() == len(dialog.pages) == count > 60
    assert 0 < len(dialog.pages.kept) <= KEPT and 0 in dialog.pages.kept
    bar = dialog.scroll_area.verticalScrollBar()
    for value in range(0, bar.maximum() + 1, bar.pageStep()):  # the clerk pages down to the end
        bar.setValue(value)
        QApplication.processEvents()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: count - 1 in dialog.pages.kept)
    assert len(dialog.pages.kept) == KEPT and 0 not in dialog.pages.kept
    shown = dialog.scroll_area.viewport().grab().toImage()
    dark = sum(1 for x in range(0, shown.width(), 5) for y in range(0, shown.height(), 5)
               if shown.pixelColor(x, y).lightness() < 128)
    assert dark > 50  # the last page is drawn, with its text
