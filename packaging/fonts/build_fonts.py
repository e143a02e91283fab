"""Build the fonts that ship in resources/fonts from their Debian and npm packages.

Run on Debian with apt-get, dpkg-deb and npm available:

    python packaging/fonts/build_fonts.py [--out resources/fonts]

The inputs are pinned (package version and SHA-256 of each source font), and output timestamps
are taken from the sources, so two runs give byte-identical files. reportlab embeds only TrueType
(glyf) outlines, so every output is converted if needed and then opened with reportlab's TTFont.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import hashlib
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

REPO = Path(__file__).resolve().parents[2]
DEFAULT_OUT = REPO / "resources" / "fonts"

DEB_TEXLIVE = "texlive-lang-chinese=2022.20230122-1"
DEB_WENKAI = "fonts-lxgw-wenkai=1.250+repack-1"
NPM_SANS = "@expo-google-fonts/noto-sans-sc@0.4.3"
NPM_SERIF = "@expo-google-fonts/noto-serif-sc@0.4.3"

FANDOL_DIR = "usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/"
FANDOL_DOC = "usr/share/doc/texlive-doc/fonts/fandol/"
WENKAI_TTF = "usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf"
WENKAI_COPYRIGHT = "usr/share/doc/fonts-lxgw-wenkai/copyright"

SOURCE_SHA256 = {
    "FandolFang-Regular.otf": "d838ad32ce2244d8144f408c37fe71065aba6fbbc80759a4d2aa2033948d5bc9",
    "LXGWWenKai-Regular.ttf": "bbf534b0ca093928f94d1782855e65a19a32cde82b075d495d072025521953c8",
    "NotoSansSC_400Regular.ttf": "d45f67f0a7c0ca3f256950777ce6a61cc7ce5f9696d02900cbbaac25f8aa7d16",
    "NotoSerifSC_400Regular.ttf": "c358a69de3df5f423a8946a7b03e3126fb6ba116f1130a463455b4e39e1f0742",
    "NotoSerifSC_700Bold.ttf": "9c6a2ba736e4b499c84f65ce366bd3625c0401885fd3e585ace50fb738b96ff6",
}

RARE_NAME_CHARS = "镕堃喆"
KAI_FAMILY = "Nianbao Kai"
KAI_PS_NAME = "NianbaoKai-Regular"
MAX_TOTAL_BYTES = 45 * 1024 * 1024


def _double_byte_chars(codec: str, leads: range, trails: range) -> set[str]:
    chars = set()
    for lead in leads:
        for trail in trails:
            with contextlib.suppress(UnicodeDecodeError):
                chars.update(bytes((lead, trail)).decode(codec))
    return chars


def gb2312_chars() -> set[str]:
    return _double_byte_chars("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF))


def gbk_chars() -> set[str]:
    """GBK, plus GB2312's own mappings of the few punctuation marks GBK maps differently (・ ―)."""
    return _double_byte_chars("gbk", range(0x81, 0xFF), range(0x40, 0xFF)) - {"\x7f"} | gb2312_chars()


def _ranges(*pairs: tuple[int, int]) -> set[str]:
    return {chr(c) for lo, hi in pairs for c in range(lo, hi + 1)}


# Punctuation, digits and symbols a report may contain beyond the GB code pages.
EXTRA_CHARS = _ranges(
    (0x20, 0x7E),  # ASCII
    (0xA0, 0xFF),  # Latin-1
    (0x2000, 0x206F),  # general punctuation: — “ ” ‘ ’ …
    (0x2100, 0x218F),  # letterlike symbols, Roman numerals
    (0x2190, 0x21FF),  # arrows
    (0x2460, 0x24FF),  # ① ⑴ ⒈
    (0x25A0, 0x25FF),  # □ ○ ■
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3200, 0x32FF),  # ㈠ ㊣
    (0xFE10, 0xFE1F),  # vertical forms
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # full-width forms
)


@dataclass(frozen=True)
class Output:
    role: str
    file: str
    licence: str


OUTPUTS = (
    Output("fangsong", "FandolFang-Regular.ttf", "FandolFang-LICENSE.txt"),
    Output("heiti", "NotoSansSC-Regular.ttf", "NotoSansSC-OFL.txt"),
    Output("kaiti", "NianbaoKai-Regular.ttf", "NianbaoKai-OFL.txt"),
    Output("xiaobiaosong", "NotoSerifSC-Bold.ttf", "NotoSerifSC-OFL.txt"),
    Output("songti, fallback", "NotoSerifSC-Regular.ttf", "NotoSerifSC-OFL.txt"),
)


