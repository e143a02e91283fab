"""Last year's report of the same agency, named with the usual variants."""

from __future__ import annotations

import pytest

from desktop.core.review.agencies import Candidate, agency_key, match_last_year


@pytest.mark.parametrize(("one", "other"), [
    ("耳口乡", "耳口乡人民政府"), ("县政府办公室", "县人民政府办公室"), ("淮安市 人民政府", "淮安市人民政府"),
    ("贵溪市发展和改革委员会", "贵溪市发展和改革委"), ("城关街道办事处", "城关街道"), ("ＡＢ县统计局", "AB县统计局"),
])
def test_variants_of_a_name_have_one_key(one: str, other: str) -> None:
    assert agency_key(one) == agency_key(other)


def test_different_agencies_keep_different_keys() -> None:
    assert agency_key("耳口乡") != agency_key("耳口镇")
    assert agency_key("县统计局") != agency_key("县财政局")


def candidates() -> list[Candidate[str]]:
    return [Candidate("耳口乡人民政府", 2022, "erkou-2022"), Candidate("杨林镇人民政府", 2022, "yanglin-2022"),
            Candidate("区统计局", 2021, "tongji-2021"), Candidate("杨林镇", 2021, "yanglin-2021"),
            Candidate("县统计局", 2022, "a"), Candidate("县统计局", 2022, "b")]


def test_the_same_agency_of_the_year_before_is_found() -> None:
    assert match_last_year("耳口乡", 2023, candidates()).candidate.item == "erkou-2022"  # type: ignore[union-attr]
    found = match_last_year("衡阳市衡东县杨林镇", 2023, candidates())
    assert found.candidate is not None and found.candidate.item == "yanglin-2022"


def test_no_match_says_why() -> None:
    assert match_last_year("石塘镇", 2023, candidates()).note == "上年度文件夹中没有该机关的报告"
    wrong_year = match_last_year("区统计局", 2023, candidates())
    assert wrong_year.candidate is None and "2021年度的，不是2022年度" in wrong_year.note
    twice = match_last_year("县统计局", 2023, candidates())
    assert twice.candidate is None and "有2份" in twice.note


def test_a_short_name_is_not_found_inside_any_longer_one() -> None:
    assert match_last_year("林镇", 2023, candidates()).candidate is None
