"""Each format's reader, as the importer calls it: a library's own error on a damaged container (a broken
zip, invalid XML, a PDF PDFium cannot open) becomes DamagedFile, and a format's own refusals name the
format. The libraries are imported when their format is met."""

from __future__ import annotations

from desktop.io.importers.document import ImportRefused, Source


class DamagedFile(Exception):
    """A library could not read the file's container (zip, XML, PDF): bad input, not a bug."""


def read_plain(text: str) -> Source:
    from desktop.io.importers.text_rows import read_text

    return read_text(text)


def read_html_page(text: str) -> Source:
    from desktop.io.importers.html_tables import read_html

    return read_html(text)


def read_docx_file(data: bytes) -> Source:
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


def read_doc_file(data: bytes, shown: str, suffix: str) -> Source:
    from desktop.io.importers.word97 import read_doc

    try:
        return read_doc(data)
    except ImportRefused:  # a WPS file of its own format, or one too damaged to tell
        if suffix == ".wps":
            raise ImportRefused(f"{shown}是旧版WPS文字文件（.wps），请在WPS中另存为.docx后再导入") from None
        raise


def is_ofd(data: bytes) -> bool:
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "OFD.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False


def read_ofd(data: bytes) -> Source:
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


def read_pdf_file(data: bytes) -> Source:
    import pypdfium2

    from desktop.io.importers.pdf_tables import read_pdf

    try:
        return read_pdf(data)
    except pypdfium2.PdfiumError as error:
        raise DamagedFile(type(error).__name__) from None
