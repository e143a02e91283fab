"""Finding the title, the six sections and the five parts of section 一 in a read document."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from desktop.core.fields import S1_PARTS, SECTIONS
from desktop.io.importers.chinese_variants import fold, squeeze_spaces, strip_number
from desktop.io.importers.document import PAGE_NUMBER, Block, Grid, Para
from desktop.io.importers.meta import to_date
from desktop.io.importers.title import AGENCY_END, YEAR_NOTE, Title, parse_title

NUMERALS = "一二三四五六"
# Other wordings met in the wild, per section: any one of these words in a numbered heading.
HEADING_WORDS = {"一": ("总体情况", "概述"), "二": ("主动公开",), "三": ("申请",), "四": ("复议", "诉讼"),
                 "五": ("问题",), "六": ("其他", "事项")}
PART_WORDS = {"text.s1.on_request": ("依申请",), "text.s1.proactive": ("主动公开",),
              "text.s1.platform": ("平台",), "text.s1.oversight": ("监督", "保障", "考核"),
              "text.s1.management": ("管理",)}

_HEADING = re.compile(r"^([一二三四五六])\s*[、.．,，]\s*(\S.{0,40})$")
_PART = re.compile(r"^[（(]\s*([一二三四五六七八九十])\s*[）)]")
# 「1.主动公开」: parts numbered as list items, taken only where section 一 has no 「（一）」 heading at all,
# since items numbered so inside a part are common.
_ITEM_PART = re.compile(r"^[（(]?\s*([1-5])\s*(?:[）)]|[.．、](?!\d))")
_HEAD_END = re.compile(r"[。：:；;]")
FURNITURE = re.compile(r"^(发布时间|发布日期|来源|信息来源|字号|浏览|点击|打印|关闭|分享|【|索\s*引\s*号|文\s*号"
                       r"|主题分类|组配分类|成文日期|发文机关|扫一扫|当前位置|首页|目\s*录\s*$"
                       # the catalogue's fields and the page's tools, each only as a label with its colon or
                       # as a whole line, so that prose starting with the same words is not taken
                       r"|(?:作者|时间|日期|阅读(?:次数|量)?|访问量|点击数|发布(?:机构|单位)|所属机构|责任单位|撰稿|审稿"
                       r"|公开(?:方式|范围|时限|形式)|生成日期|有效性|效力状态|主题词|信息分类|统一编号|视力保护色"
                       r"|(?:选择)?字[体号])\s*[:：]"
                       r"|[\[［]\s*打印|(?:一键阅读|无障碍浏览|语音播报|【?大】?\s*【?中】?\s*【?小】?)\s*$"
                       r"|\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$)")

_PROSE = re.compile(r"[。，；,;]")
_DATE_LINE = re.compile(r"^[（(]?(?:19|20)\d{2}年\d{1,2}月\d{1,2}日[）)]?$")
# Navigation printed above the article: breadcrumbs, 「> 政务公开」.
_PAGE_CHROME = re.compile(r"^(>|›|»|当前页面|您的位置|你的位置|位置[:：])")

# What a portal prints after the article: tools, related links, the site footer.
TRAILER = re.compile(r"^(【?\s*(打印|关闭|收藏|分享|返回顶部)|上一篇|下一篇|相关(链接|文件|阅读|解读|附件)"
                     r"|主办单位|承办单位|主办：|版权所有|(?:政府)?网站标识码|联系我们|网站地图|扫一扫|附件(?:下载)?[：:]?$"
                     r"|.*ICP备|.*(?:Copyright|©)|技术支持\s*[:：]|本(?:页面|网站|站)(?:适配|建议|最佳)"
                     r"|【?\s*(?:字体|字号)\s*[:：]|【?\s*(?:我要纠错|网站纠错|纠错)\s*】?$|微信\s*微博\s*(?:QQ)?\s*$"
                     r"|(?:浏览|阅读|点击|访问)(?:次数|量)\s*[:：]|已阅读\s*\d+\s*次"
                     r"|.*\.(?:docx?|wps|pdf|ofd|xlsx?|et|zip|rar)$"  # the attachments' links
                     r"|(?:责任编辑|责编|编辑|审核|校对|审校|初审|复审|终审)\s*[:：])")


@dataclass
class Layout:
    title: str = ""
    title_agency: str = ""
    title_site: str = ""  # a name after the title behind a bar or dash (title.Title.site)
    title_year: int | None = None
    preamble: list[str] = field(default_factory=list)
    before_text: list[str] = field(default_factory=list)  # prose before section 一 when there is no title
    title_date: dt.date | None = None  # 「（2024年3 月 26日）」 printed under the title
    sections: dict[str, list[Block]] = field(default_factory=dict)  # 一 … 六 → blocks under the heading
    headings: dict[str, str] = field(default_factory=dict)  # 一 … 六 → heading as printed
    # The block where a second report starts, after this one's sections (see split_layout); None if none does.
    second_at: int | None = None


def _heading_number(text: str, after: int) -> str | None:
    """The section a heading opens: numbered 「二、…」 with one of its words, or printed as in the format,
    with its number or without (Word's automatic numbers are lost in an old .doc or a page's <ol>)."""
    squeezed = squeeze_spaces(text)
    folded = fold(squeezed.rstrip("：:。"))
    for section in SECTIONS:
        if folded in (fold(section.heading), strip_number(fold(section.heading))) \
                and NUMERALS.index(section.number) > after:
            return section.number
    match = _HEADING.match(squeezed)
    if not match or NUMERALS.index(match.group(1)) <= after:
        return None
    if any(word in match.group(2) for word in HEADING_WORDS[match.group(1)]):
        return match.group(1)
    return None


def opens_heading(line: str) -> bool:
    """Whether a line starts as a section heading 「二、…」 or a part 「（二）…」 does."""
    return bool(_PART.match(line) or _HEADING.match(squeeze_spaces(line)))


def title_match(text: str) -> Title | None:
    return parse_title(text)


def _agency_line(text: str) -> str:
    """A line printed above a title that names no agency: the agency alone, not page furniture."""
    text = squeeze_spaces(text)
    if FURNITURE.match(text) or len(text) > 30 or not AGENCY_END.search(text):
        return ""
    return text


def _broken_title(first: Block, second: Block) -> Title | None:
    """A title a page broke over two lines, neither a heading of its own: 「耳口乡2023年政府信息公开」
    「工作年度报告」, 「涟水县统计局政府信息公开工作年度报告」 「（2023年度）」, or the bare report name over
    the agency's line (「政府信息公开工作年度报告」 「涟水县统计局」)."""
    if not isinstance(second, Para) or not isinstance(first, Para):
        return None
    if not re.search(r"年", first.text) and not YEAR_NOTE.fullmatch(squeeze_spaces(second.text).strip()) \
            and not _agency_line(second.text):
        return None
    if _heading_number(second.text, -1) is not None or _PART.match(second.text.strip()):
        return None
    whole = title_match(second.text)
    if whole is not None and whole.year is not None:  # a breadcrumb, a column's name or a date above a whole title
        return None
    if _agency_line(second.text) and title_match(first.text) is None:  # 「政府信息公开工作年度报告」 「涟水县统计局」
        return title_match(second.text.strip() + first.text.strip())
    return title_match(first.text.strip() + second.text.strip())


