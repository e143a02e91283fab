"""N-07 (the year) and N-08 (the agency) against the title.

Other years are normal in a report: 上年, a 2024年重点工作 planned in a 2023 report, the dates of documents
cited. Only clear cases are reported: the statistics period, the preamble naming this report, a paragraph of
section 一 or 六 that opens with 「YYYY年，」 about the year's work, and the 成文日期.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import replace
from functools import lru_cache

from desktop.core.checks.context import CheckContext
from desktop.core.checks.findings import Finding, Severity, TextSpan
from desktop.core.fields import TEXT_BY_KEY
from desktop.core.leading import leading
from desktop.core.narrative.quotes import scan

E, W = Severity.ERROR, Severity.WARNING
PREAMBLE = "text.preamble"
_YEAR = r"(\d{4})\s*年"
# The end's year may be left out: 「统计期限为2023年1月1日至12月31日」.
_RANGE_TAIL = rf"\s*1\s*月\s*1\s*日\s*起?\s*(?:至|到|—|－|-|~|～)\s*(?:{_YEAR})?\s*12\s*月\s*31\s*日"
_PERIOD = leading(rf"统计(?:期限|时限|期间|时间|区间|周期|范围)[^。\d]{{0,10}}?{_YEAR}{_RANGE_TAIL}")
_BARE_PERIOD = leading(rf"{_YEAR}{_RANGE_TAIL}")
_REPORT_NAME = "政府信息公开工作年度报告"
_THIS_REPORT = leading(rf"{_YEAR}度?\s*{_REPORT_NAME}")
_COMPARED = leading("上年|上一年|去年|相比|对比|较|前一年")
_OPENING = leading(rf"(?m)^[ \t\u3000]*{_YEAR}度?(?:[，,]|全年|(?=本|我|全[乡镇县市区]))")
_GOVERNMENT = re.compile("(?:人民)?政府$")
_PLANS = leading("将|计划|拟|下一步|力争|继续|预计")
# An earlier year told as history, with this year's work after it: 「2019年，我县上线专栏，本年度持续优化。」
_THIS_YEAR_AFTER = leading("本年度?|今年|当年")
# A look back at an earlier year's event: the regulation's revision, an award or an assessment of that year.
_LOOKING_BACK = leading("修订|施行|获评|荣获|被评为|评为|授予|表彰|考核中|评估中|排名")
_OPENING_FIELDS = tuple(k for k, f in TEXT_BY_KEY.items() if f.section in ("一", "六"))
_SIGNED_DATE = leading(rf"(?:^|\n)[ \t\u3000]*{_YEAR}\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日[ \t\u3000]*$")


def _sentence_of(text: str, position: int) -> str:
    start = max(text.rfind(c, 0, position) for c in "。\n") + 1
    ends = [i for i in (text.find(c, position) for c in "。\n") if i >= 0]
    return text[start:min(ends) if ends else len(text)]


def _year_finding(key: str, match: re.Match[str], groups: tuple[int, ...], year: int, message: str) -> Finding | None:
    wrong = [g for g in groups if match.group(g) and int(match.group(g)) != year]
    if not wrong:
        return None
    spans = tuple(TextSpan(key, match.start(g), match.end(g)) for g in wrong)
    return Finding("N-07", E, (key, "meta.year"), message, None, spans)


@lru_cache(maxsize=16)
def _opening_by_name(agency: str) -> re.Pattern[str] | None:
    """「2023年耳口乡坚持…」 opens with the year and the agency, as 「2023年，我乡…」 does."""
    names = {n for n in (agency, _GOVERNMENT.sub("", agency)) if len(n) >= 2}
    if not names:
        return None
    return re.compile(rf"(?m)^[ \t\u3000]*{_YEAR}度?(?={'|'.join(map(re.escape, sorted(names)))})")


def _at_line_starts(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that begins with ``(?m)^``: tried at the start of each line
    only, where the engine would try at every character that may follow ^."""
    found: list[re.Match[str]] = []
    start = 0
    while start >= 0:
        match = pattern.match(text, start) if not found or start >= found[-1].end() else None
        if match is not None:
            found.append(match)
        start = text.find("\n", start) + 1 or -1
    return found


def _openings(text: str, agency: str) -> list[re.Match[str]]:
    by_name = _opening_by_name(agency)
    found = {m.start(): m for m in _at_line_starts(_OPENING, text)}
    for match in _at_line_starts(by_name, text) if by_name is not None else ():
        found.setdefault(match.start(), match)
    return [found[start] for start in sorted(found)]


@lru_cache(maxsize=256)
def written_in(key: str, text: str, year: int, agency: str = "") -> tuple[Finding | None, ...]:
    """The years a text field states for the report itself."""
    found: list[Finding | None] = []
    periods = list(_PERIOD.finditer(text)) or (list(_BARE_PERIOD.finditer(text)) if key == PREAMBLE else [])
    for period in periods:
        end = f"{period.group(2)}年" if period.group(2) else ""
        message = f"统计期限写的是{period.group(1)}年1月1日至{end}12月31日，报告年度为{year}年"
        found.append(_year_finding(key, period, (1, 2), year, message))
    if key == PREAMBLE and _REPORT_NAME in text:
        for named in _THIS_REPORT.finditer(text):
            if not _COMPARED.search(_sentence_of(text, named.start())):
                message = f"前言称本报告为{named.group(1)}年度报告，标题年度为{year}年"
                found.append(_year_finding(key, named, (1,), year, message))
    if key in _OPENING_FIELDS:
        for opening in _openings(text, agency):
            if key == "text.s6" and int(opening.group(1)) == year + 1:
                continue  # section 六 often closes with the next year's work
            sentence = _sentence_of(text, opening.end())
            history = int(opening.group(1)) < year and (
                _THIS_YEAR_AFTER.search(sentence) or f"{year}年" in sentence or _LOOKING_BACK.search(sentence))
            if _PLANS.search(sentence):
                continue
            message = f"“{TEXT_BY_KEY[key].label}”一段以{opening.group(1)}年开头，报告年度为{year}年"
            finding = _year_finding(key, opening, (1,), year, message)
            if finding is not None and history:  # history, or last year's text with 本年度 in it: asked, not wrong
                finding = replace(finding, severity=W, message=f"{message}；如是回顾往年的工作，可不修改")
            elif finding is not None and int(opening.group(1)) == year + 1:  # written early next year: asked
                finding = replace(finding, severity=W, message=f"{message}；如写的是编制报告时的新进展，可不修改")
            found.append(finding)
    signed = _SIGNED_DATE.search(text) if key == "text.s6" else None
    if signed and int(signed.group(1)) != year + 1:
        found.append(Finding("N-07", W, (key, "meta.year"),
                             f"落款日期在{signed.group(1)}年，应在报告年度的次年（{year + 1}年）", None,
                             (TextSpan(key, signed.start(1), signed.end(1)),)))
    return tuple(found)


