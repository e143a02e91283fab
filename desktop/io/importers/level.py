"""The agency's level, guessed from its name and from how the text speaks of itself.

The guess is stated in the import account so that the clerk can correct it.
"""

from __future__ import annotations

import re

from desktop.core.fields import Level

_MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
_TOWNSHIP_NAME = re.compile(r"(乡|镇|街道|街道办事处|苏木|民族乡)(人民政府|政府)?$")
_DEPARTMENT = re.compile(r"(局|委员会|委|办公室|办公厅|厅|办|中心|署|院|所|站|队|部|处|会)$")
_STATE = re.compile(r"^(国务院|国家|中华人民共和国|中国)|^(外交|国防|教育|科学技术|工业和信息化|公安|民政|司法|财政|"
                    r"人力资源和社会保障|自然资源|生态环境|住房和城乡建设|交通运输|水利|农业农村|商务|文化和旅游|"
                    r"退役军人事务|应急管理|审计)部$")
_SELF = (("township", re.compile(r"我(乡|镇|街道|街)|本(乡|镇|街道)")), ("county", re.compile(r"我(县|区|旗)")),
         ("city", re.compile(r"我(市|州|盟)")), ("province", re.compile(r"我(省|区)")))


_UNIT_MARK = re.compile(r"自治区|自治州|自治县|地区|省|市|县|区|旗|盟")
_RANK = {"province": 0, "city": 1, "county": 2}


def _unit(name: str) -> str | None:
    """The deepest administrative unit a name mentions: province, city or county."""
    units = []
    for match in _UNIT_MARK.finditer(name):
        mark = match.group(0)
        if mark in ("省", "自治区") or (mark == "市" and name[: match.end()] in _MUNICIPALITIES):
            units.append("province")
        elif mark in ("市", "自治州", "地区", "盟"):
            units.append("city")
        else:
            units.append("county")
    return max(units, key=_RANK.__getitem__) if units else None


def infer_level(agency: str, text: str = "") -> tuple[Level | None, str]:
    """(level, why) from the name first, then from 「我镇」-style self references in the text."""
    name = re.sub(r"\s+", "", agency)
    if name:
        if _TOWNSHIP_NAME.search(name):
            return Level.TOWNSHIP, f"机关名称“{agency}”"
        if _STATE.search(name) and not re.search(r"(省|市|县|区)", name):
            return Level.STATE_DEPT, f"机关名称“{agency}”"
        government = name.endswith(("人民政府", "行政公署"))
        unit = _unit(name)
        if unit is not None and (government or _DEPARTMENT.search(name)):
            kind = "gov" if government else "dept"
            return Level(f"{unit}_{kind}"), f"机关名称“{agency}”"
    for unit, pattern in _SELF:
        match = pattern.search(text)
        if match:
            if unit == "township":
                return Level.TOWNSHIP, f"正文中的“{match.group(0)}”"
            return Level(f"{unit}_gov"), f"正文中的“{match.group(0)}”"
    return None, ""
