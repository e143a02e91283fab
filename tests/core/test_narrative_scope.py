"""Whose counts a sentence gives (desktop/core/narrative/scope.py): a township or a department quoting its
county's figures, or a sentence about several agencies, is not compared with the agency's own tables; a
government speaking for its whole place is."""

from __future__ import annotations

import pytest

from desktop.core.fields import Level
from tests.core.test_narrative_rules import ON_REQUEST, PROACTIVE, narrative, pointed_at, township
from tests.fixtures.reports import huaian


@pytest.mark.parametrize("text", [
    "全县各级行政机关共收到政府信息公开申请5000件，办结4900件。",
    "全县共收到政府信息公开申请500件，办结480件。",  # a township's report quoting the county's figures
    "我市共收到政府信息公开申请500件。",
    "全县共收到申请500件，其中予以公开300件。",
])
def test_n02_n03_a_wider_places_counts_in_a_townships_report_are_not_its_own(text: str) -> None:
    report = township({ON_REQUEST: text})
    found = narrative(report)
    assert "N-02" not in found and "N-03" not in found


def test_n02_the_townships_own_place_is_its_own_count() -> None:
    report = township({ON_REQUEST: "全乡共收到政府信息公开申请5件。"})
    (finding,) = narrative(report)["N-02"]
    assert pointed_at(report, finding) == ["5件"]


def test_n02_a_department_quoting_its_county_is_not_compared() -> None:
    report = township({ON_REQUEST: "全县共收到政府信息公开申请500件。"})
    report.meta.agency, report.meta.level = "贵溪市统计局", Level.COUNTY_DEPT
    assert "N-02" not in narrative(report)


def test_n02_a_government_speaks_for_its_place() -> None:
    report = huaian()  # the city government's own report: 「全市共受理政府信息公开申请 3119 件」
    report.text[ON_REQUEST] = "2024年，全市共受理政府信息公开申请3100件，答复3050件。"
    (finding,) = narrative(report)["N-02"]
    assert pointed_at(report, finding) == ["3100件"]
    report.text[ON_REQUEST] = "2024年，全市共受理政府信息公开申请3100件，其中市政府本级受理3119件。"
    assert "N-02" not in narrative(report)


@pytest.mark.parametrize("text", [
    "全县共发生政府信息公开行政复议案件50件，行政诉讼案件20件。",
    "全县行政复议案件均获维持。",
])
def test_n05_a_wider_places_review_cases_are_not_the_townships(text: str) -> None:
    report = township({ON_REQUEST: text})
    assert "N-05" not in narrative(report)


def test_n05_the_townships_own_cases_are_compared() -> None:
    report = township({ON_REQUEST: "全乡共发生政府信息公开行政复议案件50件。"})
    assert "N-05" in narrative(report)


@pytest.mark.parametrize("text", ["全县共制发规范性文件30件。", "我市共制发规范性文件30件，现行有效规范性文件300件。"])
def test_n06_a_wider_places_documents_are_not_the_townships(text: str) -> None:
    report = township({PROACTIVE: text})
    assert "N-06" not in narrative(report)
