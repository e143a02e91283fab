"""The shipped blank register: what packaging/make_register_template.py makes, with the official wording
in its drop-down lists, read back by the reader with every column and word recognised."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.core.register.columns import Kind
from desktop.core.register.mapping import guess_mapping
from desktop.core.register.words import guess_applicant, guess_case_kind, guess_case_result, guess_result
from desktop.core.tablespec import T3, T3_RESULT_ROWS
from desktop.io.register_read import read_register
from desktop.io.register_template import (
    APPLICATIONS_SHEET,
    CASES_SHEET,
    LISTS_SHEET,
    applicant_words,
    build_template,
    case_kind_words,
    case_result_words,
    result_words,
)
from desktop.resources import resource

SHIPPED = Path(resource("templates", "register.xlsx"))


def _content(data: bytes) -> list[object]:
    book = load_workbook(io.BytesIO(data))
    content: list[object] = []
    for sheet in book.worksheets:
        content.append((sheet.title, sheet.sheet_state, [list(r) for r in sheet.iter_rows(values_only=True)]))
        content.append(sorted((str(v.sqref), v.type, v.formula1) for v in sheet.data_validations.dataValidation))
    return content


def test_the_shipped_template_is_what_the_script_makes() -> None:
    assert _content(SHIPPED.read_bytes()) == _content(build_template())


def test_its_drop_downs_hold_the_official_wording() -> None:
    book = load_workbook(SHIPPED)
    assert book.sheetnames == [APPLICATIONS_SHEET, CASES_SHEET, LISTS_SHEET]
    assert book[LISTS_SHEET].sheet_state == "hidden"
    rules = {str(v.sqref): v.formula1 for v in book[APPLICATIONS_SHEET].data_validations.dataValidation}
    assert rules["D2:D501"] == f"={LISTS_SHEET}!$A$2:$A$7"
    assert rules["F2:F501"] == f"={LISTS_SHEET}!$B$2:$B$23"
    listed = [c.value for c in book[LISTS_SHEET]["B"][1:23]]
    assert listed == result_words()
    assert "不予公开–属于国家秘密" in listed
    assert "其他处理–申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请" in listed


def test_every_word_of_the_lists_maps_to_its_own_row_or_column() -> None:
    assert [guess_applicant(w) for w in applicant_words()] == [c.key for c in T3.columns if c.key != "total"]
    assert [guess_result(w) for w in result_words()] == [*T3_RESULT_ROWS, "open"]
    assert [guess_case_kind(w) for w in case_kind_words()] == ["review", "suit_direct", "suit_after_review"]
    assert [guess_case_result(w) for w in case_result_words()] == ["upheld", "corrected", "other", "pending"]


def test_the_blank_template_reads_as_an_empty_register_with_every_column_found() -> None:
    applications, cases = read_register(SHIPPED)
    assert (applications.kind, cases.kind) == (Kind.APPLICATIONS, Kind.CASES)
    assert applications.rows == () and cases.rows == ()
    columns = guess_mapping(applications).columns
    assert all(v is not None for k, v in columns.items() if k != "reason")  # the template's results are one word
    assert columns["reason"] is None
    assert all(v is not None for v in guess_mapping(cases).columns.values())


def _calc_installed() -> bool:
    """Whether LibreOffice with its spreadsheet part is here: a Writer-only install (Debian's
    libreoffice-writer-nogui) has soffice but cannot load an .xlsx."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return False
    program = Path(soffice).resolve().parent
    return any((program / name).exists() for name in ("libsclo.so", "sclo.dll", "libsclo.dylib"))


@pytest.mark.skipif(not _calc_installed(), reason="LibreOffice Calc is not installed")
def test_libreoffice_reads_every_drop_down_list(tmp_path: Path) -> None:
    """LibreOffice converts the template to .ods with each list as a validity rule that shows its list."""
    converted = tmp_path / "register.ods"
    run = subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless", "--convert-to",
                          "ods", "--outdir", str(tmp_path), str(SHIPPED)], check=True, capture_output=True, timeout=180)
    assert converted.exists(), (run.stdout, run.stderr)
    with zipfile.ZipFile(converted) as ods:
        content = ods.read("content.xml").decode("utf-8")
    lists = re.findall(r'table:condition="of:cell-content-is-in-list\(\[\$选项\.\$([A-D])\$2:\.\$[A-D]\$(\d+)\]\)"'
                       r'[^>]*table:display-list="unsorted"', content)
    assert sorted(lists) == [("A", "7"), ("B", "23"), ("C", "4"), ("D", "5")]
