"""The report's parts outside the tables: metadata, text fields, section headings and agency levels."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from desktop.core.tablespec import T2, T3, T4


class Level(str, Enum):
    TOWNSHIP = "township"
    COUNTY_GOV = "county_gov"
    COUNTY_DEPT = "county_dept"
    CITY_GOV = "city_gov"
    CITY_DEPT = "city_dept"
    PROVINCE_GOV = "province_gov"
    PROVINCE_DEPT = "province_dept"
    STATE_DEPT = "state_dept"

    @property
    def label(self) -> str:
        return LEVEL_LABELS[self]

    @property
    def is_government(self) -> bool:
        """People's governments (townships included) report 工作要点 and 考核/评议/追究."""
        return self in (Level.TOWNSHIP, Level.COUNTY_GOV, Level.CITY_GOV, Level.PROVINCE_GOV)

    @property
    def makes_rules(self) -> bool | None:
        """True: may issue 规章. False: never. None: a department that normally does not (warn only)."""
        if self in (Level.CITY_GOV, Level.PROVINCE_GOV, Level.STATE_DEPT):
            return True
        if self in (Level.CITY_DEPT, Level.PROVINCE_DEPT):
            return None
        return False


LEVEL_LABELS: dict[Level, str] = {
    Level.TOWNSHIP: "乡镇、街道",
    Level.COUNTY_GOV: "县级人民政府",
    Level.COUNTY_DEPT: "县级人民政府部门",
    Level.CITY_GOV: "设区的市、自治州人民政府",
    Level.CITY_DEPT: "设区的市、自治州人民政府部门",
    Level.PROVINCE_GOV: "省级人民政府",
    Level.PROVINCE_DEPT: "省级人民政府部门",
    Level.STATE_DEPT: "国务院部门",
}


S1_HEADING = "一、总体情况"
S5_HEADING = "五、存在的主要问题及改进情况"
S6_HEADING = "六、其他需要报告的事项"


@dataclass(frozen=True)
class TextField:
    key: str  # canonical key, e.g. text.s1.proactive
    heading: str  # printed heading, empty when the text has none of its own
    label: str  # name in the editor and in messages
    section: str  # 一 … 六, or "" for the preamble


TEXT_FIELDS: tuple[TextField, ...] = (
    TextField("text.preamble", "", "前言", ""),
    TextField("text.s1.intro", "", "总体情况开头", "一"),
    TextField("text.s1.proactive", "（一）主动公开", "（一）主动公开", "一"),
    TextField("text.s1.on_request", "（二）依申请公开", "（二）依申请公开", "一"),
    TextField("text.s1.management", "（三）政府信息管理", "（三）政府信息管理", "一"),
    TextField("text.s1.platform", "（四）政府信息公开平台建设", "（四）政府信息公开平台建设", "一"),
    TextField("text.s1.oversight", "（五）监督保障", "（五）监督保障", "一"),
    TextField("text.s5", "", S5_HEADING, "五"),
    TextField("text.s6", "", S6_HEADING, "六"),
)
TEXT_BY_KEY: dict[str, TextField] = {f.key: f for f in TEXT_FIELDS}
S1_PARTS: tuple[TextField, ...] = tuple(f for f in TEXT_FIELDS if f.key.startswith("text.s1.") and f.heading)
# People's governments add the results of assessment, evaluation and accountability to （五）.
OVERSIGHT_HEADING_FOR_GOVERNMENTS = "（五）监督保障（工作考核、社会评议和责任追究结果情况）"


@dataclass(frozen=True)
class Section:
    number: str
    heading: str
    table: str | None  # table id printed under the heading
    text_keys: tuple[str, ...]


SECTIONS: tuple[Section, ...] = (
    Section("一", S1_HEADING, None, tuple(f.key for f in TEXT_FIELDS if f.section == "一")),
    Section(T2.number, T2.title, T2.id, ()),
    Section(T3.number, T3.title, T3.id, ()),
    Section(T4.number, T4.title, T4.id, ()),
    Section("五", S5_HEADING, None, ("text.s5",)),
    Section("六", S6_HEADING, None, ("text.s6",)),
)

TITLE_SUFFIX = "政府信息公开工作年度报告"


@dataclass(frozen=True)
class MetaField:
    key: str
    label: str


META_FIELDS: tuple[MetaField, ...] = (
    MetaField("meta.agency", "机关名称"),
    MetaField("meta.level", "机关层级"),
    MetaField("meta.year", "报告年度"),
    MetaField("meta.date", "成文日期"),
)
META_BY_KEY: dict[str, MetaField] = {f.key: f for f in META_FIELDS}
OPTION_MANUAL_TOTALS = "options.manual_totals"
PREVIOUS = "previous"  # last year's values kept in the report (an edit like any other)
# Next year's report starts from this year's: text fields still holding last year's text as a draft, and the
# 现行有效件数 cells that follow last year's figure plus 制发 minus 废止 until the clerk types them.
DRAFTS = "drafts"
IN_FORCE_FOLLOWS = "in_force_follows"
IN_FORCE_ROWS = ("regulations", "normative_docs")


def report_title(agency: str, year: int) -> str:
    return f"{agency}{year}年{TITLE_SUFFIX}"
