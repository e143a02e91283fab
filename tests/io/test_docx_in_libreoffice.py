"""The Word export as LibreOffice lays it out: no row of a table is lost at the foot of a page.

LibreOffice dropped table 四's row of numbers from the page, and so from its PDF, when the table's header
rows, kept whole, met the foot of a page. The report's text is lengthened step by step through more than
a page (GB/T 9704: 22 lines of 28 characters), so that the table meets the foot of a page whatever fonts
the machine has.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from desktop.io.docx_export import export_docx
from tests.fixtures.reports import huaian

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                                reason="LibreOffice or poppler is not installed")

HEADING_FOUR = "四、政府信息公开行政复议、行政诉讼情况"
ROW_OF_NUMBERS = "7264178373511348126121162"  # Huaian's table 四, its digits only
FILLER = "持续推进政务公开标准化规范化建设。" * 50
EXTRA_CHARACTERS = range(0, 22 * 28 + 60, 15)  # a little more than a page, in steps of half a line


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return ["".join(page.split()) for page in text.split("\f")]


def test_table_four_keeps_its_row_of_numbers_wherever_the_page_ends(tmp_path: Path) -> None:
    for extra in EXTRA_CHARACTERS:
        report = huaian()
        report.text["text.s1.platform"] += FILLER[:extra]
        export_docx(report, tmp_path / f"report-{extra:03d}.docx")
    run = subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless", "--convert-to",
                          "pdf", "--outdir", str(tmp_path / "pdf"), *sorted(map(str, tmp_path.glob("*.docx")))],
                         capture_output=True, timeout=600)
    across_pages = []
    for extra in EXTRA_CHARACTERS:
        pdf = tmp_path / "pdf" / f"report-{extra:03d}.pdf"
        assert pdf.exists(), (run.stdout, run.stderr)
        pages = _pages(pdf)
        holding = [i for i, page in enumerate(pages) if ROW_OF_NUMBERS in re.sub(r"\D", "", page)]
        assert holding, f"table 四's row of numbers is missing with {extra} more characters of text"
        if holding[0] != next(i for i, page in enumerate(pages) if HEADING_FOUR in page):
            across_pages.append(extra)
    # The text did push table 四 over the foot of a page: there LibreOffice splits a header row rather than
    # moving the table to the next page, and the row of numbers stays.
    assert across_pages, "table 四 never met the foot of a page"
