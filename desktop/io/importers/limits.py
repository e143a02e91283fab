"""How much of a source the importer reads: limits far above any real report, so that a small hostile
file (a cell spanning 10^9 columns, a page ruled into 70,000 cells, 20,000 table rows) is refused in a
moment instead of taking minutes and gigabytes. A real report has three tables of at most some 40 rows
and 16 columns, on at most a few dozen pages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.io.importers.document import ImportRefused

if TYPE_CHECKING:
    import zipfile

MAX_SPAN = 100  # columns or rows one cell spans (Word allows at most 63 columns)
MAX_TABLE_AREA = 40_000  # row × column positions a table's cells cover
MAX_TABLE_ROWS = 2_000  # rows of all tables together
MAX_CELLS = 15_000  # cells of all tables together
MAX_ELEMENTS = 30_000  # tags of a web page (a portal's page has a few thousand)
MAX_BLOCKS = 20_000  # paragraphs and tables of a document (a real report has a few hundred)
MAX_PDF_CHARS = 400_000  # characters of a PDF's text layer (a real report has some 30,000)
MAX_RULED_LINES = 1_500  # ruling lines on one PDF page, after joining the pieces
MAX_CROSSINGS = 8_000  # points where ruling lines cross on one PDF page
MAX_DOCUMENT_CROSSINGS = 60_000  # the same, over all the pages
MAX_ARCHIVE_PARTS = 5_000  # parts of a page saved as one file (a portal's page has some hundred pictures)
# a zip package (Word, OFD): its members, each unpacked and all together, and how far one may unpack
MAX_PACKED_MEMBERS = 3_000
MAX_UNPACKED_PART = 40 * 1024 * 1024
MAX_UNPACKED_TOTAL = 120 * 1024 * 1024
MAX_PACKING_RATIO = 400  # a packed XML part compresses some 5-20 times; a bomb thousands of times


class LimitExceeded(ImportRefused):
    """The source is larger or more complex than any report; the message names the limit passed."""


def check_span(span: int) -> int:
    within(span, MAX_SPAN, f"文件中有表格单元格横跨或纵跨{span}格，超过上限{MAX_SPAN}格")
    return span


class TableBudget:
    """Counts the rows, cells and covered positions of a document's tables as they are read."""

    def __init__(self) -> None:
        self.rows = 0
        self.cells = 0

    def add_rows(self, count: int = 1) -> None:
        self.rows += count
        within(self.rows, MAX_TABLE_ROWS, f"文件中的表格超过{MAX_TABLE_ROWS}行")

    def add_cells(self, count: int = 1) -> None:
        self.cells += count
        within(self.cells, MAX_CELLS, f"文件中的表格超过{MAX_CELLS}个单元格")


def within(count: int, limit: int, passed: str) -> None:
    """Refuse the file once ``count`` passes ``limit``; ``passed`` says which limit, in Chinese."""
    if count > limit:
        raise LimitExceeded(f"{passed}，不像是一份年度报告，未导入")


def check_elements(count: int) -> None:
    within(count, MAX_ELEMENTS, f"网页中的标签超过{MAX_ELEMENTS}个")


def check_archive_parts(count: int) -> None:
    within(count, MAX_ARCHIVE_PARTS, f"网页存档中的文件超过{MAX_ARCHIVE_PARTS}个")


def packed_too_large(members: list[zipfile.ZipInfo]) -> bool:
    """A zip package that would unpack beyond any report's: a disguised zip bomb."""
    total = sum(m.file_size for m in members)
    bomb = any(m.file_size > MAX_UNPACKED_PART or m.file_size > MAX_PACKING_RATIO * max(m.compress_size, 1024)
               for m in members)
    return len(members) > MAX_PACKED_MEMBERS or total > MAX_UNPACKED_TOTAL or bomb


def check_blocks(count: int) -> None:
    within(count, MAX_BLOCKS, f"文件中的段落和表格超过{MAX_BLOCKS}个")


def check_pdf_chars(count: int) -> None:
    within(count, MAX_PDF_CHARS, f"PDF中的文字超过{MAX_PDF_CHARS}个字符")


def check_area(area: int) -> None:
    within(area, MAX_TABLE_AREA, f"文件中有表格的合并单元格共覆盖超过{MAX_TABLE_AREA}格")


def check_ruled_lines(count: int, page: int) -> None:
    within(count, MAX_RULED_LINES, f"PDF第{page + 1}页有{count}条表格线，超过上限{MAX_RULED_LINES}条")


def check_crossings(count: int, page: int, total: int) -> None:
    within(count, MAX_CROSSINGS, f"PDF第{page + 1}页的表格线有{count}个交点，超过上限{MAX_CROSSINGS}个")
    within(total, MAX_DOCUMENT_CROSSINGS, f"PDF中表格线的交点超过{MAX_DOCUMENT_CROSSINGS}个")