def _opens_a_report(text: str) -> bool:
    """「一、总体情况」 with its number: the words alone may be prose (「总体情况」 on a line of its own)."""
    match = _HEADING.match(squeeze_spaces(text))
    return match is not None and match.group(1) == "一" and any(w in match.group(2) for w in HEADING_WORDS["一"])


# How far before a second report's 「一、总体情况」 its title and page furniture may stand.
_SECOND_HEAD = 15


def _second_report_start(blocks: list[Block], heading_at: int, section_start: int) -> int:
    """Where the report whose 「一、总体情况」 stands at ``heading_at`` begins: at its title, and the page
    furniture right above it, when they stand within the section before it."""
    start = heading_at
    for index in range(heading_at - 1, max(section_start, heading_at - _SECOND_HEAD) - 1, -1):
        block = blocks[index]
        if isinstance(block, Para) and title_match(block.text) is not None:
            start = index
            break
    while start > section_start and _is_furniture(blocks[start - 1]):
        start -= 1
    return start


# A table of contents (「目录」, the six headings with page numbers) has no table and hardly any text.
_CONTENTS_TEXT = 200


def _is_contents(layout: Layout) -> bool:
    blocks = [b for section in layout.sections.values() for b in section]
    return not any(isinstance(b, Grid) for b in blocks) and sum(len(b.text) for b in blocks
                                                                 if isinstance(b, Para)) < _CONTENTS_TEXT


def _is_furniture(block: Block) -> bool:
    """A portal's line about the article (索引号, 发布日期), as a line or as a row of cells split at its bars."""
    if isinstance(block, Para):
        return bool(FURNITURE.match(block.text.strip()) or _DATE_LINE.match(squeeze_spaces(block.text)))
    rows = block.rows()
    return len(rows) <= 2 and all(row and FURNITURE.match(row[0].text.strip()) for row in rows)


