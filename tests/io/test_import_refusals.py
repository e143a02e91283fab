"""Inputs that are not reports are refused with a message for the clerk, never a crash."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest

from desktop.io.importing import MAX_FILE_BYTES, ImportRefused, import_bytes, import_file, import_text
from tests.fixtures.reports import SAMPLES


def _refused(path: Path) -> str:
    with pytest.raises(ImportRefused) as caught:
        import_file(path)
    message = str(caught.value)
    assert message and "Traceback" not in message
    return message


def test_image_only_pdf(tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    pdf.new_page(595, 842)
    buffer = io.BytesIO()
    pdf.save(buffer)
    path = tmp_path / "scan.pdf"
    path.write_bytes(buffer.getvalue())
    assert "没有文字层" in _refused(path)


def test_damaged_pdf(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n" + random.Random(1).randbytes(4000))
    assert "PDF" in _refused(path)


def test_truncated_pdf_is_refused_or_partial(tmp_path: Path) -> None:
    path = tmp_path / "cut.pdf"
    path.write_bytes((SAMPLES / "huaian-2024.pdf").read_bytes()[:60000])
    try:
        import_file(path)
    except ImportRefused as refused:
        assert str(refused)


@pytest.mark.parametrize("content", [b"", b"   \n\r\n\t  "])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert "空文件" in _refused(path)


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.pdf"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk
    assert "过大" in _refused(path)


def test_zip_bomb_disguised_as_docx(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (12 * 1024 * 1024))
    path = tmp_path / "report.docx"
    path.write_bytes(buffer.getvalue())
    assert len(buffer.getvalue()) < 100_000
    assert "压缩炸弹" in _refused(path)


def test_zip_that_is_no_word_document(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hello")
    path = tmp_path / "report.docx"
    path.write_bytes(buffer.getvalue())
    assert "不是Word文档" in _refused(path)


def test_damaged_docx(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(b"PK\x03\x04" + random.Random(2).randbytes(3000))
    assert "损坏" in _refused(path)


def test_binary_garbage(tmp_path: Path) -> None:
    path = tmp_path / "x.bin"
    path.write_bytes(random.Random(3).randbytes(20000))
    _refused(path)


OLE, PNG = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize(("head", "word"), [(OLE, ".docx"), (PNG, "图片")])
def test_old_word_and_images(tmp_path: Path, head: bytes, word: str) -> None:
    path = tmp_path / "file"
    path.write_bytes(head + bytes(500))
    assert word in _refused(path)


RAR, SEVEN_ZIP = b"Rar!\x1a\x07\x01\x00", b"7z\xbc\xaf\x27\x1c\x00\x04"


@pytest.mark.parametrize("head", [RAR, SEVEN_ZIP], ids=["rar", "7z"])
def test_rar_and_7z_archives_are_named(tmp_path: Path, head: bytes) -> None:
    path = tmp_path / "各乡镇年报.rar"
    path.write_bytes(head + random.Random(5).randbytes(3000))
    assert _refused(path) == "“各乡镇年报.rar”是压缩包（RAR或7z），请先解压，再导入或审核其中的报告"


def test_rtf_saved_as_doc_is_named(tmp_path: Path) -> None:
    path = tmp_path / "年报.doc"  # office systems save RTF under a .doc name
    path.write_bytes(b"{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0 \\'cb\\'ce\\'cc\\'e5;}}"
                     b"\\f0 \\'c4\\'ea\\'b1\\'a8\\par}")
    assert _refused(path) == "“年报.doc”是RTF格式的文档，请在Word或WPS中另存为.docx后再导入"


def test_old_wps_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "年报.wps"
    path.write_bytes(OLE + bytes(500))
    assert _refused(path) == "“年报.wps”是旧版WPS文字文件（.wps），请在WPS中另存为.docx后再导入"


@pytest.mark.parametrize(("name", "member", "told"), [
    ("年报.ofd", "OFD.xml", "此OFD文件已损坏"),  # an OFD whose root names no document
    ("年报.xlsx", "xl/workbook.xml", "Excel工作簿，不是年度报告全文"),
    ("年报.docx", "content.xml", "不是Word文档"),
    ("各乡镇年报.zip", "耳口乡/耳口乡2023年报.docx", "此文件是压缩包（内有1个文件），请先解压，再导入或审核其中的报告"),
])
def test_a_zip_that_is_no_word_file_says_what_it_is(tmp_path: Path, name: str, member: str, told: str) -> None:
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(member, "<x/>")
    assert told in _refused(path)


def test_text_that_is_no_report(tmp_path: Path) -> None:
    path = tmp_path / "notice.txt"
    path.write_text("关于做好春节期间安全生产工作的通知\n各单位：请做好值班工作。\n", encoding="utf-8")
    assert "没有找到" in _refused(path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert "无法读取" in _refused(tmp_path / "nothing.txt")
    assert _refused(tmp_path)


def test_gbk_text_is_read() -> None:
    data = (SAMPLES / "erkou-2023.txt").read_text(encoding="utf-8").encode("gb18030")
    assert import_bytes(data, "erkou-gbk.txt").report.meta.agency == "耳口乡"


def test_import_text_refuses_nothing() -> None:
    with pytest.raises(ImportRefused):
        import_text("  ")


def test_a_bug_in_an_importer_is_not_disguised_as_a_refusal(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Only a damaged container is refused; an importer's own error reaches the test (and the app's error
    funnel), so the fuzz tests fail on it."""
    from desktop.io.importers import assemble

    def broken(blocks):  # type: ignore[no-untyped-def]
        raise IndexError("list index out of range")

    monkeypatch.setattr(assemble, "read_t4", broken)
    with pytest.raises(IndexError):
        import_file(SAMPLES / "erkou-2023.txt")
    with pytest.raises(IndexError):
        import_file(SAMPLES / "huaian-2024.pdf")
