"""A county's folder reviewed end to end: the rows, findings and deductions of the workbook, its charts,
and the web page showing the same numbers."""

from __future__ import annotations

import threading
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest

from desktop.core.review.outcome import ReportReview
from desktop.core.review.scoring import load_scoring
from desktop.core.review.summary import SummaryRow, summarise, worst_first
from desktop.io.review_html import export_html
from desktop.io.review_pool import Cancelled
from desktop.io.review_run import review_folder
from desktop.io.review_sheet import export_sheets, sheet_html
from desktop.io.review_table import FINDING_COLUMNS, SUMMARY_COLUMNS
from desktop.io.review_xlsx import export_xlsx
from desktop.resources import resource
from tests.review.folders import (
    BROKEN,
    LATE_DEPARTMENT,
    PLANTED_SUM,
    TODAY,
    WORD,
    last_year_folder,
    received_folder,
)


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("county")
    return received_folder(root), last_year_folder(root)


@pytest.fixture(scope="module")
def reviews(folders: tuple[Path, Path]) -> list[ReportReview]:
    return review_folder(*folders, today=TODAY, workers=2)


@pytest.fixture(scope="module")
def rows(reviews: list[ReportReview]) -> list[SummaryRow]:
    scoring = load_scoring(resource("review", "scoring.json"))
    return worst_first([summarise(r, scoring) for r in reviews])


@pytest.fixture(scope="module")
def book(rows: list[SummaryRow], tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    path = tmp_path_factory.mktemp("out") / "审核汇总.xlsx"
    export_xlsx(rows, path)
    return openpyxl.load_workbook(path)


def by_file(book: openpyxl.Workbook) -> dict[str, dict[str, object]]:
    sheet = book["汇总"]
    header = [c.value for c in sheet[1]]
    return {r[1]: dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=2, values_only=True)}


def test_every_file_has_a_row_and_bad_files_say_why(book: openpyxl.Workbook) -> None:
    table = by_file(book)
    assert len(table) == 15 and "~$temp.docx" not in table
    for name in BROKEN:
        assert str(table[name]["读取情况"]).startswith("无法读取："), name
    assert "已损坏" in str(table["broken.pdf"]["读取情况"])
    assert "另存为.docx" in str(table["old-word.doc"]["读取情况"])
    assert table["erkou-2023.txt"]["读取情况"] == "已读取"
    assert [c.value for c in book["汇总"][1]] == list(SUMMARY_COLUMNS)


def test_facts_deadlines_and_repetition_of_the_rows(book: openpyxl.Workbook) -> None:
    table = by_file(book)
    erkou = table["erkou-2023.txt"]
    assert (erkou["机关"], erkou["层级"], erkou["年度"], erkou["成文日期"]) == ("耳口乡", "乡镇、街道", 2023,
                                                                      "2024年1月4日")
    assert (erkou["公开期限"], erkou["按期公开"], erkou["错误"]) == ("2024年3月31日", "按期", 0)
    assert erkou["与上年重复"] == pytest.approx(1.0) and erkou["上年报告"] == "耳口乡人民政府2022.txt"
    late = table[LATE_DEPARTMENT]
    assert (late["层级"], late["公开期限"], late["按期公开"]) == ("县级人民政府部门", "2024年1月31日", "逾期3天")
    assert table["huaian-2024.pdf"]["按期公开"] == "未注明成文日期"
    word = table[WORD]  # a Word report, read like the others
    assert (word["机关"], word["年度"], word["成文日期"], word["按期公开"]) == ("石塘镇", 2023, "2024年1月4日", "按期")
    assert table["05_changan-qu-tongjiju-2023-PARTIAL.txt"]["上年报告"] == "上年度文件夹中没有该机关的报告"


def test_deductions_name_their_rules(book: openpyxl.Workbook) -> None:
    table = by_file(book)
    assert table[LATE_DEPARTMENT]["扣分"] == -1
    assert str(table[LATE_DEPARTMENT]["扣分依据"]).startswith("S-07 未按期公开 −1：成文日期2024年2月3日")
    assert table["erkou-2023.txt"]["扣分"] == -0.5 and "S-04" in str(table["erkou-2023.txt"]["扣分依据"])
    planted = table[PLANTED_SUM]
    assert planted["扣分"] == -1 and planted["错误"] == 4
    assert "T3-02、T3-03 数据严重不符 −0.5" in str(planted["扣分依据"])
    assert table["26_xingren-shi-zf-2022-TEXTONLY-PARTIAL.txt"]["扣分"] == 0
    points = [r[12] for r in book["汇总"].iter_rows(min_row=2, values_only=True) if r[14] == "已读取"]
    assert points == sorted(points)  # the worst first


def test_every_finding_is_listed_and_each_row_links_to_its_own(book: openpyxl.Workbook,
                                                               rows: list[SummaryRow]) -> None:
    findings = book["问题明细"]
    assert [c.value for c in findings[1]] == list(FINDING_COLUMNS)
    listed = list(findings.iter_rows(min_row=2, values_only=True))
    assert len(listed) == sum(len(r.review.findings) for r in rows)
    planted = [r for r in listed if r[1] == PLANTED_SUM]
    # the planted sum (T3-02, T3-03), and last year's carried-out 103 against this year's carried-in 34
    assert [r[3] for r in planted if r[5] == "错误"] == ["T3-02", "T3-03", "T3-05", "T3-05"]
    assert any("表三" in str(r[6]) for r in planted)
    summary = book["汇总"]
    for line in summary.iter_rows(min_row=2):
        link = line[SUMMARY_COLUMNS.index("详情")].hyperlink
        if link is None:
            continue
        target = int(link.location.rsplit("A", 1)[1]) if link.location else int(link.target.rsplit("A", 1)[1])
        assert findings.cell(target, 2).value == line[1].value