def split_layout(blocks: list[Block]) -> Layout:
    """The title, preamble and sections of the first report in ``blocks``. A second 「一、总体情况」 after
    later sections starts another report (a page that prints its article twice, or two reports pasted into
    one file): it and its title are left out of the sections, and ``second_at`` says where it starts. After
    a table of contents, the report starts at the second 「一、总体情况」."""
    layout = Layout()
    current: str | None = None
    last = -1
    title_at = -1
    section_at = -1  # where the current section's blocks begin
    before: list[str] = []
    joined = -1  # the second line of a title broken over two
    for index, block in enumerate(blocks):
        if index == joined:
            continue
        if isinstance(block, Para):
            if PAGE_NUMBER.match(block.text.strip()):
                continue
            if current is not None and layout.title and squeeze_spaces(block.text) == layout.title:
                continue  # the title again at the top of each page of a PDF's text
            if current is not None and last >= 1 and _opens_a_report(block.text):
                if _is_contents(layout):  # the headings so far were a table of contents: the report starts here
                    layout.sections, layout.headings, last = {}, {}, -1
                else:
                    start = _second_report_start(blocks, index, section_at)
                    theirs = {id(b) for b in blocks[start:index]}  # the second report's title and furniture
                    layout.sections[current] = [b for b in layout.sections[current] if id(b) not in theirs]
                    layout.second_at = start
                    break
            number = _heading_number(block.text, last)
            if number is not None:
                current, last, section_at = number, NUMERALS.index(number), index + 1
                layout.headings[number] = squeeze_spaces(block.text)
                layout.sections[number] = []
                continue
            if current is None:
                # a later title before any preamble wins: a breadcrumb or a mirror's related report prints one above
                open_title = not layout.title or not (layout.preamble or layout.before_text)
                match = title_match(block.text) if open_title else None
                if (match is None or match.year is None) and not layout.title and index + 1 < len(blocks):
                    broken = _broken_title(block, blocks[index + 1])
                    match, joined = (broken, index + 1) if broken else (match, -1)
                if match:
                    title_at = index
                    layout.title = match.text
                    layout.title_agency, layout.title_site = match.agency, match.site
                    layout.title_year = match.year
                    above = [line for line in before if not _DATE_LINE.match(line)]  # a date between them
                    if not layout.title_agency and above:
                        layout.title_agency = _agency_line(above[-1])
                    continue
                before.append(squeeze_spaces(block.text))
                if title_at >= 0 and layout.title_date is None and _DATE_LINE.match(squeeze_spaces(block.text)):
                    layout.title_date = to_date(block.text)
                    continue
                if FURNITURE.match(block.text.strip()) or _PAGE_CHROME.match(block.text.strip()):
                    continue
                if title_at >= 0:
                    layout.preamble.append(block.text)
                elif _PROSE.search(block.text):
                    layout.before_text.append(block.text)
                continue
        if current is not None:
            layout.sections[current].append(block)
        elif isinstance(block, Grid) and title_at >= 0:
            layout.sections.setdefault("", []).append(block)
    return layout


def without_trailer(paras: list[str]) -> list[str]:
    """The last section without the page furniture that follows the article."""
    for index, para in enumerate(paras):
        if TRAILER.match(para.strip()):
            return paras[:index]
    return paras


def paragraphs(blocks: list[Block]) -> list[str]:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Para):
            if not PAGE_NUMBER.match(block.text.strip()):
                out.append(block.text)
        else:
            out += [" ".join(c.text for c in row if c.text) for row in block.rows()]
    return [p for p in out if p.strip()]


def _part_of(heading: str, number: str, taken: set[str]) -> str | None:
    for key, words in PART_WORDS.items():
        if key not in taken and any(w in heading for w in words):
            return key
    for part in S1_PARTS:
        if part.key not in taken and strip_number(fold(part.heading)) in fold(heading):
            return part.key
    if number.isdigit():
        return None  # a list item names its part, or is none
    index = "一二三四五".find(number)
    if index >= 0 and S1_PARTS[index].key not in taken:
        return S1_PARTS[index].key
    return None


def _bare_part(text: str, taken: set[str]) -> str | None:
    """A part's heading printed alone without its 「（一）」: 「主动公开」, 「政府信息管理」."""
    folded = fold(text.rstrip("：:。"))
    for part in S1_PARTS:
        if part.key not in taken and folded == strip_number(fold(part.heading)):
            return part.key
    return None


def split_parts(paras: list[str]) -> dict[str, list[str]]:
    """Section 一: the opening paragraphs and the five parts, each without its own 「（一）…」 heading."""
    parts: dict[str, list[str]] = {"text.s1.intro": []}
    current = "text.s1.intro"
    part = _PART if any(_PART.match(squeeze_spaces(p)) for p in paras) else _ITEM_PART
    for para in paras:
        text = squeeze_spaces(para)
        bare = _bare_part(text, set(parts))
        if bare is not None:
            current = bare
            parts[bare] = []
            continue
        match = part.match(text)
        if match:
            rest = text[match.end():]
            end = _HEAD_END.search(rest)
            heading, body = (rest[: end.start()], rest[end.end():]) if end else (rest, "")
            if end is None and len(rest) > 40:
                heading, body = "", rest
            plain = heading and len(heading) <= 30 and not any(c in heading for c in "，,")
            key = _part_of(heading, match.group(1), set(parts)) if plain else None
            if key is not None:
                current = key
                parts[key] = [body] if body.strip() else []
                continue
        parts[current].append(para)
    return parts
