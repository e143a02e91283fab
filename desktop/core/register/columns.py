"""The columns a register has, the headers clerks give them, and how a sheet's headers are guessed."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum


class Kind(str, Enum):
    APPLICATIONS = "applications"  # table 三
    CASES = "cases"  # table 四


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # what the mapping dialog and the template call it
    synonyms: tuple[str, ...]
    required: bool = True


APPLICATION_COLUMNS: tuple[Column, ...] = (
    Column("received", "收到日期", ("收到日期", "受理日期", "申请日期", "收件日期", "登记日期", "接收日期",
                                   "收到时间", "受理时间", "申请时间")),
    Column("applicant", "申请人类型", ("申请人类型", "申请人身份", "申请人类别", "申请主体", "申请人性质")),
    Column("result", "办理结果", ("办理结果", "答复结果", "处理结果", "答复类型", "办理情况", "答复情况")),
    Column("closed", "办结日期", ("办结日期", "答复日期", "办结时间", "答复时间", "处理日期", "告知日期")),
    Column("ref", "登记编号", ("登记编号", "申请编号", "受理编号", "编号", "序号"), required=False),
    # registers that give the result in two columns: 不予公开 in one, 属于国家秘密 in the next
    Column("reason", "理由或情形", ("不予公开理由", "具体理由", "理由", "具体情形", "情形", "原因"),
           required=False),
)

CASE_COLUMNS: tuple[Column, ...] = (
    Column("kind", "案件类型", ("案件类型", "案件类别", "类型", "类别", "复议或诉讼")),
    Column("result", "审理结果", ("审理结果", "案件结果", "结果", "复议结果", "诉讼结果", "办理结果")),
    Column("closed", "审结日期", ("审结日期", "结案日期", "办结日期", "决定日期", "判决日期"), required=False),
    Column("received", "收到日期", ("收到日期", "立案日期", "受理日期", "申请日期", "起诉日期"), required=False),
    Column("ref", "案件编号", ("案件编号", "案号", "编号", "序号"), required=False),
)

COLUMNS: dict[Kind, tuple[Column, ...]] = {Kind.APPLICATIONS: APPLICATION_COLUMNS, Kind.CASES: CASE_COLUMNS}

_BRACKETED = re.compile(r"[（(【\[].*?[）)】\]]")
_NOISE = re.compile(r"[\s:：*＊/、\-—–_.]+")


def normalize(text: object) -> str:
    """A header or a value as compared: NFKC, no blanks, no punctuation that clerks vary."""
    return _NOISE.sub("", unicodedata.normalize("NFKC", "" if text is None else str(text)))


def header_key(text: object) -> str:
    """A header without its bracketed remark: 收到日期（年/月/日） → 收到日期."""
    return normalize(_BRACKETED.sub("", unicodedata.normalize("NFKC", "" if text is None else str(text))))


def guess_columns(kind: Kind, headers: tuple[str, ...]) -> dict[str, int | None]:
    """Each column of the register kind → the index of the header that names it: exact names first, then
    headers that contain a name (「申请人类型（自然人/法人）」). A header is used for one column only."""
    keys = [header_key(h) for h in headers]
    found: dict[str, int | None] = {c.key: None for c in COLUMNS[kind]}
    used: set[int] = set()
    for exact in (True, False):
        for column in COLUMNS[kind]:
            if found[column.key] is not None:
                continue
            for synonym in column.synonyms:
                index = next((i for i, k in enumerate(keys) if i not in used and k and
                              (k == synonym if exact else synonym in k)), None)
                if index is not None:
                    found[column.key] = index
                    used.add(index)
                    break
    return found


def header_score(kind: Kind, headers: tuple[str, ...]) -> int:
    """How many required columns a row of headers names: finds the header row under a sheet's title."""
    guessed = guess_columns(kind, headers)
    return sum(1 for c in COLUMNS[kind] if c.required and guessed[c.key] is not None)
