"""Importing a published report (text, HTML, Word or PDF) into a new report.

The format is told by the file's content first and its extension second. Anything that is not a
report, or that is damaged, too large or a disguised archive, is refused with a message for the clerk.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from desktop.core.file_errors import describe
from desktop.core.report import Report
from desktop.io.importers.cut_off import cut_off_html_number, cut_off_number
from desktop.io.importers.document import ImportRefused, Source
from desktop.io.importers.identity import AGENCY, LEVEL, YEAR, Known
from desktop.io.importers.limits import check_blocks
from desktop.io.importers.saved_frames import PAGE_SUFFIXES, framed_article
from desktop.io.importers.web_archive import is_web_archive, page_of

__all__ = ["AGENCY", "LEVEL", "YEAR", "ImportRefused", "ImportResult", "Known", "import_bytes", "import_file",
           "import_text"]

MAX_FILE_BYTES = 60 * 1024 * 1024
MAX_TEXT_BYTES = 8 * 1024 * 1024
_ENCODINGS = ("utf-8-sig", "gb18030")
_IMAGES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM", b"II*\x00", b"MM\x00*", b"RIFF")


@dataclass
class ImportResult:
    """``missing`` names what the source does not say (``YEAR``, ``AGENCY``, ``LEVEL``): the report holds
    placeholders there, to be replaced by the clerk's answers (``Known``) before it is used."""

    report: Report
    account: list[str]
    missing: frozenset[str] = frozenset()


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
    """Dispatch on the content: PDF, Word (docx), HTML or plain text."""
    shown = f"“{name}”" if name else "此文件"
    if not data.strip():
        raise ImportRefused(f"{shown}是空文件，没有可导入的内容")
    head = data[:1024]
    suffix = Path(name).suffix.lower()
    if b"%PDF-" in head:
        return _guarded(lambda: _read_pdf(data), name, known)
    if head.startswith(b"PK\x03\x04") or suffix in (".docx", ".ofd"):
        if _is_ofd(data):
            return _guarded(lambda: _read_ofd(data), name, known)
        return _guarded(lambda: _read_docx(data), name, known)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return _guarded(lambda: _read_doc(data, shown, suffix), name, known)
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
    text, note = _decode(data, shown)
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
    return _noted(_guarded(lambda: _read_plain(text), name, known), note)


def _import_html(text: str, name: str, known: Known | None) -> ImportResult:
    text, note = cut_off_html_number(text)
    return _noted(_guarded(lambda: _read_html(text), name, known), note)


def _archived(data: bytes, shown: str, name: str, known: Known | None) -> ImportResult:
    """A page saved as one file: its page part read as a web page, with a note where the file ends inside
    it or other frames of the page had text of their own."""
    page = page_of(data, shown)
    if len(page.data) > MAX_TEXT_BYTES:
        raise ImportRefused(f"{shown}中的网页过大，不像是一份年度报告，未导入")
    text, note = _decode(page.data, shown, page.charset)
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
    return result


def _readable(text: str) -> bool:
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls <= len(text[:20000]) // 200


def _decode(data: bytes, shown: str, declared: str = "") -> tuple[str, str]:
    """The text and, where some bytes could not be read, the account's note on them.

    A file cut off inside its last character (a download or a copy that stopped) loses that character
    with a note; a few unreadable bytes in the middle (a damaged save) show as 「�」 with their count.
    A file that is no text in any of the encodings is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates: tuple[str, ...] = ("utf-16",)
    else:
        candidates = _ENCODINGS
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            if error.start < len(data) - 3 or error.end != len(data):
                continue
            text = data[:error.start].decode(encoding)  # the bytes before the first error read as they are
            if _readable(text):
                return text, "文件末尾有一个不完整的字符（文件可能未保存完整），已略去"
            continue
        if _readable(text):
            return text, ""
    # the fewest unreadable bytes, not counting 「�」 the page itself printed
    unreadable, text = min((t.count("\ufffd") - _printed_marks(data, encoding), t)
                           for encoding in candidates for t in [data.decode(encoding, errors="replace")])
    if unreadable <= max(3, len(text) // 500) and _readable(text):
        return text, f"文件中有{unreadable}处字节无法识别为文字（文件可能已损坏），已显示为“\ufffd”，请核对相应内容"
    raise ImportRefused(f"{shown}不是文本、网页、Word或PDF文件，无法导入")


def _printed_marks(data: bytes, encoding: str) -> int:
    """How many 「\ufffd」 the bytes hold as text, in an encoding that can write it."""
    try:
        return data.count("\ufffd".encode(encoding.removesuffix("-sig")))
    except UnicodeEncodeError:
        return 0


def _read_plain(text: str) -> Source:
    from desktop.io.importers.text_rows import read_text

    return read_text(text)


def _read_html(text: str) -> Source:
    from desktop.io.importers.html_tables import read_html

    return read_html(text)


def _read_docx(data: bytes) -> Source:
    import zipfile

    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    from desktop.io.importers.docx_tables import read_docx

    try:
        return read_docx(data)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, PackageNotFoundError, XMLSyntaxError, KeyError, EOFError,
            NotImplementedError) as error:
        # a damaged package: a broken zip, a missing part, invalid XML or a compression zip cannot read
        raise DamagedFile(type(error).__name__) from None


def _read_doc(data: bytes, shown: str, suffix: str) -> Source:
    from desktop.io.importers.word97 import read_doc

    try:
        return read_doc(data)
    except ImportRefused:  # a WPS file of its own format, or one too damaged to tell
        if suffix == ".wps":
            raise ImportRefused(f"{shown}是旧版WPS文字文件（.wps），请在WPS中另存为.docx后再导入") from None
        raise


def _is_ofd(data: bytes) -> bool:
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "OFD.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False


def _read_ofd(data: bytes) -> Source:
    import zipfile
    import zlib

    from lxml.etree import LxmlError

    from desktop.io.importers.ofd_pages import Damaged, read_ofd_pages
    from desktop.io.importers.pdf_tables import has_text, source_of_pages

    try:
        pages = read_ofd_pages(data)
    except OverflowError:
        raise ImportRefused("此OFD文件页数过多，不像是一份年度报告，未导入") from None
    except (Damaged, zipfile.BadZipFile, KeyError, ValueError, EOFError, zlib.error, LxmlError, NotImplementedError):
        raise ImportRefused("此OFD文件已损坏，无法导入") from None
    if not has_text(pages):
        raise ImportRefused("此OFD文件没有文字（可能是扫描件或图片），无法导入；请使用网页版、Word版或带文字的PDF")
    return source_of_pages(pages, "OFD文件")


def _read_pdf(data: bytes) -> Source:
    import pypdfium2

    from desktop.io.importers.pdf_tables import read_pdf

    try:
        return read_pdf(data)
    except pypdfium2.PdfiumError as error:
        raise DamagedFile(type(error).__name__) from None


class DamagedFile(Exception):
    """A library could not read the file's container (zip, XML, PDF): bad input, not a bug."""


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
    return ImportResult(report, account, missing)
