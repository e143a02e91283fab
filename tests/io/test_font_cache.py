"""The parsed-font cache: a PDF made from it is the PDF reportlab makes by parsing, and a damaged, stale or
unwritable cache costs only the parse."""

from __future__ import annotations

import marshal
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from desktop.io import fonts
from desktop.io.fonts import FontRole, bundled_font
from desktop.io.pdf import facecache
from desktop.io.pdf.facecache import CachedTTFont, load_font

ROOT = Path(__file__).resolve().parents[2]
KAI = bundled_font(FontRole.KAITI).path  # the smallest shipped font

# Renders in a fresh process, because reportlab keeps the first font registered for a face name.
RENDER = """
import sys
from pathlib import Path
from reportlab import rl_config
rl_config.invariant = 1
from reportlab.pdfbase.ttfonts import TTFont
from desktop.io.fonts import FontRole, bundled_font
from desktop.io.pdf import facecache
from desktop.io.pdf.export import render_pdf_bytes
from tests.fixtures.reports import huaian
if sys.argv[1] == "parsed":
    facecache.load_font = lambda name, path, index=0: TTFont(name, str(path), subfontIndex=index)
faces = {role: bundled_font(role) for role in FontRole}
report = huaian()
report.text["text.preamble"] += "负责人：张镕、李堃、王喆。😀 Latin text, 1234567890."
if sys.argv[3] == "after-the-same":
    render_pdf_bytes(report, faces)
elif sys.argv[3] == "after-another":  # other characters, in another order
    other = huaian()
    other.text["text.preamble"] = "鑫淼焱垚。" + other.text["text.preamble"][::-1]
    render_pdf_bytes(other, faces)
Path(sys.argv[2]).write_bytes(render_pdf_bytes(report, faces))
"""


