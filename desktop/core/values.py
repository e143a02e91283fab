"""Turning what a clerk types into cell values, with messages in plain Chinese.

A blank cell (never entered) is ``None`` and is distinct from 0.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from desktop.core.grid import CellSpec, ValueKind
from desktop.core.tablespec import CELLS

CellValue = int | Decimal | None

MAX_COUNT = 999_999_999
MAX_TOTAL = 999_999_999_999  # a computed total sums up to 126 cells of MAX_COUNT; it must load back
MAX_MONEY = Decimal("999999999")
_THOUSANDS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")
_COUNT = re.compile(r"^\d+$")
_MONEY = re.compile(r"^\d+(\.\d+)?$")


class InvalidValue(ValueError):
    """A value that cannot go into a cell. ``str(error)`` is the message for the clerk."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def has_lone_surrogate(text: str) -> bool:
    """Half of a UTF-16 pair cannot be saved as UTF-8. It comes from a broken PDF text map, a ``\\ud800``
    escape in a file, or a command line in another encoding."""
    return _LONE_SURROGATE.search(text) is not None


def replace_lone_surrogates(text: str) -> str:
    """For text read from a file: the broken character becomes a visible �, and the rest is kept."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def plain_decimal(value: Decimal) -> str:
    """A money value as a clerk writes it: 0.0000001, never 1E-7 (which no cell accepts back)."""
    return format(value, "f")


def normalize_text(raw: str) -> str:
    """Full-width digits and punctuation to half-width, blanks removed."""
    text = unicodedata.normalize("NFKC", raw)
    text = text.replace("，", ",").replace("。", ".")
    return "".join(text.split())


def _requirement(spec: CellSpec) -> str:
    if spec.kind is ValueKind.MONEY:
        return "必须是不小于0的数（单位：万元）"
    return "必须是不小于0的整数"


def parse_cell(key: str, raw: object) -> CellValue:
    """The value a cell holds after entering ``raw``; raises InvalidValue with a message naming the cell."""
    try:
        spec = CELLS[key]
    except KeyError:
        raise InvalidValue(key, f"没有这个单元格：{key}") from None
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise InvalidValue(key, f"{spec.label}：{_requirement(spec)}")
    if isinstance(raw, int):
        return _checked(spec, Decimal(raw))
    if isinstance(raw, Decimal | float):
        return _checked(spec, Decimal(str(raw)))
    if not isinstance(raw, str):
        raise InvalidValue(key, f"{spec.label}：{_requirement(spec)}")
    text = normalize_text(raw)
    if text == "":
        return None
    if _THOUSANDS.match(text):
        text = text.replace(",", "")
    pattern = _MONEY if spec.kind is ValueKind.MONEY else _COUNT
    if not pattern.match(text):
        hint = ""
        if text in {"/", "-", "—", "无"}:
            hint = "；没有发生请填0，清空请按Delete"
        raise InvalidValue(key, f"{spec.label}：{_requirement(spec)}{hint}")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise InvalidValue(key, f"{spec.label}：{_requirement(spec)}") from None
    return _checked(spec, number)


def _checked(spec: CellSpec, number: Decimal) -> CellValue:
    if not number.is_finite() or number < 0:
        raise InvalidValue(spec.key, f"{spec.label}：{_requirement(spec)}")
    if spec.kind is ValueKind.MONEY:
        if number > MAX_MONEY:
            raise InvalidValue(spec.key, f"{spec.label}：数值过大，请检查单位是否为万元")
        return number
    if number != number.to_integral_value():
        raise InvalidValue(spec.key, f"{spec.label}：{_requirement(spec)}")
    if number > (MAX_TOTAL if spec.is_total else MAX_COUNT):
        raise InvalidValue(spec.key, f"{spec.label}：数值过大")
    return int(number)


def format_value(value: CellValue) -> str:
    """How a value is shown and printed: blank stays blank, money without a trailing .0."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        text = plain_decimal(value)
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return text
    return str(value)
