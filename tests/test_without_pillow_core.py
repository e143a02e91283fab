"""The bundle leaves out Pillow's C core (packaging/nianbao.spec): no output of the program holds a picture.
Every command that reads or writes a file works in a process where importing the core fails, as in the
bundle, and the core is never asked for."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import docx
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.fixtures.reports import SEED_FILE

ROOT = Path(__file__).resolve().parents[1]
HUAIAN_PDF = ROOT / "tests" / "data" / "samples" / "huaian-2024.pdf"

# Runs the commands given one per argument (each split on "|"), in one process, with the core unimportable.
WITHOUT_CORE = """
import sys
sys.modules["PIL._imaging"] = None  # "import PIL._imaging" now raises ImportError
from desktop import cli
for command in sys.argv[1:]:
    code = cli.main(command.split("|"))
    print("exit", code, flush=True)
try:
    import PIL._imaging
except ImportError:
    print("core missing as in the bundle")
"""


def run_without_core(*commands: list[str], cwd: Path) -> str:
    result = subprocess.run([sys.executable, "-c", WITHOUT_CORE, *("|".join(c) for c in commands)], cwd=cwd,
                            capture_output=True, text=True, encoding="utf-8", timeout=240, check=False)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    return result.stdout


def test_exports_imports_and_checks_run_without_the_core(tmp_path: Path) -> None:
    shutil.copy(SEED_FILE, tmp_path / "erkou.nianbao")
    shutil.copy(HUAIAN_PDF, tmp_path / "huaian.pdf")
    out = run_without_core(
        ["export", "erkou.nianbao", "-o", "erkou.pdf", "--force"],
        ["export", "erkou.nianbao", "-o", "erkou.docx", "--force"],
        ["export", "erkou.nianbao", "-o", "erkou.html", "--force"],
        ["import", "huaian.pdf", "-o", "huaian.nianbao"],
        ["check", "huaian.pdf"],
        ["check", "erkou.docx"],
        cwd=tmp_path,
    )
    assert out.count("exit 0") == 6, out
    assert "core missing as in the bundle" in out, out  # the test would prove nothing with the core loadable
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "erkou.pdf").pages)
    assert "耳口乡" in text and "政府信息公开" in text
    assert "耳口乡" in "".join(p.text for p in docx.Document(str(tmp_path / "erkou.docx")).paragraphs)
    assert "耳口乡" in (tmp_path / "erkou.html").read_text(encoding="utf-8")
    assert (tmp_path / "huaian.nianbao").stat().st_size > 0
    assert "淮安市人民政府" in out


def test_a_county_review_writes_its_workbook_and_pdf_sheets_without_the_core(tmp_path: Path) -> None:
    received = tmp_path / "received"
    received.mkdir()
    shutil.copy(SEED_FILE, received / "erkou.nianbao")
    shutil.copy(HUAIAN_PDF, received / "huaian.pdf")
    out = run_without_core(
        ["review", "received", "-o", "审核汇总.xlsx", "-o", "审核汇总.html", "--sheets", "sheets",
         "--sheet-format", "pdf", "--jobs", "1"],
        cwd=tmp_path,
    )
    assert "exit 0" in out and "core missing as in the bundle" in out, out
    sheet = load_workbook(tmp_path / "审核汇总.xlsx").worksheets[0]
    rows = [" ".join(str(c) for c in row if c is not None) for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert any("耳口乡" in r for r in rows) and any("淮安市人民政府" in r for r in rows), rows
    sheets = sorted((tmp_path / "sheets").glob("*.pdf"))
    assert len(sheets) == 2
    assert all(PdfReader(s).pages[0].extract_text().strip() for s in sheets)
