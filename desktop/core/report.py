"""The report as data: metadata, text, the 199 table cells, and last year's values for the checks."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_serializer, field_validator

from desktop.core.fields import (
    DRAFTS,
    IN_FORCE_FOLLOWS,
    IN_FORCE_ROWS,
    OPTION_MANUAL_TOTALS,
    PREVIOUS,
    TEXT_BY_KEY,
    Level,
    report_title,
)
from desktop.core.metavalues import parse_agency, parse_date, parse_level, parse_year
from desktop.core.tablespec import CELLS, cell_key
from desktop.core.values import (
    CellValue,
    InvalidValue,
    has_lone_surrogate,
    parse_cell,
    plain_decimal,
    replace_lone_surrogates,
)


def _cells(raw: Any) -> dict[str, CellValue]:
    if not isinstance(raw, dict):
        raise ValueError("表格数据格式不正确")
    unknown = [k for k in raw if k not in CELLS]
    if unknown:
        raise ValueError(f"未知的单元格：{'、'.join(sorted(unknown)[:5])}")
    return {key: parse_cell(key, raw.get(key)) for key in CELLS}


def _texts(raw: Any) -> dict[str, str]:
    if not isinstance(raw, dict):
        raise ValueError("文字内容格式不正确")
    unknown = [k for k in raw if k not in TEXT_BY_KEY]
    if unknown:
        raise ValueError(f"未知的文字栏目：{'、'.join(sorted(unknown)[:5])}")
    bad = [k for k, v in raw.items() if not isinstance(v, str)]
    if bad:
        raise ValueError(f"{TEXT_BY_KEY[bad[0]].label}：必须是文字")
    return {key: replace_lone_surrogates(raw.get(key, "")) for key in TEXT_BY_KEY}


IN_FORCE_KEYS: tuple[str, ...] = tuple(cell_key("t2", row, "in_force") for row in IN_FORCE_ROWS)


def _key_set(raw: Any, allowed: tuple[str, ...], what: str) -> tuple[str, ...]:
    """A set of keys, kept in the order of ``allowed`` so that saving and comparing are stable."""
    if isinstance(raw, str):
        raw = [k for k in re.split(r"[\s,，、]+", raw) if k]
    if not isinstance(raw, (list, tuple)) or not all(isinstance(k, str) for k in raw):
        raise ValueError(f"{what}格式不正确")
    unknown = [k for k in raw if k not in allowed]
    if unknown:
        raise ValueError(f"{what}：没有这个栏目：{'、'.join(unknown[:5])}")
    return tuple(k for k in allowed if k in raw)


def _drafts(raw: Any) -> tuple[str, ...]:
    return _key_set(raw, tuple(TEXT_BY_KEY), "上年草稿")


def _follows(raw: Any) -> tuple[str, ...]:
    return _key_set(raw, IN_FORCE_KEYS, "自动衔接的现行有效件数")


def _json_cells(cells: dict[str, CellValue]) -> dict[str, int | str | None]:
    return {k: plain_decimal(v) if isinstance(v, Decimal) else v for k, v in cells.items()}


def _typed_text(label: str, raw: str) -> str:
    """Typed, pasted or given on the command line: a character that cannot be saved is refused."""
    if has_lone_surrogate(raw):
        position = next(i for i, c in enumerate(raw, 1) if has_lone_surrogate(c))
        raise ValueError(f"{label}：第{position}个字符无法保存（编码已损坏），请删除或重新输入")
    return raw


class Meta(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    agency: str = ""
    level: Level = Level.TOWNSHIP
    year: int
    date: dt.date | None = None

    _level = field_validator("level", mode="before")(lambda v: parse_level(v))
    _year = field_validator("year", mode="before")(lambda v: parse_year(v))
    _date = field_validator("date", mode="before")(lambda v: parse_date(v))

    _agency = field_validator("agency", mode="before")(lambda v: replace_lone_surrogates(parse_agency(v)))


class Provenance(BaseModel):
    """What an importer found in the source, for the structural rules (S-01, T2-06)."""

    model_config = ConfigDict(extra="forbid")

    source: str = ""
    trial_2019_headers: list[str] = Field(default_factory=list)
    missing_parts: list[str] = Field(default_factory=list)
    extra_labels: list[str] = Field(default_factory=list)


class PreviousYear(BaseModel):
    """Last year's values, kept inside this year's file so the year-on-year rules work offline."""

    model_config = ConfigDict(extra="forbid")

    year: int
    agency: str = ""
    cells: dict[str, CellValue] = Field(default_factory=dict)
    text: dict[str, str] = Field(default_factory=dict)

    _cells = field_validator("cells", mode="before")(lambda v: _cells(v))
    _text = field_validator("text", mode="before")(lambda v: _texts(v))
    _cells_out = field_serializer("cells", when_used="json")(lambda self, v: _json_cells(v))


class Report(BaseModel):
    model_config = ConfigDict(extra="forbid")

    meta: Meta
    text: dict[str, str] = Field(default_factory=lambda: _texts({}))
    cells: dict[str, CellValue] = Field(default_factory=lambda: _cells({}))
    manual_totals: bool = False
    previous: PreviousYear | None = None
    provenance: Provenance = Field(default_factory=Provenance)
    drafts: tuple[str, ...] = ()  # text fields carried from last year's report as a draft
    in_force_follows: tuple[str, ...] = ()  # 现行有效件数 cells still following last year's figure

    _cells = field_validator("cells", mode="before")(lambda v: _cells(v))
    _text = field_validator("text", mode="before")(lambda v: _texts(v))
    _drafts = field_validator("drafts", mode="before")(lambda v: _drafts(v))
    _follows = field_validator("in_force_follows", mode="before")(lambda v: _follows(v))
    _cells_out = field_serializer("cells", when_used="json")(lambda self, v: _json_cells(v))

    @classmethod
    def new(cls, agency: str, level: Level | str, year: int | str) -> Report:
        return cls(meta=Meta.model_validate({"agency": agency, "level": level, "year": year}))

    @property
    def title(self) -> str:
        return report_title(self.meta.agency, self.meta.year)

    def get(self, key: str) -> Any:
        """The value under a canonical key (t*, text.*, meta.*, options.*)."""
        if key in CELLS:
            return self.cells[key]
        if key in TEXT_BY_KEY:
            return self.text[key]
        if key.startswith("meta.") and key[5:] in Meta.model_fields:
            return getattr(self.meta, key[5:])
        if key == OPTION_MANUAL_TOTALS:
            return self.manual_totals
        if key == PREVIOUS:
            return self.previous
        if key == DRAFTS:
            return self.drafts
        if key == IN_FORCE_FOLLOWS:
            return self.in_force_follows
        raise KeyError(key)

    def put(self, key: str, value: Any) -> None:
        """Store an already-parsed value; use ``parse_value`` first for anything typed."""
        if key in CELLS:
            self.cells[key] = value
        elif key in TEXT_BY_KEY:
            self.text[key] = value
        elif key.startswith("meta.") and key[5:] in Meta.model_fields:
            setattr(self.meta, key[5:], value)
        elif key == OPTION_MANUAL_TOTALS:
            self.manual_totals = bool(value)
        elif key == PREVIOUS:
            self.previous = value
        elif key == DRAFTS:
            self.drafts = _drafts(value)
        elif key == IN_FORCE_FOLLOWS:
            self.in_force_follows = _follows(value)
        else:
            raise KeyError(key)


def parse_value(key: str, raw: Any) -> Any:
    """Validate a typed value for any canonical key. Raises InvalidValue with a Chinese message."""
    if key in CELLS:
        return parse_cell(key, raw)
    try:
        if key in TEXT_BY_KEY:
            return "" if raw is None else _typed_text(TEXT_BY_KEY[key].label, str(raw))
        if key == "meta.agency":
            return _typed_text("机关名称", parse_agency(raw))
        if key == "meta.level":
            return parse_level(raw)
        if key == "meta.year":
            return parse_year(raw)
        if key == "meta.date":
            return parse_date(raw)
        if key == DRAFTS:
            return _drafts(raw)
        if key == IN_FORCE_FOLLOWS:
            return _follows(raw)
        if key == OPTION_MANUAL_TOTALS:
            if isinstance(raw, bool):
                return raw
            text = str(raw).strip().lower()
            if text in {"1", "true", "yes", "是"}:
                return True
            if text in {"0", "false", "no", "否"}:
                return False
            raise ValueError("手工填写合计：请填 是 或 否")
    except ValueError as error:
        raise InvalidValue(key, str(error)) from None
    raise InvalidValue(key, f"没有这个栏目：{key}")


def explain(error: ValidationError) -> str:
    """A pydantic error as Chinese sentences for the clerk."""
    lines = []
    for item in error.errors():
        kind = str(item.get("type", ""))
        where = ".".join(str(p) for p in item.get("loc", ())) or "文件"
        if kind == "value_error":  # our own validators, whose messages are Chinese
            message = str(item.get("msg", "")).removeprefix("Value error, ")
        elif kind == "missing":
            message = f"缺少必需的内容：{where}"
        elif kind == "extra_forbidden":
            message = f"无法识别的内容：{where}"
        else:  # pydantic's own checks: their messages are English, so say it from the error's type
            message = f"“{where}”{_EXPECTED.get(kind.split('_')[0], '的内容无效')}"
        lines.append(message)
    return "；".join(dict.fromkeys(lines))


# pydantic's error types (int_parsing, string_type, date_from_datetime_parsing …) by their first word
_EXPECTED = {
    "int": "应为整数", "float": "应为数字", "decimal": "应为数字", "string": "应为文字", "str": "应为文字",
    "bool": "应为是或否", "date": "应为日期", "datetime": "应为日期和时间", "time": "应为时间",
    "dict": "应为一组键和值", "model": "应为一组键和值", "list": "应为一列内容", "tuple": "应为一列内容",
    "set": "应为一列内容", "literal": "不是可用的取值", "enum": "不是可用的取值", "too": "的长度不对",
    "greater": "的数值过小", "less": "的数值过大", "bytes": "应为文字", "none": "应为空",
}


__all__ = ["Report", "Meta", "PreviousYear", "Provenance", "parse_value", "explain", "InvalidValue"]