def year_agrees(ctx: CheckContext) -> list[Finding]:
    """N-07."""
    meta = ctx.report.meta
    found: list[Finding | None] = []
    if meta.date is not None and meta.date.year != meta.year + 1:
        found.append(Finding("N-07", W, ("meta.date", "meta.year"),
                             f"成文日期{meta.date.year}年{meta.date.month}月{meta.date.day}日不在报告年度的次年"
                             f"（{meta.year + 1}年）"))
    for key, text in ctx.report.text.items():
        if text:
            found += written_in(key, scan(text).text, meta.year, meta.agency.strip())  # folded, read once
    return [f for f in found if f is not None]


# ---- N-08

_SUFFIX = "(?:人民政府|政府|办公室|办公厅|办事处|委员会|局|厅|委|部|署|乡|镇|街道|中心|院|会|所|处|站)"
_NAME = rf"[^\s，。、；：:（）()《》“”\d]{{1,28}}?{_SUFFIX}"
_NAMED = (
    leading(rf"本(?:年度)?报告由(?P<name>{_NAME})(?:根据|依据|按照|依照|编制|负责|制作|汇总|组织)"),
    leading(rf"(?:^|[。\n])[ \t\u3000]*(?P<name>{_NAME})(?:根据|依据|按照|依照)《"),
    leading(rf"请与(?P<name>{_NAME})联系"),
    leading(rf"由(?P<name>{_NAME})(?:负责|汇总|综合)?编制"),
    leading(rf"(?P<name>{_NAME})\s*\d{{4}}\s*年度?\s*{_REPORT_NAME}"),
)
# A pattern may begin anywhere; one whose words are not in the text is not tried.
_NAMED_NEEDS = {_NAMED[-1]: _REPORT_NAME}
_SIGNATURE = leading(rf"(?:^|\n)[ \t\u3000]*(?P<name>{_NAME})[ \t\u3000]*(?=\n[ \t\u3000]*\d{{4}}\s*年|$)")
_GENERIC = leading("人民政府|政府|办公室|办公厅|办事处|街道|管理委员会|委员会|人民")
_DIVISIONS = set("省市县区乡镇")  # 淮安市 and 宿迁市 share 市, which says nothing


def _bigrams(name: str) -> set[str]:
    core = _GENERIC.sub("", name)
    pairs = (core[i:i + 2] for i in range(len(core) - 1))
    return {p for p in pairs if not _DIVISIONS & set(p)}


_PLACE = re.compile(r"[\u4e00-\u9fff]{2,}?(?:省|市|县|区|乡|镇|旗|盟|州|街道)")


def clear_conflict(named: str, agency: str) -> bool:
    """Two names clearly differ: neither contains the other and their place names share no two characters.
    An office named without its place (「乡党政综合办公室」「区数据局」「领导小组办公室」) is no other agency."""
    if not named or not agency or named in agency or agency in named or not _PLACE.match(named):
        return False
    a, b = _bigrams(named), _bigrams(agency)
    return bool(a) and bool(b) and not a & b


@lru_cache(maxsize=64)
def named_in(key: str, text: str, agency: str) -> tuple[Finding, ...]:
    patterns = _NAMED if key == PREAMBLE else (_SIGNATURE,)
    start = max(0, len(text) - 80) if key == "text.s6" else 0  # a signature is in the last lines only
    found = []
    named: list[tuple[int, int]] = []  # disjoint and in order, so one neighbour tells an overlap
    for pattern in patterns:
        if _NAMED_NEEDS.get(pattern, "") not in text:
            continue
        for match in pattern.finditer(text, start):
            span = match.span("name")
            before = bisect_left(named, (span[1],)) - 1  # the last name starting before this one ends
            if before >= 0 and named[before][1] > span[0]:
                continue  # the same words, read by a looser pattern
            insort(named, span)
            name = match.group("name")
            if clear_conflict(name, agency):
                found.append(Finding("N-08", W, (key, "meta.agency"),
                                     f"“{TEXT_BY_KEY[key].label}”中的机关名称“{name}”与标题中的“{agency}”不一致",
                                     None, (TextSpan(key, *span),)))
    return tuple(found)


def agency_agrees(ctx: CheckContext) -> list[Finding]:
    """N-08: the preamble and a signature at the end of section 六 against meta.agency."""
    agency = ctx.report.meta.agency.strip()
    if not agency:
        return [Finding("N-08", W, ("meta.agency",), "机关名称为空：标题和落款中将没有机关名称，请在“基本信息”中填写")]
    return [f for key in (PREAMBLE, "text.s6") for f in named_in(key, ctx.report.text[key], agency)]