def run(cmd: list[str], cwd: Path) -> None:
    print("  $", " ".join(cmd), flush=True)
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fetch_deb(spec: str, work: Path, members: list[str]) -> dict[str, Path]:
    """Download one .deb and stream out only the members we need, without installing it."""
    run(["apt-get", "download", spec], work)
    name = spec.split("=")[0]
    deb = next(work.glob(f"{name}_*.deb"))
    target = work / name
    wanted = {"./" + m for m in members}
    found: dict[str, Path] = {}
    with subprocess.Popen(["dpkg-deb", "--fsys-tarfile", str(deb)], stdout=subprocess.PIPE) as proc:
        assert proc.stdout is not None
        with tarfile.open(fileobj=proc.stdout, mode="r|") as tar:
            for info in tar:
                if info.name in wanted and info.isfile():
                    tar.extract(info, target, filter="data")
                    found[info.name[2:]] = target / info.name
    missing = set(members) - set(found)
    if missing:
        raise SystemExit(f"{deb.name} lacks {sorted(missing)}")
    return found


def fetch_npm(spec: str, work: Path, members: list[str]) -> dict[str, Path]:
    run(["npm", "pack", "--silent", spec], work)
    base = spec.rsplit("@", 1)[0].lstrip("@").replace("/", "-")
    tgz = next(work.glob(f"{base}-*.tgz"))
    target = work / base
    found: dict[str, Path] = {}
    with tarfile.open(tgz, "r:gz") as tar:
        for member in members:
            info = tar.getmember("package/" + member)
            tar.extract(info, target, filter="data")
            found[member] = target / info.name
    return found


def check_source(path: Path) -> None:
    """Stop when a pinned source font changed, since the output would silently differ."""
    actual = sha256(path)
    if SOURCE_SHA256[path.name] != actual:
        raise SystemExit(f"{path.name}: SHA-256 {actual}, expected {SOURCE_SHA256[path.name]}")


def subset_font(font: TTFont, chars: set[str]) -> None:
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.name_legacy = True
    options.notdef_outline = True
    options.glyph_names = False
    options.recalc_timestamp = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in chars])
    subsetter.subset(font)


