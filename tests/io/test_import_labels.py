"""The pieces the importers share: label matching from the spec, variants, level, punctuation."""

from __future__ import annotations

import subprocess
import sys

import pytest

from desktop.core.fields import Level
from desktop.core.tablespec import T2_BLOCKS, T3_GROUPS, t3_row_labels
from desktop.core.typography import full_width_punctuation
from desktop.io.importers import label_match as lm
from desktop.io.importers.chinese_variants import TRADITIONAL_TO_SIMPLIFIED, to_simplified
from desktop.io.importers.level import infer_level
from desktop.io.importers.meta import to_date


def test_every_t3_row_label_is_recognised_in_its_printed_forms() -> None:
    for key, label in t3_row_labels().items():
        own = label.split(" ")[-1]
        group = next((g for g, rows in T3_GROUPS.items() if key in rows), "")
        assert lm.match_t3_row(label, group, True) == key
        assert lm.match_t3_row(own.replace(".", "、"), group, True) == key  # 「1、」 for 「1.」, as in PDFs
        assert lm.match_t3_row(" ".join(own), group, True) == key  # one character per line


def test_every_t2_row_label_is_recognised() -> None:
    for index, (_, _, rows, _) in enumerate(T2_BLOCKS):
        for key, label in rows:
            assert lm.t2_row(label) == (key, index)


def test_column_words_are_not_rows_in_the_header() -> None:
    assert lm.match_t3_row("其他", "", in_body=False) is None
    assert lm.match_t3_row("总计", "", in_body=False) is None
    assert lm.match_t3_row("其他", "other", in_body=True) == "other_3"


def test_cut_and_split_labels() -> None:
    assert lm.match_t3_row("（二）部分公开", "", True) == "partial"
    assert lm.match_t3_row("(二)部分公开(区分处理的,只计这一情形,不计其他情形)", "", True) == "partial"
    assert lm.is_label_fragment("法提供") and lm.is_label_fragment("商业")
    assert not lm.is_label_fragment("（八）其他情形")


def test_traditional_labels() -> None:
    assert to_simplified("一、本年新收政府信息公開申請數量") == "一、本年新收政府信息公开申请数量"
    assert to_simplified("政府信息公開平臺建設") == "政府信息公开平台建设"
    assert all(chr(code) != simple for code, simple in TRADITIONAL_TO_SIMPLIFIED.items())


@pytest.mark.parametrize(("raw", "printed"), [
    ("(一)工作中存在的主要问题:", "（一）工作中存在的主要问题："),
    ("2023年,我乡;办结0件", "2023年，我乡；办结0件"),
    ("主动公开5,500条,网址http://www.gov.cn", "主动公开5,500条，网址http://www.gov.cn"),
])
def test_full_width_punctuation(raw: str, printed: str) -> None:
    assert full_width_punctuation(raw) == printed


@pytest.mark.parametrize(("name", "text", "level"), [
    ("耳口乡", "", Level.TOWNSHIP),
    ("某某街道办事处", "", Level.TOWNSHIP),
    ("", "2023年，我镇认真落实", Level.TOWNSHIP),
    ("清河县乡村振兴局", "", Level.COUNTY_DEPT),
    ("南京市鼓楼区教育局", "", Level.COUNTY_DEPT),
    ("淮安市人民政府", "督促各县区落实", Level.CITY_GOV),
    ("淮安市财政局", "指导各县区财政部门", Level.CITY_DEPT),
    ("兴仁市人民政府", "乡镇动态1331条", Level.COUNTY_GOV),
    ("黔西南州兴仁市人民政府", "", Level.COUNTY_GOV),
    ("苏州市昆山市教育局", "", Level.COUNTY_DEPT),
    ("淮安市市场监督管理局", "各县区", Level.CITY_DEPT),
    ("区统计局", "", Level.COUNTY_DEPT),
    ("北京市人民政府", "", Level.PROVINCE_GOV),
    ("北京市朝阳区人民政府", "", Level.COUNTY_GOV),
    ("江苏省教育厅", "", Level.PROVINCE_DEPT),
    ("教育部", "", Level.STATE_DEPT),
    # the city's own name tells a prefecture-level city from a county-level one
    ("淮安市人民政府", "", Level.CITY_GOV),
    ("淮安市人民政府", "推进政务公开向乡镇延伸", Level.CITY_GOV),
    ("东莞市人民政府", "指导各镇（街道）", Level.CITY_GOV),
    ("湖南省衡阳市人民政府", "", Level.CITY_GOV),
    ("景德镇市人民政府", "", Level.CITY_GOV),  # a 镇 in a city's name makes no township
    ("兴仁市人民政府", "", Level.COUNTY_GOV),
    ("湖南省耒阳市统计局", "", Level.COUNTY_DEPT),
    ("中共淮安市委宣传部", "", Level.CITY_DEPT),
    ("淮安市公安局清江浦分局", "", Level.COUNTY_DEPT),  # a branch ranks one level below its bureau
])
def test_level_from_name_and_text(name: str, text: str, level: Level) -> None:
    assert infer_level(name, text)[0] is level


def test_unknown_level_is_not_guessed() -> None:
    assert infer_level("某单位", "")[0] is None
    assert infer_level("市政府办公室", "")[0] is None  # 设区的市 or 县级市: a name without the city's own does not say
    assert infer_level("", "我局认真落实，我市")[0] is None  # a department speaks of its city


def test_dates_in_print() -> None:
    assert str(to_date("二〇二四年一月十二日")) == "2024-01-12"
    assert str(to_date("2024 年 1 月 4 日")) == "2024-01-04"
    assert to_date("2024年2月30日") is None


def test_importing_stays_light() -> None:
    """The window imports the API at start-up: no Qt, no PDF or Word library until a file is read."""
    code = ("import sys, desktop.io.importing; "
            "print(sorted(m for m in ('PySide6', 'pdfplumber', 'pypdfium2', 'docx', 'pdfminer') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
