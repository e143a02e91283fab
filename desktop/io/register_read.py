"""Reading a register from .xlsx (Excel, and WPS sheets saved as xlsx) or .csv into RawSheets: the header
row is found under any title rows, and each sheet is told apart as applications or cases by its headers.
Every loop is bounded; a file past a limit is refused with the limit named."""

from __future__ import annotations

import csv
import io
import itertools
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from desktop.core.register.columns import Kind, header_score
from desktop.core.register.sheet import RawRow, RawSheet

MAX_FILE_BYTES = 30_000_000
MAX_ROWS = 50_000  # a city office receives some thousands of applications a year
MAX_COLUMNS = 80
MAX_SHEETS = 50
MAX_BLANK_RUN = 5_000
HEADER_SEARCH_ROWS = 20
MIN_HEADER_SCORE = 2


class RegisterRefused(Exception):
    """The file cannot be read as a register; ``str(error)`` says why, in Chinese."""


def read_register(path: Path) -> list[RawSheet]:
    """Every sheet of the file that has a register's header row, applications first."""
    suffix = path.suffix.lower()
    if suffix in {".xls", ".et", ".ods"}:
        raise RegisterRefused(f"“{path.name}”是{suffix}格式，请在WPS或Excel中另存为 .xlsx 后再导入")
    if suffix not in {".xlsx", ".xlsm", ".csv", ".txt"}:
        raise RegisterRefused(f"“{path.name}”不是台账文件，请选择 .xlsx 或 .csv 文件")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise RegisterRefused(f"“{path.name}”超过{MAX_FILE_BYTES // 1_000_000}MB，不像是一份台账，未导入")
        data = path.read_bytes()
    except OSError as error:
        raise RegisterRefused(f"无法读取“{path.name}”：{error.strerror or error}") from None
    tables = _csv_tables(path.name, data) if suffix in {".csv", ".txt"} else _xlsx_tables(path.name, data)
    sheets = [s for name, rows in tables if (s := _sheet(name, rows)) is not None]
    if not sheets:
        raise RegisterRefused(f"“{path.name}”中没有找到台账的表头（如 收到日期、申请人类型、办理结果、办结日期）")
    return sorted(sheets, key=lambda s: s.kind is not Kind.APPLICATIONS)


def _xlsx_tables(name: str, data: bytes) -> Iterator[tuple[str, Iterable[tuple[object, ...]]]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, TypeError, EOFError):
        raise RegisterRefused(f"“{name}”不是有效的 .xlsx 文件，或已损坏；请在WPS或Excel中打开后另存为 .xlsx") from None
    if len(book.sheetnames) > MAX_SHEETS:
        raise RegisterRefused(f"“{name}”有{len(book.sheetnames)}个工作表，超过上限{MAX_SHEETS}个，未导入")
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible":
            continue  # the template's lists of words, or a clerk's scratch sheet
        sheet.reset_dimensions()  # WPS and some tools write a wrong <dimension>; read what the rows hold
        yield f"{name}（{sheet.title}）", sheet.iter_rows(min_row=1, values_only=True)


def _csv_tables(name: str, data: bytes) -> Iterator[tuple[str, Iterable[tuple[object, ...]]]]:
    # Excel's 「Unicode 文本」 is UTF-16 with its byte-order mark; WPS and older Excel save GB18030
    encodings = ("utf-16",) if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig", "gb18030")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise RegisterRefused(f"“{name}”的文字编码无法识别，请另存为UTF-8编码的CSV")
    head = "\n".join(text.split("\n", HEADER_SEARCH_ROWS)[:HEADER_SEARCH_ROWS])
    delimiter = max((",", "\t", ";"), key=head.count)
    yield name, (tuple(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter))


def _sheet(name: str, rows: Iterable[tuple[object, ...]]) -> RawSheet | None:
    lines = _lines(name, rows)
    head = list(itertools.islice(lines, HEADER_SEARCH_ROWS))
    header = _header(head)
    if header is None:
        return None
    kept: list[RawRow] = []
    for row in itertools.chain((r for r in head if r.line > header[0]), lines):
        if row.blank:
            continue
        kept.append(row)
        if len(kept) > MAX_ROWS:
            raise RegisterRefused(f"{name}超过{MAX_ROWS}行，不像是一份台账，未导入")
    line, kind, texts = header
    return RawSheet(name, kind, texts, line, tuple(kept))


def _lines(name: str, rows: Iterable[tuple[object, ...]]) -> Iterator[RawRow]:
    """The sheet's rows, numbered, until formatting carried down to its last row leaves only blanks."""
    blank_run = 0
    for line, values in enumerate(rows, start=1):
        blank_run = blank_run + 1 if all(v in (None, "") for v in values) else 0
        if blank_run > MAX_BLANK_RUN:
            return
        yield RawRow(line, _trimmed(name, line, values) if len(values) > MAX_COLUMNS else tuple(values))


def _header(head: list[RawRow]) -> tuple[int, Kind, tuple[str, ...]] | None:
    """The row that names most of a register's columns: one row, or two when the headers are split over
    two rows under merged cells (申请人 above 姓名 and 类型); one row wins a tie."""
    best: tuple[int, bool, int] | None = None
    chosen: tuple[int, Kind, tuple[str, ...]] | None = None
    previous: tuple[str, ...] = ()
    for row in head:
        single = tuple("" if v is None else str(v).strip() for v in row.values)
        for texts, is_single in ((single, True), (_joined(previous, single), False)):
            kind = max(Kind, key=lambda k: header_score(k, texts))
            score = header_score(kind, texts)
            rank = (score, is_single, -row.line)
            if score >= MIN_HEADER_SCORE and (best is None or rank > best):
                best, chosen = rank, (row.line, kind, texts)
        previous = single
    return chosen


def _joined(upper: tuple[str, ...], lower: tuple[str, ...]) -> tuple[str, ...]:
    """Two header rows as one: a cell merged down keeps its text, one merged across is its columns' parent."""
    joined, parent = [], ""
    for i in range(max(len(upper), len(lower))):
        top = upper[i] if i < len(upper) else ""
        below = lower[i] if i < len(lower) else ""
        parent = top or (parent if below else "")
        joined.append(parent + below if below else top)
    return tuple(joined)


def _trimmed(name: str, line: int, values: tuple[object, ...]) -> tuple[object, ...]:
    """Sheets often carry empty formatted columns to the right; only a filled one past the limit refuses."""
    if any(v not in (None, "") for v in values[MAX_COLUMNS:]):
        raise RegisterRefused(f"{name}第{line}行超过{MAX_COLUMNS}列，不像是一份台账，未导入")
    return values[:MAX_COLUMNS]
