"""The PDF export, read back: text and numbers, literal user text, embedded fonts, pixels, command line."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from desktop.core import storage
from desktop.core.fields import SECTIONS
from desktop.core.report import Report
from desktop.core.tablespec import T3, T4, TABLES
from desktop.core.values import format_value
from desktop.io.fonts import FontFace, FontRole, bundled_font, covers, scan_fonts
from desktop.io.pdf.export import export_pdf, render_pdf_bytes
from desktop.io.pdf.fontset import font_set
from desktop.io.pdf.styles import (
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_WIDTH,
    TEXT_HEIGHT,
    TEXT_WIDTH,
    make_styles,
)
from desktop.io.pdf.tables import CellMaker, SpecTable, build_table
from tests.fixtures.reports import huaian, seed
from tests.io.pdf_helpers import (
    dark_pixels,
    font_problems,
    horizontal_rules,
    joined,
    page_fragments,
    reader,
    render,
)

BUNDLED = {role: bundled_font(role) for role in FontRole}  # the same fonts on every test machine
RARE = "镕堃喆"
EMOJI = "😀"
TYPED = [
    "负责人：张镕、李堃、王喆。",
    "<b>不是粗体</b> & </para> <font name=\"x\">&amp;&lt;</font>",
    "控制\x07字符\x00消失\x1b，制表\t保留。",
    "https://example.gov.cn/" + "abcdefghij" * 30,
    "长" * 120,
]


def cell_maker() -> CellMaker:
    fonts = font_set(BUNDLED)
    return CellMaker(fonts, make_styles(fonts))


def pt_to_px(points: float, dpi: int) -> int:
    return round(points / 72 * dpi)


@pytest.fixture(scope="module")
def huaian_pdf() -> bytes:
    return render_pdf_bytes(huaian(), BUNDLED)


@pytest.fixture(scope="module")
def typed_report() -> Report:
    report = Report.new("测试镕乡", "township", 2024)
    report.text["text.preamble"] = "\n".join(TYPED) + EMOJI
    report.cells["t3.new.natural"] = 5
    return report


def test_every_statutory_label_and_number_is_printed(huaian_pdf: bytes) -> None:
    pages = page_fragments(huaian_pdf)
    text = joined([f for page in pages for f in page])
    labels = [p.text for t in TABLES for p in t.placed if p.text] + [s.heading for s in SECTIONS]
    assert [label for label in labels if label not in text] == []
    assert "淮安市人民政府2024年政府信息公开工作年度报告" in text
    assert "\x00" not in text  # what reportlab prints for a character its font lacks
    printed = Counter(f for page in pages for f in page)
    expected = Counter(format_value(v) for v in huaian().cells.values())
    assert expected - printed == Counter()


def test_blank_cells_print_blank_not_zero(typed_report: Report) -> None:
    pieces = [f for page in page_fragments(render_pdf_bytes(typed_report, BUNDLED)) for f in page]
    assert "5" in pieces
    assert "0" not in pieces


def test_typed_text_prints_literally(typed_report: Report) -> None:
    text = joined([f for page in page_fragments(render_pdf_bytes(typed_report, BUNDLED)) for f in page])
    assert "张镕、李堃、王喆" in text and "测试镕乡" in text
    assert '<b>不是粗体</b>&</para><fontname="x">&amp;&lt;</font>' in text
    assert "控制字符消失，制表保留。" in text
    assert "https://example.gov.cn/" + "abcdefghij" * 30 in text
    assert "长" * 120 in text
    if any(not covers(face, EMOJI) for face in scan_fonts()):
        assert EMOJI in text and "\x00" not in text


def test_rare_characters_are_set_in_the_fallback_font() -> None:
    fonts = font_set(BUNDLED)
    assert covers(BUNDLED[FontRole.FANGSONG], RARE)  # the bundled 仿宋 lacks them
    runs = fonts.runs(FontRole.FANGSONG, f"张{RARE}同志")
    assert runs == [
        (fonts.name(FontRole.FANGSONG), "张"),
        (fonts.name(FontRole.FALLBACK), RARE),
        (fonts.name(FontRole.FANGSONG), "同志"),
    ]


def test_every_font_is_embedded(huaian_pdf: bytes, typed_report: Report) -> None:
    assert font_problems(huaian_pdf) == []
    assert font_problems(render_pdf_bytes(typed_report, BUNDLED)) == []


def test_table_merges_are_the_specs() -> None:
    cells = cell_maker()
    for spec in TABLES:
        table = build_table(spec, {}, cells, list(range(spec.n_rows)))
        spans = {(start, end) for _, start, end in table._spanCmds}
        expected = {
            ((p.col, p.row), (p.col + p.colspan - 1, p.row + p.rowspan - 1))
            for p in spec.placed if p.rowspan > 1 or p.colspan > 1
        }
        assert spans == expected, spec.id
        assert sum(table._colWidths) == pytest.approx(TEXT_WIDTH)


def test_a_table_crossing_a_page_repeats_its_header_rows(huaian_pdf: bytes) -> None:
    pages = [joined(page) for page in page_fragments(huaian_pdf)]
    with_t3 = [i for i, page in enumerate(pages) if "申请人情况" in page]
    assert len(with_t3) == 2 and with_t3[1] == with_t3[0] + 1
    assert all(T3.placed[0].text in pages[i] for i in with_t3)  # the 3×3 note corner too
    for label in ("一、本年新收政府信息公开申请数量", "（七）总计", "四、结转下年度继续办理"):
        assert sum(page.count(label) for page in pages) == 1


def test_a_split_table_keeps_every_row_once() -> None:
    cells = cell_maker()
    parts = [SpecTable(T3, {}, cells)]
    while (split := parts[-1].split(TEXT_WIDTH, TEXT_HEIGHT / 3)) and len(split) == 2:
        parts[-1:] = split
    assert len(parts) >= 3
    data_rows = [row for part in parts for row in part.rows if row >= T3.header_rows]
    assert data_rows == list(range(T3.header_rows, T3.n_rows))
    assert all(part.rows[: T3.header_rows] == list(range(T3.header_rows)) for part in parts)


def test_table_four_fits_portrait_with_headers_wrapped_not_abbreviated(huaian_pdf: bytes) -> None:
    table = build_table(T4, {}, cell_maker(), list(range(T4.n_rows)))
    assert table.wrap(TEXT_WIDTH, TEXT_HEIGHT)[0] <= TEXT_WIDTH + 0.01
    header_lines = {
        "".join(line_texts): line_texts
        for row in table._cellvalues[: T4.header_rows] for cell in row if cell
        for line_texts in [[_line_text(line) for line in cell[0].blPara.lines]]
    }
    for label in ("结果维持", "结果纠正", "其他结果", "尚未审结"):
        assert header_lines[label] == [label[:2], label[2:]]
    text = joined([f for page in page_fragments(huaian_pdf) for f in page])
    assert text.count("结果纠正") == 3 and text.count("尚未审结") == 3


def _line_text(line: object) -> str:
    return "".join(word.text for word in line.words)  # type: ignore[attr-defined]


def test_pages_render_with_ink_where_it_belongs(huaian_pdf: bytes, tmp_path: Path) -> None:
    dpi = 50
    pdf = tmp_path / "huaian.pdf"
    pdf.write_bytes(huaian_pdf)
    images = render(pdf, tmp_path, dpi)
    pages = [joined(page) for page in page_fragments(huaian_pdf)]
    assert len(images) == len(pages) >= 3
    left, right = pt_to_px(MARGIN_LEFT, dpi), pt_to_px(PAGE_WIDTH - MARGIN_RIGHT, dpi)
    top, bottom = pt_to_px(MARGIN_TOP, dpi), pt_to_px(MARGIN_TOP + TEXT_HEIGHT, dpi)
    for number, image in enumerate(images, 1):
        width, height = image.size
        assert dark_pixels(image, (left, top, right, bottom)) > 500, f"page {number} is blank"
        margins = [(0, 0, left - 2, height), (right + 2, 0, width, height), (0, 0, width, top - 2)]
        assert [dark_pixels(image, box) for box in margins] == [0, 0, 0], f"page {number} prints in a margin"
        middle = (left + right) // 2
        number_left = dark_pixels(image, (left, bottom + 2, middle, height))
        number_right = dark_pixels(image, (middle, bottom + 2, right, height))
        assert (number_right > 0 and number_left == 0) if number % 2 else (number_left > 0 and number_right == 0)
    t3_page = next(i for i, page in enumerate(pages) if T3.title in page)
    assert horizontal_rules(images[t3_page], int((right - left) * 0.6)) >= 15


def test_the_seed_ends_with_its_signature() -> None:
    pages = page_fragments(render_pdf_bytes(seed(), BUNDLED))
    assert joined(pages[-1]).endswith("耳口乡2024年1月4日")
    assert [page[0] for page in pages] == [f"— {n} —" for n in range(1, len(pages) + 1)]


def test_a_failed_export_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "r.pdf"
    with pytest.raises(OSError):
        export_pdf(huaian(), target, BUNDLED)
    export_pdf(huaian(), tmp_path / "r.pdf", BUNDLED)
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == ["r.pdf"]


def test_command_line_export_refuses_errors_unless_forced(tmp_path: Path) -> None:
    script = shutil.which("nianbao", path=str(Path(sys.executable).parent))
    nianbao = [script] if script else [sys.executable, "-m", "desktop"]
    good, bad = tmp_path / "good.nianbao", tmp_path / "bad.nianbao"
    storage.save(huaian(), good)
    wrong = huaian()
    wrong.cells["t3.new.natural"] = 1
    storage.save(wrong, bad)

    def export(source: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
        args = [*nianbao, "export", str(source), "-o", str(out), *extra]
        return subprocess.run(args, capture_output=True, text=True)

    done = export(good, tmp_path / "good.pdf")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "good.pdf").read_bytes().startswith(b"%PDF")
    refused = export(bad, tmp_path / "bad.pdf")
    assert refused.returncode == 1 and "T3-01" in refused.stderr
    assert not (tmp_path / "bad.pdf").exists()
    forced = export(bad, tmp_path / "bad.pdf", "--force")
    assert forced.returncode == 0 and (tmp_path / "bad.pdf").stat().st_size > 10_000


def test_a_paragraph_crossing_pages_gains_no_spaces() -> None:
    report = Report.new("某乡", "township", 2024)
    report.text["text.s1.intro"] = "很长的段落，" * 400 + "结束。"
    data = render_pdf_bytes(report, BUNDLED)
    text = "".join(page.extract_text() for page in reader(data).pages)
    assert len(reader(data).pages) >= 4
    assert re.findall(r"[\u4e00-\u9fff，。] +[\u4e00-\u9fff，。]", text) == []
    body = joined([f for page in page_fragments(data) for f in page[1:]])
    assert "很长的段落，" * 400 + "结束。" in body


def test_an_unreadable_pc_font_gives_way_to_the_bundled_one(tmp_path: Path) -> None:
    broken = tmp_path / "仿宋.ttf"
    broken.write_bytes(b"\x00\x01\x00\x00" + b"\x00" * 200)
    faces = {**BUNDLED, FontRole.FANGSONG: FontFace(broken, 0, "仿宋", "system")}
    fonts = font_set(faces)
    assert fonts.faces[FontRole.FANGSONG] == BUNDLED[FontRole.FANGSONG]
    assert font_problems(render_pdf_bytes(huaian(), faces)) == []


@pytest.mark.skipif(not hasattr(os, "fchmod"), reason="Windows: access follows the folder")
def test_exported_files_get_the_mode_new_files_get(tmp_path: Path) -> None:
    """A colleague must be able to open the exported PDF as any other file the clerk writes."""
    from desktop.io.formats import exporter_for

    umask = os.umask(0o022)
    try:
        for name in ("r.pdf", "r.docx", "r.html"):
            exporter_for(tmp_path / name)(huaian(), tmp_path / name)
            assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o644, name
    finally:
        os.umask(umask)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.docx", "r.html", "r.pdf"]  # no temporary left


def test_page_contents_are_deflated_without_ascii85(huaian_pdf: bytes) -> None:
    """Binary streams only: ASCII85 would make the page contents a quarter larger, for no reader."""
    for page in reader(huaian_pdf).pages:
        stream = page["/Contents"].get_object()
        assert stream["/Filter"] in ("/FlateDecode", ["/FlateDecode"]), stream["/Filter"]
        assert b"BT" in stream.get_data()  # the page's text, as a reader decodes it


def test_numbers_the_table_draws_print_where_paragraphs_would(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A number at full size is a string drawn by the table (faster): same pixels, text and fonts as paragraphs."""
    report = huaian()
    report.cells["t3.new.natural"] = 999_999_999  # shrinks to fit its column: a paragraph in both
    as_strings = tmp_path / "strings.pdf"
    as_strings.write_bytes(render_pdf_bytes(report, BUNDLED))
    monkeypatch.setattr(CellMaker, "drawn_by_table", lambda self, text: False)
    as_paragraphs = tmp_path / "paragraphs.pdf"
    as_paragraphs.write_bytes(render_pdf_bytes(report, BUNDLED))
    assert as_strings.read_bytes() != as_paragraphs.read_bytes()
    assert page_fragments(as_strings.read_bytes()) == page_fragments(as_paragraphs.read_bytes())
    fonts = [subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
             for pdf in (as_strings, as_paragraphs)]
    assert fonts[0] == fonts[1]
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    pages = render(as_strings, tmp_path / "a", 150), render(as_paragraphs, tmp_path / "b", 150)
    assert len(pages[0]) == len(pages[1]) >= 3
    assert [a.tobytes() == b.tobytes() for a, b in zip(*pages, strict=True)] == [True] * len(pages[0])
