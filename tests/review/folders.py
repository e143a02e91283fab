"""A county's mail made from the samples: the 耳口乡 text, the Huaian PDF, the portal pages, a Word report,
reports with planted errors, a late department, damaged files, and last year's folder with 耳口乡's 2022
report."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from desktop.core import storage
from desktop.core.report import Report
from desktop.io.docx_export import export_docx
from tests.fixtures.reports import PORTAL, SAMPLES, huaian, seed

TODAY = dt.date(2025, 4, 10)
PLANTED_SUM = "planted-sum.nianbao"
LATE_DEPARTMENT = "late-department.nianbao"
WORD = "石塘镇2023.docx"
BROKEN = ("broken.pdf", "old-word.doc", "empty.txt", "picture.png")


def planted_sum() -> Report:
    """Huaian's tables with 5 granted requests too many: T3-02 (granted + … ≠ total) in 自然人 and T3-03."""
    report = huaian()
    report.cells["t3.granted.natural"] += 5  # type: ignore[operator]
    report.meta.date = dt.date(2025, 3, 20)
    return report


def late_department() -> Report:
    report = seed()
    report.meta.agency, report.meta.level, report.meta.year = "某县统计局", "county_dept", 2023
    report.meta.date = dt.date(2024, 2, 3)
    return report


def received_folder(root: Path) -> Path:
    folder = root / "收到的报告"
    folder.mkdir()
    for source in (SAMPLES / "erkou-2023.txt", SAMPLES / "huaian-2024.pdf", *sorted(PORTAL.glob("*.txt"))):
        shutil.copy(source, folder / source.name)
    storage.save(planted_sum(), folder / PLANTED_SUM)
    storage.save(late_department(), folder / LATE_DEPARTMENT)
    word = seed()
    word.meta.agency = "石塘镇"
    export_docx(word, folder / WORD)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    (folder / "old-word.doc").write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 600)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    (folder / "~$temp.docx").write_bytes(b"lock")  # an Office lock file is not a report
    return folder


def last_year_folder(root: Path) -> Path:
    """耳口乡's 2022 report under its full name: the same text as 2023's, so over 50 % repeats."""
    folder = root / "上年度"
    folder.mkdir()
    text = (SAMPLES / "erkou-2023.txt").read_text(encoding="utf-8")
    (folder / "耳口乡人民政府2022.txt").write_text(text.replace("2023", "2022").replace("2024", "2023")
                                               .replace("耳口乡2022", "耳口乡人民政府2022", 1), encoding="utf-8")
    last_huaian = huaian()
    last_huaian.meta.year = 2023
    storage.save(last_huaian, folder / "淮安2023.nianbao")
    return folder
