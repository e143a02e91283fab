"""Numbers as clerks type them: Arabic, full-width and Chinese numerals (两件, 十二件, 一百零三条).

Everything here keeps positions: ``fold`` maps characters one to one, so an index into the folded text is
an index into what the clerk typed.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_FULL_WIDTH = str.maketrans("０１２３４５６７８９％．", "0123456789%.")
_HAS_FULL_WIDTH = re.compile("[０-９％．]")

CHINESE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
                  "九": 9}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}

CHINESE_NUMERAL = "[零〇一二两三四五六七八九十百千万亿]+"
ARABIC_NUMERAL = r"\d+(?:,\d{3})*(?:\.\d+)?"
# An Arabic number may carry 万 or 千 (1.2万条); a Chinese one spells them itself.
NUMERAL = rf"(?:{ARABIC_NUMERAL}(?:万|千)?|{CHINESE_NUMERAL})"

_RUN_OF_DIGITS = re.compile("[一二两三四五六七八九][一二两三四五六七八九零〇]")


def fold(text: str) -> str:
    """Full-width digits, ％ and ． as ASCII, one character for one, so that positions stay valid."""
    return text.translate(_FULL_WIDTH) if _HAS_FULL_WIDTH.search(text) else text


def chinese_value(numeral: str) -> int | None:
    """一百零三 → 103, 两 → 2, 十二 → 12, 二〇二四 → 2024; None for what is not a number (四五, 一二)."""
    if not numeral:
        return None
    if len(numeral) == 4 and all(c in CHINESE_DIGITS and c != "两" for c in numeral):
        return int("".join(str(CHINESE_DIGITS[c]) for c in numeral))  # a year written digit by digit
    if _RUN_OF_DIGITS.search(numeral) or numeral[-1] in "零〇":
        return None if numeral not in ("零", "〇") else 0
    yi = wan = section = digit = 0  # the parts of 亿, of 万, below 万, and the pending digit
    unit = 1  # the unit just before the last digit: 一百二 is 120, 一万二 is 12000
    for char in numeral:
        if char in CHINESE_DIGITS:
            if char in "零〇":
                unit = 1
            digit = CHINESE_DIGITS[char]
        elif char in _SMALL_UNITS:
            section += (digit or 1) * _SMALL_UNITS[char]
            digit, unit = 0, _SMALL_UNITS[char]
        elif char == "万":
            wan = (wan + section + digit) * 10_000
            section = digit = 0
            unit = 10_000
        else:  # 亿
            yi = (yi + wan + section + digit) * 100_000_000
            wan = section = digit = 0
            unit = 100_000_000
    if digit and numeral[-1] in CHINESE_DIGITS and len(numeral) > 1 and numeral[-2] not in "零〇":
        digit *= max(1, unit // 10)
    return yi + wan + section + digit


def numeral_value(numeral: str) -> int | Decimal | None:
    """The value of one numeral as matched by NUMERAL: an int for counts, a Decimal when it has decimals."""
    if not numeral:
        return None
    if numeral.isdecimal():
        return int(numeral)  # the common case, 「3119」
    if numeral[0] in CHINESE_DIGITS or numeral[0] in _SMALL_UNITS or numeral[0] in _BIG_UNITS:
        return chinese_value(numeral)
    factor = 1
    if numeral[-1] in "万千":
        factor = 10_000 if numeral[-1] == "万" else 1000
        numeral = numeral[:-1]
    try:
        value = Decimal(numeral.replace(",", "")) * factor
    except InvalidOperation:
        return None
    return int(value) if value == value.to_integral_value() else value


def is_chinese(numeral: str) -> bool:
    return bool(numeral) and not numeral[0].isdigit()
