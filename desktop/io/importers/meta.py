"""Agency, year and 成文日期 from the title, the portal's metadata block and the signature."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from desktop.io.importers.chinese_variants import squeeze_spaces
from desktop.io.importers.document import Block, Para
from desktop.io.importers.title import AGENCY_END

_FIELD = re.compile(r"^\s*(成\s*文\s*日\s*期|发\s*文\s*机\s*关|发\s*布\s*机\s*构)\s*[:：]\s*(\S.*?)\s*$")
_WRITTEN_DATE = r"((?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)"
# The same field inside one line of metadata: 「索引号：… 发文机关：杨林镇 成文日期：2024-01-04」.
_DATE_IN_LINE = re.compile(r"成\s*文\s*日\s*期\s*[:：]\s*" + _WRITTEN_DATE)
# When the page went up: 「发布时间：2024-03-26」. Not the 成文日期, but days from it.
_PUBLISHED = re.compile(r"(?:发布时间|发布日期|发文日期|公开日期|生成日期|发布于)\s*[:：]?\s*" + _WRITTEN_DATE)
# 「时间：2024-01-20 来源：…」「日期：2024-01-20 作者：…」: a bare 时间 or 日期 in a line of the page's metadata.
_PUBLISHED_BARE = re.compile(r"(?:^|(?<=[\s\[【|]))(?:时间|日期)\s*[:：]\s*" + _WRITTEN_DATE)
_METADATA_WORDS = re.compile(r"来源|作者|浏览|点击|阅读|字体|字号|编辑")
_CN_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0", "Ｏ": "0", "O": "0"}
_DATE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
# The date under the signature: 「2024年1月4日」, also 「2024.1.4」 「2024-01-04」 「2024/1/4」 and in brackets.
_SIGNED_ON = (r"[（(]?((?:19|20)\d{2})\s*(?:年|[-/.])\s*(\d{1,2})\s*(?:月|[-/.])\s*(\d{1,2})\s*日?[）)]?")
_SIGNATURE_DATE = re.compile(f"^{_SIGNED_ON}$")
# The signing agency and the date on one line: 「耳口乡人民政府 2024年1月4日」.
_SIGNED_LINE = re.compile(rf"^(?P<signer>[^。，；：,;:]{{2,30}}?)\s*{_SIGNED_ON}$")
_PERIOD_YEAR = re.compile(r"((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日")
_ANY_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


def _chinese_numerals(text: str) -> str:
    """「二〇二四年一月十二日」 → 「2024年1月12日」."""
    def number(match: re.Match[str]) -> str:
        part = match.group(0)
        if "十" not in part:
            return "".join(_CN_DIGITS.get(c, c) for c in part)
        tens, _, ones = part.partition("十")
        return str(int(_CN_DIGITS.get(tens, "1") if tens else 1) * 10 + (int(_CN_DIGITS[ones]) if ones else 0))
    return re.sub(r"[〇○零一二三四五六七八九十]+", number, text)


def to_date(text: str) -> dt.date | None:
    text = _chinese_numerals(unicodedata.normalize("NFKC", text))
    match = _DATE.search(text)
    if not match:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def portal_fields(blocks: list[Block]) -> dict[str, str]:
    """「成文日期: 2024-01-04」「发文机关: 贵溪耳口乡」 lines of a portal's metadata block, and the date the page
    was published (「发布时间：2024-03-26」) as "published"."""
    found: dict[str, str] = {}
    texts: list[str] = []
    for block in blocks:
        texts += [block.text] if isinstance(block, Para) else [c.text for c in block.cells]
    for text in texts:
        if len(text) > 160:
            continue
        match = _FIELD.match(text) if len(text) <= 60 else None
        if match:
            name = re.sub(r"\s", "", match.group(1))
            found.setdefault("date" if name == "成文日期" else "agency", match.group(2).strip(" |"))
        elif (in_line := _DATE_IN_LINE.search(text)) is not None:
            found.setdefault("date", in_line.group(1))
        published = _PUBLISHED.search(text)
        if published is None and _METADATA_WORDS.search(text):
            published = _PUBLISHED_BARE.search(text)
        if published is not None:
            found.setdefault("published", published.group(1))
    return found


def _signs(text: str, agency: str) -> bool:
    """Whether the words before a date on one line are a signing agency's name."""
    return bool((agency and agency in text) or AGENCY_END.search(text))


def signature(paras: list[str], agency: str = "") -> tuple[list[str], dt.date | None, str]:
    """Section 六 without its closing signature: (paragraphs, 成文日期, signing agency)."""
    kept = list(paras)
    date: dt.date | None = None
    signer = ""
    for _ in range(3):
        if not kept:
            break
        line = squeeze_spaces(unicodedata.normalize("NFKC", kept[-1]))
        last = _chinese_numerals(line)
        one_line = _SIGNED_LINE.match(last) if date is None and not signer else None
        if date is None and _SIGNATURE_DATE.match(last):
            date = to_date(last)
            kept.pop()
        elif one_line and _signs(one_line.group("signer"), agency):
            date, signer = to_date(last[one_line.end("signer"):]), one_line.group("signer").strip()
            kept.pop()
        elif (date is not None or (agency and agency in line)) and len(line) <= 30 \
                and not re.search(r"[。，；：]", line):
            signer = line  # as printed: 「三都水族自治县人民政府」 keeps its 三
            kept.pop()
        else:
            break
    return kept, date, signer


def year_from_text(texts: list[str]) -> int | None:
    """The statistics period (「2024年1月1日至…」) or, failing that, the first 「YYYY年」."""
    joined = squeeze_spaces(" ".join(texts))
    for pattern in (_PERIOD_YEAR, _ANY_YEAR):
        match = pattern.search(joined)
        if match:
            return int(match.group(1))
    return None
