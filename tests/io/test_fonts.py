import contextlib
import marshal
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont
from reportlab.pdfbase.ttfonts import TTFont as ReportlabTTFont

from desktop.io import fonts
from desktop.io.fonts import FontFace, FontRole, UnsupportedFontError

RARE_NAME_CHARS = "镕堃喆"


@pytest.fixture(autouse=True)
def fresh_cache():
    fonts.clear_font_cache()
    yield
    fonts.clear_font_cache()


def gb2312_hanzi() -> str:
    chars = []
    for lead in range(0xB0, 0xF8):
        for trail in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                chars.append(bytes((lead, trail)).decode("gb2312"))
    return "".join(chars)


def make_font(
    path: Path, family: str | dict[str, str], *, fs_type: int = 0, weight: int = 400, cff: bool = False
) -> Path:
    """A tiny font with the given family name, to exercise discovery without real CJK fonts."""
    fb = FontBuilder(1000, isTTF=not cff)
    order = [".notdef", "A", "uni4E00"]
    fb.setupGlyphOrder(order)
    fb.setupCharacterMap({0x41: "A", 0x4E00: "uni4E00"})
    if cff:
        from fontTools.pens.t2CharStringPen import T2CharStringPen

        charstrings = {}
        for name in order:
            pen = T2CharStringPen(500, None)
            pen.moveTo((100, 0))
            pen.lineTo((400, 0))
            pen.lineTo((400, 700))
            pen.closePath()
            charstrings[name] = pen.getCharString()
        fb.setupCFF("TestCFF-Regular", {"FullName": "Test"}, charstrings, {})
    else:
        glyphs = {}
        for name in order:
            pen = TTGlyphPen(None)
            pen.moveTo((100, 0))
            pen.lineTo((400, 0))
            pen.lineTo((400, 700))
            pen.closePath()
            glyphs[name] = pen.glyph()
        fb.setupGlyf(glyphs)
    fb.setupHorizontalMetrics({name: (500, 100) for name in order})
    fb.setupHorizontalHeader(ascent=880, descent=-120)
    fb.setupNameTable({"familyName": family, "styleName": "Regular", "psName": "TestFont-Regular"})
    fb.setupOS2(fsType=fs_type, usWeightClass=weight, sTypoAscender=880, sTypoDescender=-120)
    fb.setupPost()
    fb.save(str(path))
    return path


def renamed_copy(source: Path, target: Path, family: str, fs_type: int | None = None) -> Path:
    """Copy a real font and change only its name table, as an office PC's font would differ."""
    font = TTFont(source, recalcBBoxes=False, recalcTimestamp=False)
    name = font["name"]
    for name_id in (1, 4, 16):
        name.removeNames(nameID=name_id)
    name.setName(family, 1, 3, 1, 0x804)
    name.setName("FangSongGB", 1, 3, 1, 0x409)
    name.setName(family, 4, 3, 1, 0x804)
    if fs_type is not None:
        font["OS/2"].fsType = fs_type
    font.save(target)
    return target


def test_roles_have_chinese_display_names():
    assert [r.display_name for r in FontRole] == ["仿宋", "黑体", "楷体", "小标宋", "宋体", "后备字体"]


@pytest.mark.parametrize("role", list(FontRole))
def test_bundled_font_is_embeddable_truetype_with_licence(role):
    face = fonts.bundled_font(role)
    assert face.source == "bundled"
    assert face.path.parent == fonts.bundled_fonts_dir()
    licences = list(face.path.parent.glob(face.path.stem.split("-")[0] + "-*.txt"))
    assert len(licences) == 1
    text = licences[0].read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE" in text or "GNU GENERAL PUBLIC LICENSE" in text
    with TTFont(face.path, lazy=True) as font:
        assert "glyf" in font and "CFF " not in font
        assert font["OS/2"].fsType & 0x0302 == 0
    ReportlabTTFont(f"test-{role.value}", str(face.path))
    assert fonts.load_font(face.path).family == face.family


@pytest.mark.parametrize("role", list(FontRole))
def test_bundled_fonts_cover_gb2312(role):
    assert fonts.covers(fonts.bundled_font(role), gb2312_hanzi()) == set()


def test_bundled_kai_no_longer_uses_reserved_names():
    with TTFont(fonts.bundled_font(FontRole.KAITI).path, lazy=True) as font:
        for record in font["name"].names:
            if record.nameID in (1, 3, 4, 6, 16, 17, 18, 21):
                text = record.toUnicode()
                assert "LXGW" not in text.upper() and "霞鹜" not in text
        assert font["name"].getDebugName(1) == "Nianbao Kai"