def cff_to_glyf(font: TTFont, max_err: float = 1.0) -> None:
    """Replace CFF outlines by quadratic TrueType ones (fontTools' otf2ttf recipe)."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        tt_pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(tt_pen, max_err, reverse_direction=True))
        glyphs[name] = tt_pen.glyph()

    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        if hasattr(glyph, "xMin"):
            hmtx[name] = (hmtx[name][0], glyph.xMin)

    font["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for field in (
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
    ):
        setattr(maxp, field, 0)
    maxp.maxComponentElements = max(len(getattr(g, "components", [])) for g in glyphs.values())
    maxp.compile(font)

    post = font["post"]
    post.formatType = 3.0
    font.sfntVersion = "\x00\x01\x00\x00"


def rename_family(font: TTFont, family: str, ps_name: str, reserved: tuple[str, ...]) -> None:
    """Give a modified font a new name, as the OFL requires for Reserved Font Names."""
    name_table = font["name"]
    style = name_table.getDebugName(2) or "Regular"
    version = name_table.getDebugName(5) or ""
    new = {1: family, 2: style, 3: f"{ps_name}:{version}", 4: f"{family} {style}", 6: ps_name}
    for name_id in (1, 2, 3, 4, 6, 16, 17, 18, 20, 21, 22, 25):
        name_table.removeNames(nameID=name_id)
    for name_id, value in new.items():
        name_table.setName(value, name_id, 3, 1, 0x409)
        name_table.setName(value, name_id, 1, 0, 0)
    # Copyright, trademark and licence notices must stay as they are.
    notices = {0, 7, 8, 9, 10, 11, 12, 13, 14}
    for record in name_table.names:
        text = record.toUnicode()
        if record.nameID not in notices and any(r.lower() in text.lower() for r in reserved):
            raise SystemExit(f"reserved name left in name ID {record.nameID}: {text}")


def save(font: TTFont, path: Path) -> None:
    font.recalcTimestamp = False
    font.save(path)


def build_fangsong(src: Path, out: Path) -> None:
    font = TTFont(src, recalcTimestamp=False)
    subset_font(font, gbk_chars() | EXTRA_CHARS)
    cff_to_glyf(font)
    save(font, out)


def build_subset(src: Path, out: Path, chars: set[str]) -> None:
    font = TTFont(src, recalcTimestamp=False)
    subset_font(font, chars)
    save(font, out)


def build_kaiti(src: Path, out: Path) -> None:
    font = TTFont(src, recalcTimestamp=False)
    subset_font(font, gb2312_chars() | EXTRA_CHARS)
    rename_family(font, KAI_FAMILY, KAI_PS_NAME, reserved=("霞鹜", "LXGW"))
    save(font, out)


def ofl_from_debian_copyright(copyright_file: Path) -> str:
    """Turn the OFL paragraph of a Debian copyright file back into plain text."""
    lines = copyright_file.read_text(encoding="utf-8").splitlines()
    start = next(
        i + 1 for i, line in enumerate(lines[:-1]) if line == "License: OFL-1.1" and lines[i + 1].startswith(" ")
    )
    body = []
    for line in lines[start:]:
        if line and not line.startswith(" "):
            break
        body.append("" if line.strip() == "." else line[1:])
    return "\n".join(body).strip() + "\n"


def write_licences(out: Path, fandol_doc: dict[str, Path], wenkai: dict[str, Path], noto: dict[str, Path]) -> None:
    readme = fandol_doc[FANDOL_DOC + "README"].read_text(encoding="utf-8")
    gpl = gzip.decompress(fandol_doc[FANDOL_DOC + "COPYING.gz"].read_bytes()).decode("utf-8")
    fandol_text = FANDOL_NOTICE.format(source=DEB_TEXLIVE, readme=readme.strip())
    (out / "FandolFang-LICENSE.txt").write_text(fandol_text + "\n\n" + gpl, encoding="utf-8")
    copyright_notice = TTFont(wenkai[WENKAI_TTF], lazy=True)["name"].getDebugName(0) or ""
    kai_text = KAI_NOTICE.format(
        source=DEB_WENKAI, family=KAI_FAMILY, copyright="\n".join(copyright_notice.splitlines())
    )
    ofl = ofl_from_debian_copyright(wenkai[WENKAI_COPYRIGHT])
    (out / "NianbaoKai-OFL.txt").write_text(kai_text + "\n\n" + ofl, encoding="utf-8")
    shutil.copyfile(noto["sans"], out / "NotoSansSC-OFL.txt")
    shutil.copyfile(noto["serif"], out / "NotoSerifSC-OFL.txt")


FANDOL_NOTICE = """\
FandolFang-Regular.ttf
======================

Converted from FandolFang-Regular.otf (Debian package {source}) by
packaging/fonts/build_fonts.py: CFF outlines converted to TrueType quadratic outlines with
fontTools cu2qu, and glyphs outside GBK dropped. The unmodified source font is in that
Debian package, and in the Fandol distribution on CTAN.

Fandol fonts are distributed under the GNU General Public License version 3 with the
GPL font exception, as stated in their README (quoted below). The GPL font exception,
in the wording published by the Free Software Foundation, reads:

    As a special exception, if you create a document which uses this font, and embed
    this font or unaltered portions of this font into the document, this font does not
    by itself cause the resulting document to be covered by the GNU General Public
    License. This exception does not however invalidate any other reasons why the
    document might be covered by the GNU General Public License. If you modify this
    font, you may extend this exception to your version of the font, but you are not
    obligated to do so. If you do not wish to do so, delete this exception statement
    from your version.

The exception is extended to this converted version. Its corresponding source is the
unmodified FandolFang-Regular.otf together with the build script named above.

--- README of the Fandol fonts ---

{readme}

--- GNU General Public License, version 3 ---"""

KAI_NOTICE = """\
NianbaoKai-Regular.ttf
======================

A modified version of LXGW WenKai Regular (Debian package {source}), made by
packaging/fonts/build_fonts.py: reduced to GB2312 and common punctuation. As the licence
requires for a modified version, it does not use the Reserved Font Names; its family
name is "{family}".

