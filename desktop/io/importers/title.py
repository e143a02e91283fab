"""The report's title line in the forms real pages print it.

「机关YYYY年…年度报告」 is the official order, but pages also put the year first (「2022年度螅镇…」), wrap the
title in 《》, leave page furniture on the same line (「【字体：大 中 小】打印」) or garble its end
(「…公开 工作告年度报」). A sentence that merely mentions the report is no title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.io.importers.chinese_variants import squeeze_spaces

_MAX_LENGTH = 60
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度?")
_CHINESE_YEAR = re.compile(r"[〇○零一二三四五六七八九]{4}(?=\s*年)")
_CHINESE_DIGITS = str.maketrans("〇○零一二三四五六七八九", "00012345678" + "9")
_WIDE_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_FURNITURE_PREFIX = re.compile(
    r"^(?:【[^】]*】|\[[^\]]*\]|(?:字体|字号|打印|关闭|分享|收藏)[:：]?\s*(?:大\s*中\s*小)?)\s*")
_SENTENCE = re.compile(r"[，。；：:;,]|如下")
_OPENING_WORDS = re.compile(r"^(根据|依据|按照|现将|现公布|现予|特此|本报告|本年度报告|报告|我[乡镇县区市局委办])")
# Where the agency ends in a year-first title: the words of the report's own name.
_KIND = re.compile(r"(?:政府|政务)?(?:信息)?公开")
_NOT_AGENCY = re.compile(r"^(本级|本机关|本单位|我[乡镇县区市局委办])$")
# A note after the title: 「（简版）」「（修订）」「（全文）」「（更正）」.
_NOTE = re.compile(r"[（(](?:简版|简本|修订版?|全文|更正版?|更新版?|正式版|定稿)[）)]$")
# A page title's site name after a bar, a dash or an underscore (「…年度报告 | 衡东县人民政府」「…年度报告_淮安市
# 统计局」), and the path of a breadcrumb before it.
_SITE_CUT = r"\s*(?:[|｜_]|\s[-－—]\s|(?<=告)[-－—])\s*"
_SITE_NAME = re.compile(_SITE_CUT + r"(.*)$")
_SITE_CUT_AGAIN = re.compile(_SITE_CUT.replace("(?<=告)", ""))
_BREADCRUMB = re.compile(r"^.*[>＞»]")
# The agency printed beside the report's name, as part of the title: 「【涟水县统计局】2023年度…」,
# 「…年度报告（涟水县统计局）」, 「…年度报告——涟水县统计局」.
_BESIDE = re.compile(r"^【(?P<before>[^】]{2,30})】"
                     r"|(?:[（(](?P<bracketed>[^（()）]{2,30})[）)]|——(?P<dashed>.{2,30}))$")
# The year after a title's report name, or on the line below it: 「（2023年度）」「2023年度」.
YEAR_NOTE = re.compile(r"[（(]?\s*((?:19|20)\d{2})\s*(?:年度?)?\s*[）)]?$")
# A title that is only the report's name: the agency may be on the line above, the year in the text.
_BARE = re.compile(r"(?:政府信息|政务)公开(?:工作)?(?:年度报告|年报)")
# 「…关于2023年度…年度报告的公告」: the notice that publishes it.
_NOTICE = re.compile(r"的(?:公告|通知|公示|通报)$")
_SEPARATORS = " -－—_|｜:："
# An attachment's link or a page title made from the file's name: 「…年度报告.docx」.
_FILE_SUFFIX = re.compile(r"\.(?:docx?|wps|pdf|ofd|html?|txt)$", re.IGNORECASE)
AGENCY_END = re.compile(
    r"(人民政府|政府|局|委员会|管委会|委|办公室|办公厅|厅|办|中心|署|部|社|馆|乡|镇|苏木|街道|街道办事处)$")


@dataclass(frozen=True)
class Title:
    text: str  # the line without furniture and brackets
    agency: str  # "" when the title names none
    year: int | None  # None for a title without one (the year is read elsewhere)
    # A name after the report's name behind a bar, dash or underscore: the agency, or only the site's owner
    # (「…年度报告_淮安市人民政府」 on the city's portal for one of its bureaus).
    site: str = ""


def _named_before_kind(text: str) -> str:
    """「涟水县人民政府信息公开…」 → 涟水县人民政府: the words before the report's name."""
    kind = _KIND.search(text)
    agency = text[: kind.start()] if kind else ""
    if kind and agency.endswith("人民") and text[kind.start():].startswith("政府"):
        agency += "政府"
    return agency