def test_fonts_total_size_stays_small():
    total = sum(p.stat().st_size for p in fonts.bundled_fonts_dir().iterdir())
    assert total < 45 * 1024 * 1024


def test_copy_is_found_only_when_its_family_name_matches(tmp_path):
    bundled = fonts.bundled_font(FontRole.XIAOBIAOSONG).path
    shutil.copyfile(bundled, tmp_path / "simfang.ttf")
    assert fonts.find_system_font(FontRole.FANGSONG, [tmp_path]) is None

    fonts.clear_font_cache()
    nested = tmp_path / "chinese"
    nested.mkdir()
    copy = renamed_copy(bundled, nested / "font0001.ttf", "仿宋_GB2312")
    face = fonts.find_system_font(FontRole.FANGSONG, [tmp_path])
    assert face == FontFace(copy, 0, "仿宋_GB2312", "system")

    resolved = fonts.resolve_fonts(search_dirs=[tmp_path])
    assert resolved[FontRole.FANGSONG] == face
    assert {role for role, f in resolved.items() if f.source == "bundled"} == set(FontRole) - {FontRole.FANGSONG}
    ReportlabTTFont("found-fangsong", str(face.path))


def test_english_name_record_also_matches(tmp_path):
    make_font(tmp_path / "a.ttf", {"en": "SimHei"})
    assert fonts.find_system_font(FontRole.HEITI, [tmp_path]).family == "SimHei"


def test_preference_order_and_regular_weight_win(tmp_path):
    make_font(tmp_path / "fang.ttf", {"en": "FangSong", "zh": "仿宋"})
    make_font(tmp_path / "gb-bold.ttf", {"en": "FangSong_GB2312", "zh": "仿宋_GB2312"}, weight=700)
    regular = make_font(tmp_path / "gb.ttf", {"en": "FangSong_GB2312", "zh": "仿宋_GB2312"})
    face = fonts.find_system_font(FontRole.FANGSONG, [tmp_path])
    assert face.path == regular
    assert face.family == "仿宋_GB2312"


def test_restricted_embedding_is_rejected(tmp_path):
    restricted = make_font(tmp_path / "hei.ttf", {"zh": "黑体"}, fs_type=0x0002)
    assert fonts.find_system_font(FontRole.HEITI, [tmp_path]) is None
    with pytest.raises(UnsupportedFontError, match="不允许嵌入"):
        fonts.load_font(restricted)


def test_restricted_bit_with_a_looser_bit_is_accepted(tmp_path):
    make_font(tmp_path / "hei.ttf", {"zh": "黑体"}, fs_type=0x000A)
    assert fonts.find_system_font(FontRole.HEITI, [tmp_path]) is not None


def test_real_font_with_restricted_fs_type_is_rejected(tmp_path):
    bundled = fonts.bundled_font(FontRole.KAITI).path
    renamed_copy(bundled, tmp_path / "kai.ttf", "楷体_GB2312", fs_type=0x0002)
    assert fonts.find_system_font(FontRole.KAITI, [tmp_path]) is None


def test_cff_font_is_rejected(tmp_path):
    otf = make_font(tmp_path / "fang.otf", {"zh": "仿宋"}, cff=True)
    with TTFont(otf, lazy=True) as font:
        assert "CFF " in font
    assert fonts.find_system_font(FontRole.FANGSONG, [tmp_path]) is None
    with pytest.raises(UnsupportedFontError, match="CFF"):
        fonts.load_font(otf)


def test_collection_index_is_kept(tmp_path):
    simsun = make_font(tmp_path / "0.ttf", {"en": "SimSun", "zh": "宋体"})
    nsimsun = make_font(tmp_path / "1.ttf", {"en": "NSimSun", "zh": "新宋体"})
    kai = make_font(tmp_path / "2.ttf", {"en": "KaiTi", "zh": "楷体"})
    collection = TTCollection()
    collection.fonts = [TTFont(nsimsun), TTFont(simsun), TTFont(kai)]
    fonts_dir = tmp_path / "fonts"
    fonts_dir.mkdir()
    collection.save(fonts_dir / "SIMSUN.TTC")

    song = fonts.find_system_font(FontRole.SONGTI, [fonts_dir])
    assert (song.path.name, song.index, song.family) == ("SIMSUN.TTC", 1, "宋体")
    assert fonts.find_system_font(FontRole.KAITI, [fonts_dir]).index == 2


