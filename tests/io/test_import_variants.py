"""More ways portals and mirror sites serve a report (corpus/variants/README.md): every value lands in its
cell, the title, agency, year and date are read, and the checker finds nothing wrong with a page whose
numbers add up. Blank cells (printed 「—」 「--」 「/」 …) stay blank and are the only errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.checks.checker import check
from desktop.core.checks.findings import Severity
from desktop.core.values import parse_cell
from desktop.io.importers.sections import split_parts
from desktop.io.importers.title import parse_title
from desktop.io.importing import import_bytes, import_file

VARIANTS = Path(__file__).parent / "corpus" / "variants"
EXPECTED = json.loads((VARIANTS / "expected.json").read_text(encoding="utf-8"))
# The errors a blank cell rightly gives, per table.
BLANK_CELL_RULES = {"t2": "T2-01", "t3": "T3-04", "t4": "T4-02"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_variant_imports_every_value_and_checks_clean(name: str) -> None:
    expected = EXPECTED[name]
    result = import_file(VARIANTS / name)
    report = result.report
    cells = {key: parse_cell(key, value) for key, value in expected["cells"].items()}
    wrong = {key: (value, report.cells.get(key)) for key, value in cells.items() if report.cells.get(key) != value}
    assert wrong == {}, f"{len(wrong)} cells wrong ({expected['form']}); account: {result.account}"
    assert [line for line in result.account if "未导入" in line] == []  # nothing said to be lost
    meta = expected["meta"]
    assert report.meta.agency == meta["agency"]
    assert report.meta.year == meta["year"]
    assert report.meta.level.value == meta["level"]
    if "date" in meta:
        assert str(report.meta.date) == meta["date"]
    assert report.provenance.missing_parts == []
    assert report.provenance.extra_labels == []
    blank_tables = {key.split(".")[0] for key, value in cells.items() if value is None}
    errors = {(f.rule, f.message) for f in check(report) if f.severity is Severity.ERROR}
    allowed = {BLANK_CELL_RULES[table] for table in blank_tables}
    assert {(rule, message) for rule, message in errors if rule not in allowed} == set()
    assert {rule for rule, _ in errors} == allowed


@pytest.mark.parametrize("name", sorted(n for n in EXPECTED if "narrative" in EXPECTED[n]["form"]))
def test_counts_in_the_prose_keep_their_thousands_separators(name: str) -> None:
    """「２３１,６６７件」 stays one number, so the text-against-table rules read it as the page means it."""
    report = import_file(VARIANTS / name).report
    prose = "".join(report.text.values())
    assert "，667" not in prose and "，６６７" not in prose
    assert not [f for f in check(report) if f.rule.startswith("N-")]


def test_the_portals_editor_line_is_no_part_of_section_six() -> None:
    report = import_file(VARIANTS / "v10_furniture_P.txt").report
    assert "责任编辑" not in report.text["text.s6"]


def test_html_table_three_places_values_by_their_column_headers() -> None:
    """A row that lost its last cell keeps its other six in their columns: the headers place them, not
    their order (总计 heads a column as well as the last row)."""
    page = (VARIANTS / "h04_cms_th_nbsp_thousands.html").read_text(encoding="utf-8")
    short_row = page.replace("<td>&nbsp;8,220&nbsp;</td></tr>", "</tr>", 1)
    assert short_row != page
    report = import_bytes(short_row.encode("utf-8"), "page.html").report
    expected = EXPECTED["h04_cms_th_nbsp_thousands.html"]["cells"]
    assert report.cells["t3.granted.total"] is None
    row = ("natural", "business", "research", "nonprofit", "legal", "other_org")
    assert [report.cells[f"t3.granted.{c}"] for c in row] == [parse_cell(f"t3.granted.{c}", expected[f"t3.granted.{c}"])
                                                               for c in row]



@pytest.mark.parametrize(("line", "agency", "year"), [
    ("耳口乡二〇二三年政府信息公开工作年度报告", "耳口乡", 2023),
    ("耳口乡２０２３年政府信息公开工作年度报告", "耳口乡", 2023),
    ("二〇二二年度螅镇政府信息公开工作年度报告", "螅镇", 2022),
])
def test_a_title_year_in_other_digits(line: str, agency: str, year: int) -> None:
    title = parse_title(line)
    assert title is not None and (title.text, title.agency, title.year) == (line, agency, year)


def test_parts_numbered_as_list_items_when_section_one_has_no_other() -> None:
    parts = split_parts(["2023年，我乡扎实推进政务公开。", "1.主动公开", "全年主动公开信息103条。", "2.依申请公开",
                         "全年收到申请2件。", "5、监督保障", "开展培训2次。"])
    assert parts["text.s1.intro"] == ["2023年，我乡扎实推进政务公开。"]
    assert parts["text.s1.proactive"] == ["全年主动公开信息103条。"]
    assert parts["text.s1.on_request"] == ["全年收到申请2件。"]
    assert parts["text.s1.oversight"] == ["开展培训2次。"]


def test_list_items_inside_a_part_stay_in_it() -> None:
    parts = split_parts(["（一）主动公开", "1.主动公开目录更新。全年更新目录3次。",
                         "（二）依申请公开", "全年收到申请2件。"])
    assert parts["text.s1.proactive"] == ["1.主动公开目录更新。全年更新目录3次。"]


def test_numbered_paragraphs_that_name_no_part_stay_where_they_are() -> None:
    parts = split_parts(["1.加强组织领导。成立工作专班。", "2.完善工作制度。制定公开指南。"])
    assert parts == {"text.s1.intro": ["1.加强组织领导。成立工作专班。", "2.完善工作制度。制定公开指南。"]}


@pytest.mark.parametrize("name", sorted(n for n in EXPECTED if "text" in EXPECTED[n]))
def test_variant_puts_each_paragraph_in_its_section(name: str) -> None:
    """A heading the PDF did not indent still opens its part; a number wrapped between lines reads whole.
    Where one paragraph ends and the next begins inside a part is the layout's guess, so line breaks are
    not compared."""
    text = import_file(VARIANTS / name).report.text
    wrong = {key: text[key] for key, expected in EXPECTED[name]["text"].items()
             if text[key].replace("\n", "") != expected.replace("\n", "")}
    assert wrong == {}
