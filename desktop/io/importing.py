"""Importing a published report (text, a web page or one saved as one file, Word, PDF or OFD) into a new
report.

The format is told by the file's content first and its extension second. Anything that is not a
report, or that is damaged, too large or a disguised archive, is refused with a message for the clerk.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.file_errors import describe
from desktop.core.report import Report
from desktop.io.importers.cut_off import cut_off_html_number, cut_off_number
from desktop.io.importers.document import ImportRefused
from desktop.io.importers.identity import AGENCY, LEVEL, YEAR, Known
from desktop.io.importers.limits import check_blocks
from desktop.io.importers.readers import (
    DamagedFile,
    is_ofd,
    read_doc_file,
    read_docx_file,
    read_html_page,
    read_ofd,
    read_pdf_file,
    read_plain,
)
from desktop.io.importers.saved_frames import PAGE_SUFFIXES, framed_article
from desktop.io.importers.text_decoding import decode
from desktop.io.importers.web_archive import is_web_archive, page_of

__all__ = ["AGENCY", "LEVEL", "YEAR", "ImportRefused", "ImportResult", "Known", "import_bytes", "import_file",
           "import_text"]

MAX_FILE_BYTES = 60 * 1024 * 1024
MAX_TEXT_BYTES = 8 * 1024 * 1024
_IMAGES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM", b"II*\x00", b"MM\x00*", b"RIFF")


@dataclass
class ImportResult:
    """``missing`` names what the source does not say (``YEAR``, ``AGENCY``, ``LEVEL``): the report holds
    placeholders there, to be replaced by the clerk's answers (``Known``) before it is used."""

    report: Report
    account: list[str]
    missing: frozenset[str] = frozenset()
    # What reading the source noted, also in the account: converted, removed, left out, cut short.
    notes: list[str] = field(default_factory=list)


def import_file(path: Path, known: Known | None = None) -> ImportResult:
    path = Path(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise ImportRefused(f"“{path.name}”不是文件")
        if size > MAX_FILE_BYTES:
            raise ImportRefused(f"“{path.name}”过大（{size // (1024 * 1024)} MB），不像是一份年度报告，未导入")
        data = path.read_bytes()
    except OSError as error:
        raise ImportRefused(f"无法读取“{path.name}”：{describe(error)}") from None
    if path.suffix.lower() in PAGE_SUFFIXES:
        framed = framed_article(path, data)
        if framed is not None:
            frame, frame_data = framed
            shown = Path(os.path.relpath(frame, path.parent)).as_posix()
            told = f"网页正文在随网页保存的框架网页“{shown}”中，已从中导入"
            return _noted(import_bytes(frame_data, path.name, known), told)
    return import_bytes(data, path.name, known)


def import_bytes(data: bytes, name: str = "", known: Known | None = None) -> ImportResult:
    """Dispatch on the content: PDF, a zip (Word or OFD), an old Word file, a page saved as one file, HTML
    or plain text; archives, pictures and RTF are refused by name."""
    shown = f"“{name}”" if name else "此文件"
    if not data.strip():
        raise ImportRefused(f"{shown}是空文件，没有可导入的内容")
    head = data[:1024]
    suffix = Path(name).suffix.lower()
    if b"%PDF-" in head:
        return _guarded(lambda: read_pdf_file(data), name, known)
    if head.startswith(b"PK\x03\x04") or suffix in (".docx", ".ofd"):
        if is_ofd(data):
            return _guarded(lambda: read_ofd(data), name, known)
        return _guarded(lambda: read_docx_file(data), name, known)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return _guarded(lambda: read_doc_file(data, shown, suffix), name, known)
    if head.lstrip().startswith(b"{\\rtf"):
        raise ImportRefused(f"{shown}是RTF格式的文档，请在Word或WPS中另存为.docx后再导入")
    if head.startswith((b"Rar!\x1a\x07", b"7z\xbc\xaf\x27\x1c")):
        raise ImportRefused(f"{shown}是压缩包（RAR或7z），请先解压，再导入或审核其中的报告")
    if head.startswith(_IMAGES) or suffix in (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff"):
        raise ImportRefused(f"{shown}是图片，没有文字可以导入，请使用网页、Word或带文字层的PDF")
    if suffix == ".pdf":
        raise ImportRefused(f"{shown}不是有效的PDF文件（文件可能已损坏）")
    if is_web_archive(data[:4096], suffix):
        return _archived(data, shown, name, known)
    if len(data) > MAX_TEXT_BYTES:
        raise ImportRefused(f"{shown}过大，不像是一份年度报告，未导入")
    text, note = decode(data, shown)
    return _noted(import_text(text, name, known), note)


def import_text(text: str, name: str = "", known: Known | None = None) -> ImportResult:
    """Text pasted or saved from a portal page; HTML source is recognised and read as HTML."""
    if not text.strip():
        raise ImportRefused("没有可导入的内容")
    if len(text) > MAX_TEXT_BYTES:
        raise ImportRefused("内容过多，不像是一份年度报告，未导入")
    lowered = text[:4096].lower()
    if any(tag in lowered for tag in ("<html", "<!doctype html", "<body", "<table", "<p>", "<p ", "<div")):
        return _import_html(text, name, known)
    text, note = cut_off_number(text)
    return _noted(_guarded(lambda: read_plain(text), name, known), note)


def _import_html(text: str, name: str, known: Known | None) -> ImportResult:
    text, note = cut_off_html_number(text)
    return _noted(_guarded(lambda: read_html_page(text), name, known), note)


def _archived(data: bytes, shown: str, name: str, known: Known | None) -> ImportResult:
    """A page saved as one file: its page part read as a web page, with a note where the file ends inside
    it or other frames of the page had text of their own."""
    page = page_of(data, shown)
    if len(page.data) > MAX_TEXT_BYTES:
        raise ImportRefused(f"{shown}中的网页过大，不像是一份年度报告，未导入")
    text, note = decode(page.data, shown, page.charset)
    result = _noted(_import_html(text, name, known), note)
    if page.cut:
        result = _noted(result, "网页存档在网页正文中途结束（文件可能未保存完整），请核对内容是否齐全")
    if page.others:
        result = _noted(result, f"网页存档中另有{page.others}个框架网页含有文字，已导入文字最多的一个，请核对是否完整")
    return result


def _noted(result: ImportResult, note: str) -> ImportResult:
    """The import with a note on what could not be read, after the account's first line."""
    if note:
        result.account.insert(min(1, len(result.account)), note)
        result.notes.append(note)
    return result


def _guarded(read, name: str, known: Known | None) -> ImportResult:  # type: ignore[no-untyped-def]
    """Read and assemble. A damaged container becomes a refusal; any other exception is a bug and
    propagates (to the test, or to the app's error funnel)."""
    from desktop.io.importers.assemble import build

    shown = f"“{name}”" if name else "此文件"
    try:
        source = read()
        check_blocks(len(source.blocks))
        report, account, recognised, missing = build(source, name, known)
    except (DamagedFile, RecursionError):  # RecursionError: nesting deeper than any real document
        raise ImportRefused(f"{shown}已损坏或格式无法识别，无法导入") from None
    if not recognised:
        raise ImportRefused(f"{shown}中没有找到政府信息公开工作年度报告的标题、章节或表格，未导入")
    return ImportResult(report, account, missing, list(source.notes))