def render(how: str, out: Path, cache: Path, before: str = "first") -> bytes:
    """The report's PDF from a fresh process, rendered first or after another export in that process."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "LOCALAPPDATA": str(cache), "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-c", RENDER, how, str(out), before], check=True, env=env, cwd=ROOT)
    return out.read_bytes()


def poppler(tool: str, pdf: Path) -> str:
    return subprocess.run([tool, str(pdf), *(["-"] if tool == "pdftotext" else [])], check=True,
                          capture_output=True, text=True).stdout


def test_a_pdf_from_the_cache_is_the_pdf_from_parsing(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    parsed = render("parsed", tmp_path / "parsed.pdf", cache)
    assert list(cache.rglob("*.face")) == []
    cold = render("cached", tmp_path / "cold.pdf", cache)
    assert len(list((cache / "nianbao" / "fonts").glob("*.face"))) >= 5  # and a PC font for the emoji
    warm = render("cached", tmp_path / "warm.pdf", cache)
    assert parsed == cold == warm
    # the subsets kept from an export before: of the same report, and of one with other characters
    assert render("cached", tmp_path / "again.pdf", cache, "after-the-same") == parsed
    assert render("cached", tmp_path / "other.pdf", cache, "after-another") == parsed
    if shutil.which("pdftotext") and shutil.which("pdffonts"):
        for tool in ("pdftotext", "pdffonts"):
            assert poppler(tool, tmp_path / "parsed.pdf") == poppler(tool, tmp_path / "warm.pdf")
        assert "李堃" in poppler("pdftotext", tmp_path / "warm.pdf")


def test_a_cached_font_has_what_reportlab_gives_a_parsed_one(tmp_path: Path) -> None:
    parsed = TTFont("parsed", str(KAI))
    load_font("stored", KAI, cache_dir=tmp_path)
    cached = load_font("cached", KAI, cache_dir=tmp_path)
    assert vars(cached).keys() == vars(parsed).keys()
    assert vars(cached.face).keys() - {"index", "stamp", "programs"} == vars(parsed.face).keys() - {"_ttf_data", "_pos"}
    for field in ("name", "charToGlyph", "charWidths", "glyphPos", "bbox", "ascent", "descent", "flags",
                  "defaultWidth", "table", "subfontNameX", "stemV", "italicAngle"):
        assert getattr(cached.face, field) == getattr(parsed.face, field), field
    assert cached.face.name.ustr == parsed.face.name.ustr
    assert [cached.face.hmetrics[g] for g in range(len(parsed.face.hmetrics))] == parsed.face.hmetrics
    assert cached.stringWidth("年度报告 2024", 16) == parsed.stringWidth("年度报告 2024", 16)
    cached.face.map_file()
    subset = [*range(32, 127), *map(ord, "年度报告镕堃喆")]
    assert cached.face.makeSubset(subset) == parsed.face.makeSubset(subset)


def entry(folder: Path) -> Path:
    (found,) = folder.glob("*.face")
    return found


@pytest.mark.parametrize("damage", ["empty", "truncated", "garbage", "wrong types", "short tables"])
def test_a_damaged_cache_entry_is_parsed_again_and_rewritten(tmp_path: Path, damage: str) -> None:
    good = load_font("first", KAI, cache_dir=tmp_path).face
    path = entry(tmp_path)
    stamp, stored = marshal.loads(path.read_bytes())
    if damage == "empty":
        path.write_bytes(b"")
    elif damage == "truncated":
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    elif damage == "garbage":
        path.write_bytes(os.urandom(4096))
    elif damage == "wrong types":
        path.write_bytes(marshal.dumps((stamp, {**stored, "charToGlyph": ([1, 2], False)})))
    else:
        advances, bearings = stored["hmetrics"][0]
        path.write_bytes(marshal.dumps((stamp, {**stored, "hmetrics": ((advances[:-1], bearings[:-1]), False)})))
    again = load_font("again", KAI, cache_dir=tmp_path).face
    assert again.charToGlyph == good.charToGlyph and len(again.hmetrics) == len(good.hmetrics)
    assert marshal.loads(entry(tmp_path).read_bytes())[0] == stamp  # rewritten whole


def test_a_changed_font_file_is_parsed_again(tmp_path: Path) -> None:
    font = tmp_path / "font.ttf"
    shutil.copy(KAI, font)
    cache = tmp_path / "cache"
    assert load_font("a", font, cache_dir=cache).face.name.ustr == "NianbaoKai-Regular"
    shutil.copy(bundled_font(FontRole.XIAOBIAOSONG).path, font)
    assert load_font("b", font, cache_dir=cache).face.name.ustr == "NotoSerifSC-Bold"
    assert len(list(cache.glob("*.face"))) == 1  # replaced, not added
    assert load_font("c", font, cache_dir=cache).face.name.ustr == "NotoSerifSC-Bold"


def test_a_font_changed_during_an_export_is_not_embedded_from_stale_tables(tmp_path: Path) -> None:
    font = tmp_path / "font.ttf"
    shutil.copy(KAI, font)
    cached = load_font("a", font, cache_dir=tmp_path / "cache")
    shutil.copy(bundled_font(FontRole.XIAOBIAOSONG).path, font)
    with pytest.raises(TTFError, match="字体文件在导出过程中被修改"):
        cached.face.map_file()


def test_a_cache_folder_that_cannot_be_written_only_costs_the_parse(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    font = load_font("a", KAI, cache_dir=not_a_folder / "fonts")
    assert isinstance(font, CachedTTFont) and font.face.charToGlyph
    assert not_a_folder.read_text() == "x"


def test_the_cache_lives_in_the_users_cache_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    expected = tmp_path / ("local" if sys.platform == "win32" else "xdg")
    assert fonts.cache_dir().is_relative_to(expected)


def test_the_subsets_kept_between_exports_are_few_and_the_ones_reportlab_makes(tmp_path: Path) -> None:
    face = load_font("k", KAI, cache_dir=tmp_path / "cache").face
    face.map_file()
    plain = TTFont("plain", KAI).face
    codes = sorted(face.charToGlyph)[1000:]
    subsets = [codes[i * 50:(i + 1) * 50] for i in range(facecache.KEPT_SUBSETS + 5)]
    for subset in subsets:
        assert face.makeSubset(subset) == plain.makeSubset(subset)
    assert len(face.programs) == facecache.KEPT_SUBSETS
    assert face.makeSubset(subsets[-1]) is face.makeSubset(list(subsets[-1]))  # kept, not made again
