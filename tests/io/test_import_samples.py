"""Each real sample imports with every value as published."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.fields import Level
from desktop.core.tablespec import CELLS
from desktop.io.importing import import_file
from tests.fixtures.reports import SAMPLES, huaian_cells, seed


@pytest.fixture(scope="module")
def erkou():
    return import_file(SAMPLES / "erkou-2023.txt")


@pytest.fixture(scope="module")
def huaian():
    return import_file(SAMPLES / "huaian-2024.pdf")


def test_erkou_text_is_the_hand_entered_seed(erkou) -> None:
    expected = seed()
    assert erkou.report.meta == expected.meta
    assert erkou.report.text == expected.text
    assert erkou.report.cells == expected.cells
    assert len(erkou.report.cells) == len(CELLS) == 200


def test_erkou_provenance_and_account(erkou) -> None:
    report = erkou.report
    assert report.manual_totals is True
    assert report.provenance.source == "erkou-2023.txt"
    assert report.provenance.missing_parts == []
    assert report.provenance.trial_2019_headers == []
    assert report.provenance.extra_labels == []
    account = "\n".join(erkou.account)
    assert "耳口乡" in account and "2023年" in account and "2024年1月4日" in account
    assert Level.TOWNSHIP.label in account
    assert "表三：175个单元格全部导入" in account


def test_huaian_pdf_every_table_value(huaian) -> None:
    expected = huaian_cells()
    assert {k: huaian.report.cells[k] for k in expected} == expected
    assert huaian.report.cells["t3.total.total"] == 3050
    assert huaian.report.cells["t4.review.total"] == 351


def test_huaian_pdf_meta_and_level(huaian) -> None:
    meta = huaian.report.meta
    assert (meta.agency, meta.year, meta.level) == ("淮安市人民政府", 2024, Level.CITY_GOV)
    assert meta.date is None  # the PDF prints no 成文日期; none is invented
    assert any("成文日期：未找到" in line for line in huaian.account)


@pytest.mark.parametrize(("key", "start", "end"), [
    ("text.preamble", "本报告由淮安市人民政府办公室根据《中华人民共和国政府信息公开条例》", "hazwgkc@163.com）。"),
    ("text.s1.intro", "2024年，我市坚持以习近平新时代中国特色社会主义思想为指导", "圆满完成了各项任务。"),
    ("text.s1.proactive", "2024年，市政府网站主动公开各类政府信息5500余条", "回应舆论关切。"),
    ("text.s1.on_request", "定期对政府信息公开申请集中的领域和热点问题进行研判", "尚未审结7件。"),
    ("text.s1.management", "在政府网站、政务新媒体、政府公报等公开平台发布信息时", "一体化互联网政务服务平台。"),
    ("text.s1.platform", "进一步优化政务公开专栏设置", "合格率均为100%。"),
    ("text.s1.oversight", "根据省政务公开年度和季度监测指标，全年组织4次", "工作能力和水平。"),
    ("text.s5", "对照上级新要求和公众新期待，还有一些需要加强和改进的地方。", "增强队伍凝聚力。"),
    ("text.s6", "2024年，市政府严格落实《政府信息公开信息处理费管理办法》", "信息处理费3940元。"),
])
def test_huaian_pdf_sections(huaian, key: str, start: str, end: str) -> None:
    text = huaian.report.text[key]
    assert text.startswith(start)
    assert text.endswith(end)
    assert "- " not in text and " 年" not in text  # page numbers and PDF spacing are gone


def test_huaian_pdf_paragraphs_across_pages(huaian) -> None:
    """（一） runs over a page break and the 「- 1 -」 page number between its lines."""
    proactive = huaian.report.text["text.s1.proactive"]
    assert "\n" not in proactive
    assert "“建设‘四最’一流营商环境高质量推进产业发展”" in proactive
    assert huaian.report.text["text.s5"].count("\n") == 1


def test_blank_template_imports_blank(tmp_path: Path) -> None:
    result = import_file(SAMPLES / "template-2021.docx")
    report = result.report
    assert all(value is None for value in report.cells.values())
    assert all(text == "" for text in report.text.values())  # 「（文字描述）」 is the template's, not text
    assert report.meta.agency == ""
    assert "标题" in report.provenance.missing_parts
    assert not any(part.startswith(("二、", "三、", "四、", "表")) for part in report.provenance.missing_parts)
    assert any("未找到报告年度" in line for line in result.account)
    assert any("机关层级：无法判断" in line for line in result.account)
