"""Import with its account, and export with its preview and its error confirmation, from the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from desktop.io.fonts import FontRole
from desktop.ui.font_dialog import FontDialog
from desktop.ui.import_dialog import ImportAccountDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.pdf_preview import PdfPreviewDialog
from tests.fixtures.reports import SAMPLES, seed
from tests.ui.test_files import answer_next_message_box


def test_import_shows_the_account_before_accepting(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []

    def confirm(dialog: ImportAccountDialog) -> bool:
        qtbot.addWidget(dialog)
        shown.append(dialog.account.toPlainText())
        return True

    window.host.run_dialog = confirm  # type: ignore[method-assign]
    assert window.files.import_path(SAMPLES / "erkou-2023.txt")
    assert shown and "乡镇" in shown[0]
    assert window.document is not None
    assert window.document.report.cells == seed().cells
    assert window.document.path is None and window.isWindowModified()


def test_import_cancelled_or_refused_changes_nothing(window: MainWindow, tmp_path: Path) -> None:
    window.host.run_dialog = lambda dialog: False  # type: ignore[method-assign]
    assert not window.files.import_path(SAMPLES / "erkou-2023.txt")
    assert window.document is None
    messages: list[str] = []
    window.host.tell_error = lambda title, text: messages.append(text)  # type: ignore[method-assign]
    garbage = tmp_path / "scan.pdf"
    garbage.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 20)
    assert not window.files.import_path(garbage)
    assert messages and window.document is None


def test_export_pdf_writes_the_file_and_previews_its_pages(window: MainWindow, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.files.open_sample()
    target = tmp_path / "耳口乡.pdf"
    window.host.ask_save_path = lambda *args: str(target)  # type: ignore[method-assign]
    previews: list[PdfPreviewDialog] = []

    def preview(pdf: bytes, path: Path) -> None:
        dialog = PdfPreviewDialog(pdf, path, window)
        qtbot.addWidget(dialog)
        previews.append(dialog)

    window.host.show_pdf = preview  # type: ignore[method-assign]
    window.exports.export(".pdf")
    assert target.read_bytes().startswith(b"%PDF")
    (dialog,) = previews
    assert len(dialog.pages) >= 3
    first = dialog.pages[0]
    dark = sum(1 for x in range(0, first.width(), 7) for y in range(0, first.height(), 7)
               if first.pixelColor(x, y).lightness() < 128)
    assert dark > 50  # the page has ink, not a blank render
    assert window.settings.last_folder == str(tmp_path)


def test_export_with_errors_asks_first(window: MainWindow, tmp_path: Path) -> None:
    window.files.open_sample()
    assert window.document is not None
    window.document.set_value("t3.new.natural", "")
    asked: list[str] = []

    def no(title: str, text: str) -> bool:
        asked.append(text)
        return False

    window.host.ask_yes_no = no  # type: ignore[method-assign]
    window.host.ask_save_path = lambda *args: str(tmp_path / "x.docx")  # type: ignore[method-assign]
    assert window.exports.export(".docx") is None
    assert asked and "未填写" in asked[0]
    assert not (tmp_path / "x.docx").exists()
    window.host.ask_yes_no = lambda title, text: True  # type: ignore[method-assign]
    assert window.exports.export(".docx") == tmp_path / "x.docx"
    assert (tmp_path / "x.docx").stat().st_size > 5000


def test_copy_as_web_format_puts_html_and_plain_text(window: MainWindow) -> None:
    window.files.open_sample()
    window.menus.copy_html()
    clipboard = QGuiApplication.clipboard()
    try:
        data = clipboard.mimeData()
        assert data.hasHtml() and '<table border="1"' in data.html() and "本年新收政府信息公开申请数量" in data.html()
        assert "耳口乡" in data.text() and "<table" not in data.text()
    finally:
        clipboard.clear()  # the offscreen platform's clipboard crashes at exit while it holds rich data


def test_font_settings_show_the_fonts_in_use_and_refuse_a_non_font(window: MainWindow, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = FontDialog(window.settings, window)
    qtbot.addWidget(dialog)
    assert all(dialog.labels[role].text() for role in FontRole)
    not_a_font = tmp_path / "fake.ttf"
    not_a_font.write_bytes(b"not a font at all")
    seen = answer_next_message_box(QMessageBox.StandardButton.Ok)
    assert not dialog.set_choice(FontRole.FANGSONG, str(not_a_font))
    assert seen and window.settings.font_override(FontRole.FANGSONG.value) == ""


@pytest.mark.parametrize("suffix", [".docx", ".html"])
def test_a_failed_export_says_why_in_chinese(window: MainWindow, tmp_path: Path, suffix: str) -> None:
    window.files.open_sample()
    (tmp_path / "报告").write_text("a file where a folder is expected")
    target = tmp_path / "报告" / f"耳口乡{suffix}"
    window.host.ask_save_path = lambda *args: str(target)  # type: ignore[method-assign]
    messages: list[str] = []
    window.host.tell_error = lambda title, text: messages.append(text)  # type: ignore[method-assign]
    assert window.exports.export(suffix) is None
    assert messages == [f"无法写入“{target}”：路径中有一部分不是文件夹"]


def test_a_file_name_with_a_dot_gets_the_format_added(window: MainWindow, tmp_path: Path) -> None:
    window.files.open_sample()
    window.host.ask_save_path = lambda *args: str(tmp_path / "年报2024.final")  # type: ignore[method-assign]
    assert window.exports.export(".docx") == tmp_path / "年报2024.final.docx"
    assert (tmp_path / "年报2024.final.docx").stat().st_size > 0


def test_the_export_question_names_the_part_a_text_error_is_in(window: MainWindow, tmp_path: Path) -> None:
    window.files.open_sample()
    assert window.document is not None
    window.document.set_text("text.s1.on_request", "全年受理政府信息公开申请5件。")  # the tables say 0
    window.document.recheck()
    asked: list[str] = []
    window.host.ask_yes_no = lambda title, text: asked.append(text) or False  # type: ignore[method-assign]
    window.host.ask_save_path = lambda *args: str(tmp_path / "x.html")  # type: ignore[method-assign]
    assert window.exports.export(".html") is None
    assert "· 一、（二）依申请公开：文中“受理政府信息公开申请5件”" in asked[0]
