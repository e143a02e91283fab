"""The Windows build ships no 仿宋, 黑体 or 楷体 substitute, since every Chinese Windows has its own. On a
PC that lacks one after all, the fallback font stands in for it, the export says so, and nothing
of the report is lost from the PDF."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import cli
from desktop.core import storage
from desktop.io import fonts
from desktop.io.fonts import FontFace, FontRole
from desktop.io.pdf.export import render_pdf_bytes
from tests.fixtures.reports import huaian
from tests.io.pdf_helpers import dark_pixels, font_problems, joined, page_fragments, render
from tests.io.test_fonts import make_font

FALLBACK_FILE = fonts.bundled_fonts_dir() / "NotoSerifSC-Regular.ttf"
LEFT_OUT = {FontRole.FANGSONG, FontRole.HEITI, FontRole.KAITI}


@pytest.fixture(autouse=True)
def fresh_cache():
    fonts.clear_font_cache()
    yield
    fonts.clear_font_cache()


def pdf_font_names(data: bytes, folder: Path) -> set[str]:
    pdf = folder / "fonts.pdf"
    pdf.write_bytes(data)
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    return {re.sub(r"^[A-Z]{6}\+", "", line.split()[0]) for line in listing.splitlines()[2:]}


def test_the_windows_build_leaves_out_only_the_substitutes_windows_has_fonts_for() -> None:
    assert fonts.files_left_out("win32") == {"FandolFang-Regular.ttf", "NotoSansSC-Regular.ttf",
                                             "NianbaoKai-Regular.ttf"}
    assert fonts.files_left_out("linux") == frozenset()
    assert all(fonts.ships_substitute(role, "linux") for role in FontRole)


def test_on_a_windows_pc_without_its_fonts_the_fallback_stands_in(tmp_path: Path) -> None:
    resolved = fonts.resolve_fonts(search_dirs=[tmp_path], platform="win32")
    for role in LEFT_OUT:
        assert resolved[role] == FontFace(FALLBACK_FILE, 0, "Noto Serif SC", "stand-in")
    assert {role: face.source for role, face in resolved.items() if role not in LEFT_OUT} == {
        FontRole.XIAOBIAOSONG: "bundled", FontRole.SONGTI: "bundled", FontRole.FALLBACK: "bundled"}
    assert fonts.stood_in(resolved) == [FontRole.FANGSONG, FontRole.HEITI, FontRole.KAITI]
    notice = fonts.stand_in_notice(fonts.stood_in(resolved))
    assert notice == "本机没有仿宋、黑体、楷体字体，导出的PDF中这些文字暂用内置的思源宋体"
    assert fonts.stood_in(fonts.resolve_fonts(search_dirs=[tmp_path], platform="linux")) == []


def test_the_windows_fangsong_wins_over_the_stand_in(tmp_path: Path) -> None:
    make_font(tmp_path / "simfang.ttf", {"zh": "仿宋", "en": "FangSong"})
    resolved = fonts.resolve_fonts(search_dirs=[tmp_path], platform="win32")
    assert resolved[FontRole.FANGSONG].source == "system"
    assert fonts.stood_in(resolved) == [FontRole.HEITI, FontRole.KAITI]


def test_a_pdf_set_with_stand_ins_keeps_every_word_and_embeds_only_shipped_fonts(tmp_path: Path) -> None:
    everything = {role: fonts.bundled_font(role, "linux") for role in FontRole}
    windows = fonts.resolve_fonts(search_dirs=[tmp_path], platform="win32")
    full, substituted = render_pdf_bytes(huaian(), everything), render_pdf_bytes(huaian(), windows)
    assert font_problems(substituted) == []
    assert pdf_font_names(substituted, tmp_path) == {"NotoSerifSC-Regular", "NotoSerifSC-Bold"}
    assert {"FandolFang-Regular", "NotoSansSC-Regular"} <= pdf_font_names(full, tmp_path)

    def words(data: bytes) -> str:
        return re.sub(r"\s+", "", joined([text for page in page_fragments(data) for text in page]))

    assert words(substituted) == words(full)
    pdf = tmp_path / "substituted.pdf"
    pdf.write_bytes(substituted)
    pages = render(pdf, tmp_path, 40)
    assert len(pages) >= 3
    assert all(dark_pixels(page, (0, 0, *page.size)) > 1000 for page in pages)


def test_the_command_line_export_says_which_fonts_stood_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    monkeypatch.setattr(fonts, "default_search_dirs", lambda: [empty])
    monkeypatch.setitem(fonts.SYSTEM_ROLES, sys.platform, frozenset({FontRole.FANGSONG, FontRole.KAITI}))
    source = tmp_path / "huaian.nianbao"
    storage.save(huaian(), source)
    assert cli.main(["export", str(source), "-o", str(tmp_path / "r.pdf")]) == 0
    err = capsys.readouterr().err
    assert "注意：本机没有仿宋、楷体字体，导出的PDF中这些文字暂用内置的思源宋体；装上这些字体后重新导出即可" in err
    assert "FandolFang-Regular" not in pdf_font_names((tmp_path / "r.pdf").read_bytes(), tmp_path)
    assert cli.main(["export", str(source), "-o", str(tmp_path / "r.docx")]) == 0
    assert "本机没有" not in capsys.readouterr().err  # Word names the fonts and embeds none


def test_with_every_substitute_shipped_nothing_is_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    monkeypatch.setattr(fonts, "default_search_dirs", lambda: [empty])
    monkeypatch.setitem(fonts.SYSTEM_ROLES, sys.platform, frozenset())
    source = tmp_path / "huaian.nianbao"
    storage.save(huaian(), source)
    assert cli.main(["export", str(source), "-o", str(tmp_path / "r.pdf")]) == 0
    assert "本机没有" not in capsys.readouterr().err