def test_the_sheets_are_frozen_filtered_and_sized_for_chinese(book: openpyxl.Workbook) -> None:
    for name in ("汇总", "问题明细"):
        sheet = book[name]
        assert sheet.freeze_panes == "D2" and sheet.auto_filter.ref.startswith("A1:")
    widths = book["汇总"].column_dimensions
    assert widths["C"].width >= 2 * len("衡阳市衡东县杨林镇") and widths["N"].width == 32


def test_the_charts_are_native_bar_charts(book: openpyxl.Workbook) -> None:
    sheet = book["图表"]
    charts = sheet._charts
    assert len(charts) == 2 and all(type(c).__name__ == "BarChart" for c in charts)
    errors = [r for r in sheet.iter_rows(min_row=2, max_col=2, values_only=True) if r[1] is not None]
    assert errors[0] == ("衡阳市衡东县杨林镇", 8)
    assert [e[1] for e in errors] == sorted((e[1] for e in errors), reverse=True)


class Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.current: list[list[str]] | None = None
        self.cell: list[str] | None = None
        self.bars: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.current = self.tables.setdefault(dict(attrs).get("id") or "", [])
        elif tag == "tr" and self.current is not None:
            self.current.append([])
        elif tag in ("td", "th"):
            self.cell = []
        elif tag == "rect":
            self.bars.append(dict(attrs).get("data-value") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None and self.current is not None:
            self.current[-1].append("".join(self.cell))
            self.cell = None
        elif tag == "table":
            self.current = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def shown(value: object, column: str) -> str:
    if value is None:
        return ""
    if column == "与上年重复":
        return f"{float(value) * 100:.0f}%"  # type: ignore[arg-type]
    if column == "扣分":
        return "0" if not value else f"{Decimal(str(value)).normalize():f}".replace("-", "−")
    return str(value)


def test_the_web_page_parses_and_shows_the_numbers_of_the_workbook(rows: list[SummaryRow],
                                                                   book: openpyxl.Workbook, tmp_path: Path) -> None:
    export_html(rows, tmp_path / "审核汇总.html")
    page = Tables()
    page.feed((tmp_path / "审核汇总.html").read_text(encoding="utf-8"))
    summary = page.tables["summary"]
    assert summary[0] == list(SUMMARY_COLUMNS)
    expected = [[shown(v, c) for c, v in zip(SUMMARY_COLUMNS, r, strict=True)]
                for r in book["汇总"].iter_rows(min_row=2, values_only=True)]
    assert summary[1:] == expected
    findings = page.tables["findings"]
    assert len(findings) - 1 == book["问题明细"].max_row - 1
    assert findings[1:] == [[shown(v, "") for v in r] for r in book["问题明细"].iter_rows(min_row=2, values_only=True)]
    chart_errors = [str(r[1]) for r in book["图表"].iter_rows(min_row=2, max_col=2, values_only=True) if r[1]]
    assert page.bars[:len(chart_errors)] == chart_errors
    assert "<svg" in (tmp_path / "审核汇总.html").read_text(encoding="utf-8")


def test_a_review_sheet_names_cells_and_quotes_the_text(rows: list[SummaryRow], tmp_path: Path) -> None:
    planted = next(r for r in rows if r.review.file == PLANTED_SUM)
    page = sheet_html(planted)
    assert "淮安市人民政府2024年度政府信息公开工作年度报告审核意见" in page
    assert "涉及：表三 （七）总计 / 自然人；表三 （一）予以公开 / 自然人；" in page and "等22处" in page
    messages = [f.message for f in planted.review.findings]
    positions = [page.index(m.replace("“", "&ldquo;")) if m not in page else page.index(m) for m in messages[:3]]
    assert positions == sorted(positions)  # the findings in order
    erkou = next(r for r in rows if r.review.file == "erkou-2023.txt")
    assert "<blockquote>“2023年耳口乡坚持" in sheet_html(erkou)
    written = export_sheets(rows, tmp_path / "意见单")
    assert len(written) == len(rows) == len({p.name for p in written})


def test_in_parallel_or_one_by_one_the_reviews_are_the_same(folders: tuple[Path, Path],
                                                            reviews: list[ReportReview]) -> None:
    assert review_folder(*folders, today=TODAY, workers=1) == reviews


def test_cancel_stops_the_run(folders: tuple[Path, Path]) -> None:
    cancel = threading.Event()
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done == 3:
            cancel.set()

    with pytest.raises(Cancelled):
        review_folder(folders[0], today=TODAY, workers=2, cancel=cancel, progress=progress)
    assert seen[-1] == (3, 15)


def test_review_sheets_as_pdf_carry_the_findings(rows: list[SummaryRow], tmp_path: Path) -> None:
    from pypdf import PdfReader

    written = export_sheets(rows, tmp_path / "意见单", ".pdf")
    assert len(written) == len(rows) and all(p.suffix == ".pdf" for p in written)
    planted = next(p for p in written if p.name == "planted-sum-审核意见.pdf")
    text = "".join(page.extract_text() for page in PdfReader(planted).pages).replace("\n", "")
    assert "淮安市人民政府2024年度政府信息公开工作年度报告审核意见" in text
    assert "T3-02" in text and "数据严重不符" in text and "等" in text
