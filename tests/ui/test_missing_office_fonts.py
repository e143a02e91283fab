"""A PC without the 仿宋 or 楷体 this build leaves to the system (every Chinese Windows has them): the
font settings and the export say what stands in, and the window keeps a readable font of the system."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from desktop.io import fonts
from desktop.io.fonts import FontRole
from desktop.ui.about_dialog import AboutDialog
from desktop.ui.app import UI_POINT_SIZE, install_ui_font, ui_font_file
from desktop.ui.document import ReportDocument
from desktop.ui.font_dialog import FontDialog
from desktop.ui.main_window import MainWindow
from tests.fixtures.reports import huaian

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def lacking_fangsong_and_kaiti(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    empty = tmp_path / "pc-fonts"
    empty.mkdir()
    monkeypatch.setattr(fonts, "default_search_dirs", lambda: [empty])
    monkeypatch.setitem(fonts.SYSTEM_ROLES, sys.platform, frozenset({FontRole.FANGSONG, FontRole.KAITI}))
    fonts.clear_font_cache()
    yield
    fonts.clear_font_cache()


@pytest.mark.usefixtures("lacking_fangsong_and_kaiti")
def test_font_settings_say_what_stands_in(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = FontDialog(window.settings, window)
    qtbot.addWidget(dialog)
    stand_in = "思源宋体 — 本机没有该字体，暂用内置字体代替"
    assert dialog.labels[FontRole.FANGSONG].text() == stand_in
    assert dialog.labels[FontRole.KAITI].text() == stand_in
    assert dialog.labels[FontRole.HEITI].text() == "思源黑体 — 内置字体"


@pytest.mark.usefixtures("lacking_fangsong_and_kaiti")
def test_the_window_s_pdf_export_says_what_stood_in(window: MainWindow, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.set_document(ReportDocument(huaian()))
    target = tmp_path / "报告.pdf"
    window.host.ask_save_path = lambda *args: str(target)  # type: ignore[method-assign]
    window.host.show_pdf = lambda pdf, path: None  # type: ignore[method-assign]
    assert window.exports.export(".pdf") == target
    assert window.statusBar().currentMessage() == (
        f"已导出：{target}。注意：本机没有仿宋、楷体字体，导出的PDF中这些文字暂用内置的思源宋体，"
        "可在 设置 → 导出字体 中另选")
    word = target.with_suffix(".docx")
    window.host.ask_save_path = lambda *args: str(word)  # type: ignore[method-assign]
    assert window.exports.export(".docx") == word
    assert window.statusBar().currentMessage() == f"已导出：{word}"  # Word embeds no font


def test_a_chosen_font_ends_the_stand_in(window: MainWindow, qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                         lacking_fangsong_and_kaiti: None) -> None:
    chosen = tmp_path / "仿宋.ttf"
    shutil.copy(REPO / "resources" / "fonts" / "FandolFang-Regular.ttf", chosen)
    window.settings.set_font_override(FontRole.FANGSONG.value, str(chosen))
    window.set_document(ReportDocument(huaian()))
    target = tmp_path / "报告.pdf"
    window.host.ask_save_path = lambda *args: str(target)  # type: ignore[method-assign]
    window.host.show_pdf = lambda pdf, path: None  # type: ignore[method-assign]
    assert window.exports.export(".pdf") == target
    assert "本机没有楷体字体" in window.statusBar().currentMessage()


def test_without_a_bundled_ui_font_the_system_s_is_kept_at_the_layout_s_size(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = qapp.font()
    monkeypatch.setitem(fonts.SYSTEM_ROLES, sys.platform, frozenset({FontRole.HEITI}))
    try:
        assert ui_font_file() is None
        qapp.setFont(before.__class__("Sans Serif", 7))
        assert install_ui_font(qapp) is None
        assert qapp.font().family() == "Sans Serif" and qapp.font().pointSize() == UI_POINT_SIZE
    finally:
        qapp.setFont(before)


def test_about_lists_only_the_fonts_this_build_ships(window: MainWindow, qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = tmp_path / "fonts"
    shutil.copytree(REPO / "resources" / "fonts", shipped)
    for name in fonts.files_left_out("win32"):
        (shipped / name).unlink()
        for licence in shipped.glob(f"{name.split('-')[0]}-*.txt"):
            licence.unlink()
    monkeypatch.setattr("desktop.ui.about_dialog.bundled_fonts_dir", lambda: shipped)
    dialog = AboutDialog(window)
    qtbot.addWidget(dialog)
    assert sorted(font.file.name for font in dialog.fonts) == ["NotoSerifSC-Bold.ttf", "NotoSerifSC-Regular.ttf"]
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert not any("Fandol" in text or "年报楷体" in text or "思源黑体" in text for text in texts)