{copyright}
With Reserved Font Names "霞鹜" and "LXGW"."""


def verify(path: Path, required: str) -> None:
    """Fail the build unless reportlab can embed the font and it has every required character."""
    from reportlab.pdfbase.ttfonts import TTFont as ReportlabTTFont

    ReportlabTTFont(path.stem, str(path))
    with TTFont(path, lazy=True) as font:
        if "glyf" not in font or font["OS/2"].fsType & 0x0302:
            raise SystemExit(f"{path.name}: not an embeddable TrueType font")
        cmap = font.getBestCmap()
    missing = sorted({ch for ch in required if ord(ch) not in cmap})
    if missing:
        raise SystemExit(f"{path.name} lacks {len(missing)} characters: {''.join(missing[:20])}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()

    with tempfile.TemporaryDirectory(prefix="nianbao-fonts-") as tmp:
        work = Path(tmp)
        print("Downloading sources")
        fandol_files = [
            FANDOL_DIR + "FandolFang-Regular.otf",
            FANDOL_DOC + "README",
            FANDOL_DOC + "COPYING.gz",
        ]
        texlive = fetch_deb(DEB_TEXLIVE, work, fandol_files)
        wenkai = fetch_deb(DEB_WENKAI, work, [WENKAI_TTF, WENKAI_COPYRIGHT])
        sans = fetch_npm(NPM_SANS, work, ["400Regular/NotoSansSC_400Regular.ttf", "LICENSE_FONT"])
        serif = fetch_npm(
            NPM_SERIF,
            work,
            ["400Regular/NotoSerifSC_400Regular.ttf", "700Bold/NotoSerifSC_700Bold.ttf", "LICENSE_FONT"],
        )
        fandol_otf = texlive[FANDOL_DIR + "FandolFang-Regular.otf"]
        wenkai_ttf = wenkai[WENKAI_TTF]
        sans_ttf = sans["400Regular/NotoSansSC_400Regular.ttf"]
        serif_regular = serif["400Regular/NotoSerifSC_400Regular.ttf"]
        serif_bold = serif["700Bold/NotoSerifSC_700Bold.ttf"]
        for src in (fandol_otf, wenkai_ttf, sans_ttf, serif_regular, serif_bold):
            check_source(src)

        steps = [
            ("fangsong", lambda: build_fangsong(fandol_otf, out / "FandolFang-Regular.ttf")),
            (
                "heiti",
                lambda: build_subset(sans_ttf, out / "NotoSansSC-Regular.ttf", gbk_chars() | EXTRA_CHARS),
            ),
            ("kaiti", lambda: build_kaiti(wenkai_ttf, out / "NianbaoKai-Regular.ttf")),
            (
                "xiaobiaosong",
                lambda: build_subset(serif_bold, out / "NotoSerifSC-Bold.ttf", gb2312_chars() | EXTRA_CHARS),
            ),
            ("songti, fallback", lambda: shutil.copyfile(serif_regular, out / "NotoSerifSC-Regular.ttf")),
        ]
        for role, step in steps:
            began = time.monotonic()
            step()
            print(f"Built {role} in {time.monotonic() - began:.1f} s")
        write_licences(out, texlive, wenkai, {"sans": sans["LICENSE_FONT"], "serif": serif["LICENSE_FONT"]})

    gb2312_hanzi = "".join(ch for ch in gb2312_chars() if "\u4e00" <= ch <= "\u9fff")
    total = 0
    print(f"\n{'role':<18} {'file':<26} {'MB':>6}  licence")
    for item in OUTPUTS:
        path = out / item.file
        verify(path, gb2312_hanzi + (RARE_NAME_CHARS if "fallback" in item.role else ""))
        if not (out / item.licence).is_file():
            raise SystemExit(f"missing licence {item.licence}")
        size = path.stat().st_size
        total += size
        print(f"{item.role:<18} {item.file:<26} {size / 1e6:6.2f}  {item.licence}")
    total += sum((out / name).stat().st_size for name in {i.licence for i in OUTPUTS})
    print(f"total {total / 1e6:.2f} MB in {time.monotonic() - started:.0f} s")
    if total > MAX_TOTAL_BYTES:
        raise SystemExit(f"fonts take {total} bytes, over the {MAX_TOTAL_BYTES} byte budget")
    return 0


if __name__ == "__main__":
    sys.exit(main())