def test_non_font_files_are_skipped(tmp_path):
    (tmp_path / "broken.ttf").write_bytes(b"\x00\x01\x00\x00garbage")
    (tmp_path / "empty.ttc").write_bytes(b"")
    (tmp_path / "readme.txt").write_text("仿宋_GB2312")
    (tmp_path / "fonts.dir").write_text("x")
    assert fonts.scan_fonts([tmp_path, tmp_path / "missing"]) == []
    with pytest.raises(UnsupportedFontError):
        fonts.load_font(tmp_path / "broken.ttf")


def test_user_override_wins_and_a_bad_one_is_ignored(tmp_path, caplog):
    chosen = make_font(tmp_path / "mine.ttf", {"en": "My Fang"})
    cff = make_font(tmp_path / "bad.otf", {"en": "Bad Kai"}, cff=True)
    system_dir = tmp_path / "system"
    system_dir.mkdir()
    resolved = fonts.resolve_fonts({FontRole.FANGSONG: chosen, FontRole.KAITI: cff}, search_dirs=[system_dir])
    assert resolved[FontRole.FANGSONG] == FontFace(chosen, 0, "My Fang", "user")
    assert resolved[FontRole.KAITI] == fonts.bundled_font(FontRole.KAITI)
    assert "楷体" in caplog.text


def test_fallback_covers_rare_name_characters():
    fallback = fonts.resolve_fonts(search_dirs=[])[FontRole.FALLBACK]
    assert fonts.covers(fallback, RARE_NAME_CHARS + "朱镕基\n") == set()


def test_fangsong_reports_uncovered_rare_characters():
    face = fonts.bundled_font(FontRole.FANGSONG)
    with TTFont(face.path, lazy=True) as font:
        cmap = font.getBestCmap()
    expected = {ch for ch in RARE_NAME_CHARS if ord(ch) not in cmap}
    assert fonts.covers(face, "张" + RARE_NAME_CHARS + "同志，\t") == expected
    assert expected == set(RARE_NAME_CHARS)


def test_bundled_dir_inside_frozen_app(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert fonts.bundled_fonts_dir() == tmp_path / "resources" / "fonts"


def test_module_does_not_import_qt():
    code = "import sys, desktop.io.fonts as f; f.resolve_fonts(search_dirs=[]); print('PySide6' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.fixture
def pc_fonts(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A home folder whose ~/.fonts is one of the PC's font folders, and a cache folder of its own."""
    if sys.platform == "win32":
        pytest.skip("the PC's font folders on Windows are the system's")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "home" / ".fonts"
    folder.mkdir(parents=True)
    return folder


def index_file() -> Path:
    return fonts.cache_dir() / "system-fonts.index"


def families() -> set[str]:
    fonts.clear_font_cache()
    return {face.family for face in fonts.scan_fonts() if face.path.parent.name == ".fonts"}


def test_the_pcs_fonts_are_indexed_and_not_read_again(pc_fonts: Path) -> None:
    font = make_font(pc_fonts / "a.ttf", "仿宋_GB2312")
    assert families() == {"仿宋_GB2312"}
    stored = marshal.loads(index_file().read_bytes())
    (mtime_ns, size, faces), = [entry for path, entry in stored.items() if path == os.path.realpath(font)]
    faces[0] = (faces[0][0], faces[0][1], "只在索引里", *faces[0][3:])
    index_file().write_bytes(marshal.dumps({**stored, os.path.realpath(font): (mtime_ns, size, faces)}))
    assert families() == {"只在索引里"}  # taken from the index, the file not opened


def test_a_changed_or_removed_font_is_read_again(pc_fonts: Path) -> None:
    font = make_font(pc_fonts / "a.ttf", "仿宋_GB2312")
    assert families() == {"仿宋_GB2312"}
    make_font(font, "黑体")
    os.utime(font, ns=(font.stat().st_atime_ns, font.stat().st_mtime_ns + 1_000_000_000))
    assert families() == {"黑体"}
    font.unlink()
    assert families() == set()
    assert os.path.realpath(font) not in marshal.loads(index_file().read_bytes())


@pytest.mark.parametrize("damage", [b"", b"\x00garbage", marshal.dumps({"x": (1, 2, [(0,)])}), marshal.dumps([1])])
def test_a_damaged_font_index_is_rebuilt(pc_fonts: Path, damage: bytes) -> None:
    make_font(pc_fonts / "a.ttf", "仿宋_GB2312")
    index_file().parent.mkdir(parents=True)
    index_file().write_bytes(damage)
    assert families() == {"仿宋_GB2312"}
    assert families() == {"仿宋_GB2312"}  # from the rebuilt index


def test_only_the_pcs_own_folders_are_indexed(pc_fonts: Path, tmp_path: Path) -> None:
    make_font(tmp_path / "elsewhere.ttf", "黑体")
    fonts.scan_fonts([tmp_path])
    assert not index_file().exists()
