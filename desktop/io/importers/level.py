"""The agency's level, from its name and from how the text speaks of itself.

A city's name says whether it is a prefecture-level city (设区的市, prefectures.py) or a county-level city
(县级市, which ranks as a county). Where the name gives no city's own name (「市政府办公室」, 「我市」), the text
decides when it names the units below, and otherwise the level is left open for the clerk. What was inferred
is stated in the import account.
"""

from __future__ import annotations

import re

from desktop.core.fields import Level
from desktop.io.importers.prefectures import prefecture_city_at_end

_MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
_TOWNSHIP_NAME = re.compile(r"(乡|镇|街道|街道办事处|苏木|民族乡)(人民政府|政府)?$")
_DEPARTMENT = re.compile(r"(局|委员会|委|办公室|办公厅|厅|办|中心|署|院|所|站|队|部|处|会|社|馆)$")
_STATE = re.compile(r"^(国务院|国家|中华人民共和国|中国)|^(外交|国防|教育|科学技术|工业和信息化|公安|民政|司法|财政|"
                    r"人力资源和社会保障|自然资源|生态环境|住房和城乡建设|交通运输|水利|农业农村|商务|文化和旅游|"
                    r"退役军人事务|应急管理|审计)部$")
_SELF = (("township", re.compile(r"我(乡|镇|街道|街|苏木)|本(乡|镇|街道|苏木)")),
         ("county", re.compile(r"我(县|区|旗)")), ("city", re.compile(r"我(州|盟)")),
         ("bare_city", re.compile(r"我市")), ("province", re.compile(r"我省")))
_SELF_DEPARTMENT = re.compile(r"(我|本)(局|委|办|厅|中心)(?![\u4e00-\u9fff]{0,1}(乡|镇|县|区|市))")
# Units under a city with districts, and under a county-level city.
_CITY_BELOW = re.compile(r"县区|区县|县（市、区）|县\(市、区\)|县市区|县（区）|各县|市辖区|各区(?!域)")
_COUNTY_BELOW = re.compile(r"乡镇|镇（街道）|镇\(街道\)|乡（镇）")


_UNIT_MARK = re.compile(r"自治区|自治州|自治县|地区|省|市|县|区|旗|盟|州(?![市省])")  # 贵州省 names no 州
_RANK = {"province": 0, "city": 1, "county": 2}
# A bureau's branch named for a place below it (「淮安市公安局清江浦分局」) ranks one level down.
_BRANCH = re.compile(r"局[\u4e00-\u9fff]{2,}分局$")
_BELOW = {"province": "city", "city": "county"}


def _unit(name: str, text: str) -> str | None:
    """The deepest administrative unit a name mentions: province, city or county; None when a 「市」 that
    could be either rank is the deepest and the text does not tell."""
    units: list[str] = []
    previous_end = 0
    for match in _UNIT_MARK.finditer(name):
        mark = match.group(0)
        own_name = match.start() - previous_end  # 「淮安市市场…」「…市城市管理局」 name no second city
        previous_end = match.end()
        if mark in ("省", "自治区") or (mark == "市" and name[: match.end()] in _MUNICIPALITIES):
            units.append("province")
        elif mark == "市" and units and own_name < 2:
            continue
        elif mark == "市" and any(u in ("city", "bare_city") for u in units):
            units.append("county")  # a city inside a prefecture or a city: 县级市
        elif mark == "市" and prefecture_city_at_end(name[: match.end()]):
            units.append("city")
        elif mark == "市" and own_name >= 2:
            units.append("county")  # a city that is no prefecture: 县级市
        elif mark == "市":
            units.append("bare_city")
        elif mark in ("自治州", "州", "地区", "盟"):
            units.append("city")
        else:
            units.append("county")
    if not units:
        return None
    deepest = max(units, key=lambda u: _RANK["city" if u == "bare_city" else u])
    return _city_rank(text) if deepest == "bare_city" else deepest


def _city_rank(text: str) -> str | None:
    """A city's rank from the units its text names below it: 县区 (city), 乡镇 only (county-level)."""
    if _CITY_BELOW.search(text):
        return "city"
    if _COUNTY_BELOW.search(text):
        return "county"
    return None


def infer_level(agency: str, text: str = "") -> tuple[Level | None, str]:
    """(level, why) from the name first, then from 「我镇」-style self references in the text."""
    name = re.sub(r"\s+", "", agency)
    if name:
        if _TOWNSHIP_NAME.search(name):
            return Level.TOWNSHIP, f"机关名称“{agency}”"
        if _STATE.search(name) and not re.search(r"(省|市|县|区)", name):
            return Level.STATE_DEPT, f"机关名称“{agency}”"
        government = name.endswith(("人民政府", "行政公署", "政府"))
        department = not government and _DEPARTMENT.search(name) is not None
        if government or department:
            unit = _unit(name, text)
            if unit is None:
                return None, ""
            if department and _BRANCH.search(name):
                unit = _BELOW.get(unit, unit)
            kind = "gov" if government else "dept"
            told_by_name = _unit(name, "") is not None
            why = f"机关名称“{agency}”" + ("" if told_by_name else "和正文所述下辖单位")
            return Level(f"{unit}_{kind}"), why
    if _SELF_DEPARTMENT.search(text):
        return None, ""  # a department's text: 「我市」 names its government, not its own level
    for unit, pattern in _SELF:
        match = pattern.search(text)
        if match:
            if unit == "township":
                return Level.TOWNSHIP, f"正文中的“{match.group(0)}”"
            if unit == "bare_city":
                rank = _city_rank(text)
                if rank is None:
                    return None, ""
                return Level(f"{rank}_gov"), f"正文中的“{match.group(0)}”和所述下辖单位"
            return Level(f"{unit}_gov"), f"正文中的“{match.group(0)}”"
    return None, ""
