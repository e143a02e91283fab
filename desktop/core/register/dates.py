"""Dates as registers hold them: date cells, Excel serial numbers, and text in the ways clerks type it."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 is 1900-01-01 on Excel's calendar (with its 1900-02-29)
MIN_SERIAL, MAX_SERIAL = 36_526, 73_051  # 2000-01-01 to 2099-12-31: a register's dates are in between

_TEXT = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]*\d{1,2}[:：时].*)?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_SERIAL = re.compile(r"^\d{5}(?:\.\d+)?$")


class BadDate(ValueError):
    """``str(error)`` says what was written, for the list of rows not counted."""


def parse_register_date(value: object) -> dt.date | None:
    """None for a blank cell; BadDate for anything else that is not a date."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise BadDate(str(value))
    if isinstance(value, int | float):
        return _serial(float(value), str(value))
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if not text:
        return None
    if _SERIAL.match(text):
        return _serial(float(text), text)
    match = _TEXT.match(text) or _COMPACT.match(text)
    if match is None:
        raise BadDate(text)
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        raise BadDate(text) from None


def _serial(number: float, shown: str) -> dt.date:
    if not MIN_SERIAL <= number <= MAX_SERIAL:
        raise BadDate(shown)
    return EXCEL_EPOCH + dt.timedelta(days=int(number))
