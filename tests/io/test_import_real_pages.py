"""One test per way real pages defeated the importer (issue 17), on the portal pages and on the 耳口乡
and Huaian reports flattened the same ways."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core.fields import Level
from desktop.core.values import parse_cell
from desktop.io.importers.identity import AGENCY, LEVEL, YEAR
from desktop.io.importers.title import parse_title
from desktop.io.importers.traditional import strip_pinyin
from desktop.io.importing import Known, import_file, import_text
from tests.fixtures.reports import PORTAL, huaian, huaian_cells
from tests.io.corpus.make_corpus import corpus_cells, document, traditional

CORPUS = Path(__file__).parent / "corpus"
CELLS = {k: parse_cell(k, v) for k, v in json.loads((CORPUS / "expected.json").read_text("utf-8"))["cells"].items()}
TITLE = "耳口乡2023年政府信息公开工作年度报告"
PIPE_FORMS = ["line-pipes", "separated-pipes"]


def erkou(style: str = "pipes", title: str | None = TITLE, intro: str | None = None) -> str:
    """The corpus page with its title line replaced (None: no title) and without the metadata block."""
    head = () if title is None else (title,)
    text = None
    if intro is not None:
        from tests.io.corpus.make_corpus import corpus_text

        text = corpus_text() | {"text.s1.intro": intro}
    return document(style, corpus_cells(), text=text, head=head)  # type: ignore[arg-type]


# ---- 1. year and agency wherever the page prints them, and never guessed

@pytest.mark.parametrize(("line", "agency", "year"), [
    ("耳口乡2023年政府信息公开工作年度报告", "耳口乡", 2023),
    ("2022年上海市黄浦区人民政府信息公开工作年度报告", "上海市黄浦区人民政府", 2022),
    ("2022年度螅镇政府信息公开工作年度报告", "螅镇", 2022),
    ("《耳口乡2023年政府信息公开工作年度报告》", "耳口乡", 2023),
    ("【字体：大 中 小】打印 2022年度螅镇政府信息公开工作年度报告", "螅镇", 2022),
    ("耳口乡2023年政府信息公开 工作告年度报", "耳口乡", 2023),
    ("2023年政府信息公开工作年度报告", "", 2023),
])
def test_title_forms(line: str, agency: str, year: int) -> None:
    title = parse_title(line)
    assert title is not None and (title.agency, title.year) == (agency, year)


@pytest.mark.parametrize("line", ["现将我办2022年度政府信息公开情况报告如下：", "【字体：大 中 小】打印",
                                  "根据《条例》，现公布兴仁市人民政府2022年政府信息公开工作年度报告。"])
def test_sentences_and_furniture_are_no_title(line: str) -> None:
    assert parse_title(line) is None


@pytest.mark.parametrize("title", ["2023年度耳口乡政府信息公开工作年度报告", "《耳口乡2023年政府信息公开工作年度报告》",
                                   "【字体：大 中 小】打印 2023年度耳口乡政府信息公开工作年度报告",
                                   "耳口乡2023年政府信息公开 工作告年度报"])
def test_title_forms_import_the_whole_report(title: str) -> None:
    result = import_text(erkou(title=title))
    assert (result.report.meta.agency, result.report.meta.year, result.missing) == ("耳口乡", 2023, frozenset())
    assert result.report.cells == CELLS


def test_furniture_above_a_title_is_no_agency() -> None:
    report = import_file(PORTAL / "10_xi-zhen-jiaxian-2022-oldformat-empty-PARTIAL.txt").report
    assert (report.meta.agency, report.meta.year, report.meta.level) == ("螅镇", 2022, Level.TOWNSHIP)


@pytest.mark.parametrize("preamble", [
    "根据《中华人民共和国政府信息公开条例》（2019年修订版）要求，现公布耳口乡2023年政府信息公开工作年度报告。",
    "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。本报告由耳口乡人民政府编制。",
])
def test_year_from_the_preamble_not_from_the_regulation(preamble: str) -> None:
    result = import_text(preamble + "\n" + erkou(title=None, intro="（2019年修订版）条例施行以来，我乡认真落实。"))
    assert result.report.meta.year == 2023 and YEAR not in result.missing
    assert result.report.meta.agency.startswith("耳口乡")


def test_a_township_named_once_in_its_text() -> None:
    unnamed = erkou(title=None, intro="我们认真落实。").replace("2023年", "本年").replace("2023", "")
    result = import_text(unnamed)  # 「本年,耳口乡全年主动公开…」 and 「我乡」
    assert result.report.meta.agency == "耳口乡" and AGENCY not in result.missing


def test_year_from_the_statistics_period_only() -> None:
    result = import_file(PORTAL / "26_xingren-shi-zf-2022-TEXTONLY-PARTIAL.txt")
    meta = result.report.meta
    assert (meta.year, meta.agency, meta.level) == (2022, "兴仁市人民政府", Level.COUNTY_GOV)
    assert result.missing == frozenset()


def test_nothing_found_is_named_not_guessed() -> None:
    unnamed = erkou(title=None, intro="我们认真落实。").replace("2023年", "本年").replace("2023", "")
    result = import_text(unnamed.replace("耳口乡", "本乡"))
    assert result.missing == {YEAR, AGENCY}  # the level is the text's own 「我乡」
    assert result.report.meta.level is Level.TOWNSHIP
    assert any("未找到报告年度、机关名称" in line for line in result.account)
    answered = import_text(erkou(title=None, intro="我们认真落实。").replace("2023年", "本年"),
                           known=Known(2023, "耳口乡", Level.TOWNSHIP))
    assert answered.missing == frozenset() and answered.report.cells == CELLS
    assert any("导入时填写" in line for line in answered.account)


def test_command_line_refuses_without_a_year(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "page.txt"
    page = erkou(title="耳口乡政府信息公开工作年度报告", intro="我乡认真落实。")
    source.write_text(page.replace("2023", ""), "utf-8")
    target = tmp_path / "out.nianbao"
    assert main(["import", str(source), "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "--year" in err and "报告年度" in err
    assert not target.exists()
    assert main(["import", str(source), "-o", str(target), "--year", "2023", "--agency", "耳口乡"]) == 0
    assert target.exists()


# ---- 2. one cell per line with the pipes kept

@pytest.mark.parametrize("style", PIPE_FORMS)
def test_huaian_in_the_pipe_kept_forms(style: str) -> None:
    report = huaian()
    text = document(style, huaian_cells(), text=report.text, head=("淮安市人民政府2024年政府信息公开工作年度报告",))  # type: ignore[arg-type]
    result = import_text(text, known=Known(level=Level.CITY_GOV))
    assert result.report.cells == huaian_cells()
    assert (result.report.meta.agency, result.report.meta.year) == ("淮安市人民政府", 2024)


@pytest.mark.parametrize("style", PIPE_FORMS)
def test_blank_cells_stay_where_they_were_printed(style: str) -> None:
    cells: dict[str, object] = dict(corpus_cells())
    blanks = ("t2.regulations.in_force", "t3.new.natural", "t3.granted.natural", "t3.denied_4.legal",
              "t3.carried_out.total", "t4.review.upheld")
    cells.update({key: "" for key in blanks})
    report = import_text(document(style, cells)).report
    assert {k: report.cells[k] for k in blanks} == dict.fromkeys(blanks)
    assert {k: v for k, v in report.cells.items() if k not in blanks} == {k: v for k, v in CELLS.items()
                                                                          if k not in blanks}


def test_portal_pages_in_the_pipe_kept_forms() -> None:
    hanyang = import_file(PORTAL / "03_hanyang-qu-zfbgs-2022-PARTIAL.txt").report
    assert hanyang.cells["t2.regulations.in_force"] is None and hanyang.cells["t2.normative_docs.repealed"] == 12
    assert hanyang.cells["t3.new.total"] == 8
    changan = import_file(PORTAL / "05_changan-qu-tongjiju-2023-PARTIAL.txt")
    assert changan.report.cells["t2.enforcement.decisions"] == 0
    assert not any("不符" in line for line in changan.account)


# ---- 3. 2019 headers by their words

def test_cut_2019_headers_are_placed_by_their_words() -> None:
    text = (CORPUS / "trial-2019.txt").read_text("utf-8").replace("本年新制作数量 | 本年新公开数量", "本年新 | 本年新")
    cells = import_text(text).report.cells
    assert cells["t2.normative_docs.issued"] == 3  # 本年新制作数量, first of the 2019 row
    assert cells["t2.normative_docs.repealed"] is None and cells["t2.normative_docs.in_force"] is None


def test_an_unknown_header_leaves_its_column_blank() -> None:
    text = (CORPUS / "pipes.txt").read_text("utf-8").replace("本年废止件数", "本年某某数")
    result = import_text(text)
    assert result.report.cells["t2.normative_docs.repealed"] is None
    cells = result.report.cells
    assert (cells["t2.normative_docs.issued"], cells["t2.normative_docs.in_force"]) == (3, 12)
    assert any("本年某某数" in line for line in result.account)


# ---- 4. pinyin after the characters, 5. traditional prose

def test_pinyin_annotations_are_removed() -> None:
    assert strip_pinyin("規(guī)章、行政事業(yè)性收費、網站(tufwp.cn)、平台(app)") == (
        "規章、行政事業性收費、網站(tufwp.cn)、平台(app)", 2)
    page = traditional(erkou())
    page = page.replace("規章", "規(guī)章").replace("事業", "事業(yè)").replace("數據", "數(shù)據(jù)")
    result = import_text(page)
    assert result.report.cells == CELLS
    assert any("拼音" in line for line in result.account)


def test_traditional_prose_is_converted_whole() -> None:
    page = traditional(erkou(intro="2023年，我鄉資料庫乾淨整潔。"))
    result = import_text(page)
    assert result.report.text["text.s1.intro"] == "2023年，我乡资料库干净整洁。"
    assert "原文为繁体字，已全文转换为简体字" in result.account


# ---- 6. smaller misses

def test_signing_date_with_spaces_under_the_title() -> None:
    report = import_file(PORTAL / "12_yanglin-zhen-hengdong-2023-oldformat-regs-PARTIAL.txt").report
    assert str(report.meta.date) == "2024-03-26" and report.meta.level is Level.TOWNSHIP


def test_agency_from_the_body_and_its_level() -> None:
    result = import_file(PORTAL / "05_changan-qu-tongjiju-2023-PARTIAL.txt")
    assert (result.report.meta.agency, result.report.meta.level) == ("区统计局", Level.COUNTY_DEPT)
    assert result.missing == frozenset()


def test_no_agency_leaves_the_level_open() -> None:
    result = import_text(erkou(title="2023年政府信息公开工作年度报告", intro="我们认真落实。").replace("我乡", "我们"))
    assert AGENCY in result.missing and LEVEL in result.missing