def _agency(name: str) -> str:
    name = name.strip().removesuffix("关于").strip()  # 「衡东县教育局关于2023年度…」
    return "" if _NOT_AGENCY.match(name) else name


def _yearless(text: str, year: int | None, beside: str) -> Title | None:
    """A title without a year in it: its year in brackets after it (「…年度报告（2023年度）」), or none at all, when
    it names its agency (「涟水县统计局政府信息公开工作年度报告」 with the year in the line below or the text)."""
    agency = _agency(_named_before_kind(text)) or beside
    if year is None and not AGENCY_END.search(agency) and not _BARE.fullmatch(text):
        return None
    return Title(text, agency, year)


def _beside(text: str) -> tuple[str, str]:
    """The title without an agency printed beside it, and that agency ("" when there is none)."""
    match = _BESIDE.search(text)
    if match is None:
        return text, ""
    name = next(g for g in match.groups() if g).strip()
    if not AGENCY_END.search(name) or _NOT_AGENCY.match(name):
        return text, ""
    return (text[:match.start()] + text[match.end():]).strip(), name


def _ends_as_report(text: str) -> bool:
    """「…公开工作年度报告」, also garbled: what follows the last 公开 is made of 工作年度报告's characters."""
    at = text.rfind("公开")
    if at < 0:
        return False
    tail = _YEAR.sub("", text[at + 2:]).rstrip("》」”\"）) ")  # 「…公开工作2023年度报告」
    if tail.endswith("年报"):  # 「…政府信息公开年报」
        return len(tail) <= 4 and set(tail) <= set("工作年度报")
    return bool(tail) and len(tail) <= 8 and {"报", "告"} <= set(tail) and set(tail) <= set("工作的年度报告")


def strip_furniture(text: str) -> str:
    """The line without the page's tools printed before it (「【字体：大 中 小】打印」)."""
    previous = None
    while previous != text:
        previous = text
        text = _FURNITURE_PREFIX.sub("", text, count=1)
    return text


def ascii_year(text: str) -> str:
    """The text with a year in full-width digits (「２０２３年」) or in Chinese ones (「二〇二三年」) written in
    ASCII digits, character for character, so that positions in it are positions in the text."""
    text = text.translate(_WIDE_DIGITS)
    return _CHINESE_YEAR.sub(lambda m: m.group(0).translate(_CHINESE_DIGITS), text)


def parse_title(line: str) -> Title | None:
    text, beside = _beside(_FILE_SUFFIX.sub("", squeeze_spaces(line).strip()))
    text = strip_furniture(text).strip()
    text = text.replace("《", "").replace("》", "").strip("“”\"「」 ")
    site = _SITE_NAME.search(text)
    site_name = ""
    if site and _ends_as_report(_NOTE.sub("", text[:site.start()].strip())):
        text, site_name = text[:site.start()], _SITE_CUT_AGAIN.split(site.group(1))[0].strip()
    elif "_" in text:
        text = text[:text.index("_")]  # a page title's 「_site name」
    text = _NOTE.sub("", _BREADCRUMB.sub("", text)).strip().removeprefix("关于")
    if not beside:
        text, beside = _beside(text)
    if "关于" in text:
        text = _NOTICE.sub("", text)
    if not text or len(text) > _MAX_LENGTH or _SENTENCE.search(text) or _OPENING_WORDS.match(text):
        return None
    noted = YEAR_NOTE.search(text)
    if noted and _ends_as_report(text[:noted.start()]) and _YEAR.search(ascii_year(text[:noted.start()])) is None:
        text = text[:noted.start()].strip()  # 「…年度报告（2023年度）」
    else:
        noted = None
    year = _YEAR.search(ascii_year(text))
    if not _ends_as_report(text):
        return None
    if year is None:
        return _yearless(text, int(noted.group(1)) if noted else None, beside)
    before = text[: year.start()].strip(_SEPARATORS)  # 「淮安市统计局-2023年…」
    kind = _KIND.search(before)
    if kind and set(before[kind.end():]) <= set("工作年度"):  # 「衡东县人民政府政府信息公开工作2023年度报告」
        before = before[: kind.start()]
    if before:
        agency = before
    else:
        agency = _named_before_kind(text[year.end():])
    agency = _agency(agency)
    site_name = site_name if AGENCY_END.search(site_name) and not _NOT_AGENCY.match(site_name) else ""
    return Title(text, agency or beside, int(year.group(1)), "" if agency or beside else site_name)
