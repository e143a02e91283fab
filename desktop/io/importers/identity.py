"""Who reports on which year: the agency, the year and the level, each with where it was read.

Real pages put the title anywhere or nowhere, so each is looked for in order of trust: the clerk's own
answer, the title, the preamble's statement (「现公布…2022年…报告」, 「由…编制」), the statistics period, the portal's
metadata, the signature, the body. What none of them gives is named in ``missing`` and never filled in
silently: the window asks, the command line refuses.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from desktop.core.fields import Level
from desktop.io.importers.chinese_variants import squeeze_spaces
from desktop.io.importers.level import infer_level
from desktop.io.importers.title import ascii_year

YEAR, AGENCY, LEVEL = "year", "agency", "level"
MISSING_NAMES = {YEAR: "报告年度", AGENCY: "机关名称", LEVEL: "机关层级"}

_Y = r"((?:19|20)\d{2})"
_PERIOD = re.compile(_Y + r"年1月1日(?:起)?(?:至|到|—|-|–|～|~)(?:\1年)?12月31日")
_STATEMENT = re.compile(_Y + r"年度?[^，。；,;：:\n]{0,30}?报告")
_ANY_YEAR = re.compile(_Y + r"年(?!(?:修订|修正|版|第|颁布|印发|施行|以来的|之前))")
_LAW_TITLE = re.compile(r"《[^》]{0,60}》|〔[^〕]{0,8}〕|\([^)]{0,20}版\)|（[^）]{0,20}版）")
_PUBLISHER = re.compile(r"(?:现公布|现将|现发布|公布|发布)(?:关于)?([\u4e00-\u9fff]{2,30}?)" + _Y + r"年")
_COMPILER = re.compile(r"由([\u4e00-\u9fff]{2,30}?)(?:根据|依据|按照|结合|负责|编制)")
_SOURCE_LINE = re.compile(r"(?:^|\s)(?:来源|信息来源|发布机构)[:：]\s*([\u4e00-\u9fff]{2,30})")
_AGENCY_END = re.compile(
    r"(人民政府|政府|局|委员会|管委会|办公室|办公厅|厅|中心|署|部|社|馆|乡|镇|苏木|街道|街道办事处)$")
_NOT_NAME = re.compile(r"^(本级|本机关|本单位|我|本|全|各|该|原创|本网|本站|人民政府|政府)")
# Names in the body: a chain of place names before 人民政府, or a name before the unit the text calls itself.
_GOVERNMENT = re.compile(r"[\u4e00-\u9fff]{2,20}?人民政府")
_SELF = re.compile(r"(?:我|本)(局|委|办|厅|中心|部|社|馆|乡|镇|苏木|街道|县|区|旗|市)")
_CLAUSE = re.compile(r"[在的]")  # 「…街道办事处在汉阳区人民政府」 is two names, not one
_DELIMITED = r"(?:^|(?<=[，,。；;：:、（(）)\s]))"
_LEADING_WORDS = re.compile(r"^(?:请与|请|与|由|向|经|通过|本报告可通过|可通过|在|对|和|及|以及|现将|特将|关于)")


@dataclass
class Known:
    """What the clerk supplied (the window's questions, ``--year``/``--agency``/``--level``)."""

    year: int | None = None
    agency: str | None = None
    level: Level | None = None


@dataclass
class Identity:
    agency: str
    year: int  # a placeholder (last year) when YEAR is missing
    level: Level  # a placeholder (township) when LEVEL is missing
    reasons: dict[str, str] = field(default_factory=dict)  # YEAR/AGENCY/LEVEL → where it was read
    missing: frozenset[str] = frozenset()


def _joined(texts: list[str]) -> str:
    """The texts as one line, a year in Chinese numerals (「二〇二三年」) in digits."""
    return ascii_year(squeeze_spaces(" ".join(t for t in texts if t)))


def year_of(title_year: int | None, opening: list[str], date: dt.date | None) -> tuple[int | None, str]:
    """The reported year and where it was read; ``opening`` is the preamble and section 一's text."""
    if title_year is not None:
        return title_year, "标题"
    text = _joined(opening)
    period = _PERIOD.search(text)
    if period:
        return int(period.group(1)), "统计期限"
    without_laws = _LAW_TITLE.sub("", text)
    statement = _STATEMENT.search(without_laws)
    if statement:
        return int(statement.group(1)), f"“{statement.group(0)}”"
    plain = _ANY_YEAR.search(without_laws)
    if plain and int(plain.group(1)) <= dt.date.today().year:
        return int(plain.group(1)), f"正文中的“{plain.group(0)}”"
    if date is not None:
        return date.year - 1, "成文日期"
    return None, ""


def _name(text: str) -> str:
    text = text.strip(" |:：")
    if not text or _NOT_NAME.match(text) or "我" in text or not _AGENCY_END.search(text) or len(text) > 30:
        return ""
    return text


def publisher(opening: list[str]) -> str:
    """「现公布兴仁市人民政府2022年…报告」: the agency the preamble names as the report's own."""
    text = _LAW_TITLE.sub("", _joined(opening))
    for pattern in (_PUBLISHER, _COMPILER):
        match = pattern.search(text)
        if match and _name(match.group(1)):
            return _name(match.group(1))
    return ""


def source_line(lines: list[str]) -> str:
    """「来源：杨林镇」 in the page's furniture, when it names an agency (not 「原创」 or 「本网」)."""
    for line in lines:
        match = _SOURCE_LINE.search(line if len(line) < 80 else "")  # spaces part 「发布时间：… 来源：…」
        if match and _name(match.group(1)):
            return match.group(1)
    return ""


def _most_named(candidates: list[str], text: str, least: int = 2) -> str:
    """The candidate the text names most often, each trimmed of leading words to its most frequent form."""
    counts: Counter[str] = Counter()
    for candidate in candidates:
        forms = [candidate[i:] for i in range(len(candidate) - 2)]
        forms = [f for f in forms if _name(f) and not _LEADING_WORDS.match(f)
                 and len(f) - len(_AGENCY_END.search(f).group(0)) >= 2]  # type: ignore[union-attr]
        if forms:
            best = max(forms, key=lambda f: (text.count(f), len(f)))
            counts[best] = text.count(best)
    if not counts:
        return ""
    name, count = counts.most_common(1)[0]
    return name if count >= least else ""


_TOWNSHIP_UNITS = ("乡", "镇", "苏木", "街道")
_TOWNSHIP_SELF = re.compile(r"(?:我|本)(" + "|".join(_TOWNSHIP_UNITS) + ")")
_TOWNSHIP_NAME = re.compile(_DELIMITED + r"([\u4e00-\u9fff]{1,12}?(?:街道办事处|街道|镇|乡|苏木))")
_COUNTY_SELF = re.compile(r"(?:我|本)(县|旗|区)(?!域)")


def self_units(text: str) -> set[str]:
    """The units a text calls itself by, the lowest rank only: {"镇"} for 「我镇」, {"旗"} for 「我旗」."""
    text = squeeze_spaces(text)
    return set(_TOWNSHIP_SELF.findall(text)) or set(_COUNTY_SELF.findall(text))


def agrees(name: str, units: set[str]) -> bool:
    """Whether a name can be the agency of a text that calls itself 我镇 (or 我旗, 我县): a township's page often
    names the county above it as its 来源 and in its boilerplate (「请与衡东县人民政府办公室联系」), a county's page
    its city."""
    return not units or any(unit in name for unit in units)


def body_agency(text: str) -> str:
    """An agency the body names and calls itself by: 「区统计局…我局」, 「柞水县凤凰镇人民政府」."""
    text = squeeze_spaces(text)
    own = _SELF.search(text)
    unit = own.group(1) if own else ""
    if unit in ("局", "委", "办", "厅", "中心", "部", "社", "馆"):
        end = {"办": "办公室", "委": "委员会", "社": "社(?:联合社)?"}.get(unit, unit)
        branch = r"(?:[\u4e00-\u9fff]{1,6}?分局)?" if unit == "局" else ""
        pattern = re.compile(_DELIMITED + r"([\u4e00-\u9fff]{1,12}?" + end + branch + ")")
        found = _most_named(pattern.findall(text), text, least=1)
        if found:
            return found
    units = self_units(text)
    names = [name for name in _GOVERNMENT.findall(text) if agrees(name, units) and not _CLAUSE.search(name)]
    found = _most_named(names, text, least=1 if units else 2)  # once is enough for the unit the text calls itself
    if not found and unit in _TOWNSHIP_UNITS:  # 「2023年，石湖镇认真…我镇」
        found = _most_named([name for name in _TOWNSHIP_NAME.findall(text) if agrees(name, units)], text, least=1)
    if found or unit:
        return found
    departments = re.findall(_DELIMITED + r"([\u4e00-\u9fff]{1,12}?(?:局|办公室|委员会))", text)
    return _most_named(departments, text)


def calls_itself(name: str, text: str) -> bool:
    """Whether the text calls itself by the unit the name ends in: 「我局」 for 「淮安市统计局」, 「我镇」 for
    「杨林镇人民政府」, 「我区」 for 「清江浦区人民政府」. A text that calls itself nothing proves nothing."""
    own = _SELF.search(squeeze_spaces(text))
    if own is None:
        return False
    unit = own.group(1)
    if unit in _TOWNSHIP_UNITS:
        return unit in name
    if unit in ("县", "区", "旗", "市"):
        return re.search(unit + "(?:人民)?政府$", name) is not None
    return re.search(_OWN_END.get(unit, unit) + "$", name) is not None


# An agency's own office (「高沟镇人民政府党政办公室」): it compiles the report, often, of the agency it serves.
_OFFICE = re.compile(r"^(.{2,}?(?:人民政府|政府|局|委员会|镇|乡|街道办事处|街道|苏木))"
                     r"(?:党政综合办公室|党政办公室|综合办公室|党政办|综合办|办公室)$")


def _served(name: str, text: str) -> str:
    """The agency an office named in the preamble serves, where the text calls itself by that agency's unit:
    「本报告由高沟镇人民政府党政办公室负责编制」 in a text of 「我镇」 is the town's report, and the office's own
    report says 我办."""
    office = _OFFICE.match(name)
    return office.group(1) if office and calls_itself(office.group(1), text) else name


_OWN_END = {"办": "(?:办|办公室|办公厅)", "委": "(?:委|委员会)", "社": "社(?:联合社)?", "局": "局"}


def identify(known: Known, title: tuple[str, str], title_year: int | None, opening: list[str],
             listed_agency: str, furniture: list[str], signer: str, body: str, date: dt.date | None) -> Identity:
    """``title``: the agency the title names, and the name after it behind a bar or dash (a page title's site,
    perhaps the agency's own: it counts only where the text calls itself by its unit); ``listed_agency``: the
    发文机关 of the portal's metadata or the file's own; ``body``: all the text."""
    title_agency, title_site = title
    reasons: dict[str, str] = {}
    missing: set[str] = set()

    year = known.year
    if year is not None:
        reasons[YEAR] = "导入时填写"
    else:
        year, reasons[YEAR] = year_of(title_year, opening, date)
    if year is None:
        missing.add(YEAR)
        year = dt.date.today().year - 1

    agency = known.agency.strip() if known.agency else ""
    if agency:
        reasons[AGENCY] = "导入时填写"
    else:
        units = self_units(body)
        own = body_agency(body)
        # the title and the preamble's own statement are trusted; the others must fit a text's 「我镇」
        for found, why, trusted in ((title_agency, "标题", True), (_served(publisher(opening), body), "前言", True),
                                    (listed_agency, "发文机关", False), (signer, "落款", False),
                                    (title_site if calls_itself(title_site, body) else "", "网页标题", False),
                                    (source_line(furniture), "网页的“来源”", False),
                                    (own, "正文", False)):
            if found and (trusted or agrees(found, units)):
                # a 来源 or 发文机关 naming the bureau a branch of the body's own belongs to (「…局」, 「…局柞水分局」)
                extended = not trusted and own != found and own.startswith(found)
                agency, reasons[AGENCY] = (own, "正文") if extended else (found, why)
                break
    if not agency:
        missing.add(AGENCY)

    level = known.level
    if level is not None:
        reasons[LEVEL] = "导入时填写"
    else:
        level, reasons[LEVEL] = infer_level(agency, body)
    if level is None:
        missing.add(LEVEL)
        level = Level.TOWNSHIP
    return Identity(agency, year, level, {k: v for k, v in reasons.items() if v}, frozenset(missing))
