"""Recognising the official labels in whatever form a source prints them.

Every label comes from the table spec; only the known *variants* (2019 trial headers, other heading
wordings) are written here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from desktop.core.tablespec import (
    T2_BLOCKS,
    T2_CONTENT_HEADER,
    T3_APPLICANTS,
    T3_CARRIED_OUT,
    T3_COLUMNS,
    T3_NOTE,
    T3_ORGS,
    T3_RESULT_GROUPS,
    T3_RESULTS_LABEL,
    T3_TOP_ROWS,
    T3_TOTAL_ROW,
    T4_GROUPS,
    T4_ITEMS,
    T4_SUIT,
)
from desktop.io.importers.chinese_variants import fold, strip_number
from desktop.io.importers.document import Grid

# Headers and rows of the 2019 trial format (国办公开办函〔2019〕60号). (folded label, printed label)
TRIAL_2019_T2_HEADERS = ("本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减",
                         "处理决定数量", "其他对外管理服务事项", "政府集中采购", "采购项目数量", "采购总金额",
                         "第二十条第（九）项")
TRIAL_2019_T2_ROWS = {"规范性文件": "normative_docs"}
# 2019 header → 2021 column it means the same as (all others have no 2021 counterpart).
TRIAL_2019_T2_COLUMNS = {"本年新制作数量": "issued", "处理决定数量": "decisions"}
# The 2019 value headers of each block of table 二, in order (第（一）（五）（六）（八）项).
TRIAL_2019_T2_BLOCK_HEADERS = (("本年新制作数量", "本年新公开数量", "对外公开总数量"),
                               ("上一年项目数量", "本年增/减", "处理决定数量"),
                               ("上一年项目数量", "本年增/减", "处理决定数量"),
                               ("上一年项目数量", "本年增/减"))
PROCUREMENT_ROW = "政府集中采购"


@dataclass(frozen=True)
class T3Row:
    key: str
    folded: str  # own label with its number, e.g. 1属于国家秘密
    body: str  # without the number
    group: str  # result group key, "" for rows outside 三、本年度办理结果


@lru_cache(maxsize=1)
def t3_rows() -> tuple[T3Row, ...]:
    rows = [T3Row(k, fold(label), strip_number(fold(label)), "") for k, label in T3_TOP_ROWS]
    for group, group_label, sub_rows in T3_RESULT_GROUPS:
        for key, label in sub_rows:
            own = fold(label or group_label)
            rows.append(T3Row(key, own, strip_number(own), group))
    for key, label in (T3_TOTAL_ROW, T3_CARRIED_OUT):
        rows.append(T3Row(key, fold(label), strip_number(fold(label)), ""))
    return tuple(rows)


@lru_cache(maxsize=1)
def t3_groups() -> dict[str, str]:
    """Folded group label (with and without number) → group key, for groups with sub-rows."""
    found: dict[str, str] = {}
    for group, label, rows in T3_RESULT_GROUPS:
        if len(rows) > 1:
            found[fold(label)] = group
            found[strip_number(fold(label))] = group
    return found


@lru_cache(maxsize=1)
def t3_header_words() -> frozenset[str]:
    words = {fold(T3_NOTE), fold(T3_APPLICANTS), fold(T3_ORGS), fold(T3_RESULTS_LABEL)}
    words |= {fold(label) for _, label in T3_COLUMNS}
    words |= {strip_number(fold(T3_RESULTS_LABEL))}
    return frozenset(words)


def t3_column(text: str) -> str | None:
    folded = fold(text)
    for key, label in T3_COLUMNS:
        if folded == fold(label):
            return key
    return None


def match_t3_row(text: str, group: str, in_body: bool) -> str | None:
    """The row key a label cell names, or None. ``group`` is the result group seen last."""
    folded = fold(text)
    if not folded:
        return None
    rows = t3_rows()
    for row in rows:
        if folded == row.folded or (row.group and folded.endswith(row.folded) and len(row.folded) >= 3):
            return row.key
    body = strip_number(folded)
    if body in ("其他", "总计"):
        if not in_body:
            return None
        if body == "总计":
            return "total"
        return "other_3" if group == "other" else None
    matches = [r.key for r in rows if r.body == body]
    if len(matches) == 1:
        return matches[0]
    if len(body) >= 4:
        prefixed = [r.key for r in rows if r.body.startswith(body) and len(r.body) > 6]
        if len(prefixed) == 1:
            return prefixed[0]
    return None


def match_t3_group(text: str) -> str | None:
    return t3_groups().get(fold(text))


@lru_cache(maxsize=1)
def all_label_folds() -> tuple[str, ...]:
    """Every label of the three tables, folded, to tell a fragment of a split label from a foreign one."""
    labels = [T2_CONTENT_HEADER, T3_NOTE, T3_APPLICANTS, T3_ORGS, T3_RESULTS_LABEL, T4_SUIT]
    for caption, headers, rows, _ in T2_BLOCKS:
        labels += [caption, *(h for _, h in headers), *(r for _, r in rows)]
    labels += [label for _, label in T3_COLUMNS]
    labels += [label for _, label, _ in T3_RESULT_GROUPS]
    labels += [label for _, _, rows in T3_RESULT_GROUPS for _, label in rows]
    labels += [label for _, label in (*T3_TOP_ROWS, T3_TOTAL_ROW, T3_CARRIED_OUT, *T4_GROUPS, *T4_ITEMS)]
    labels += list(TRIAL_2019_T2_HEADERS)
    return tuple(fold(label) for label in labels if label)


def is_label_fragment(text: str) -> bool:
    folded = fold(text)
    return bool(folded) and any(folded in label for label in all_label_folds())


def t2_row(text: str) -> tuple[str, int] | None:
    """(row key, block index) of a table 二 row label; 2019 wordings included."""
    folded = fold(text)
    for index, (_, _, rows, _) in enumerate(T2_BLOCKS):
        for key, label in rows:
            if folded == fold(label):
                return key, index
    if folded in TRIAL_2019_T2_ROWS:
        return TRIAL_2019_T2_ROWS[folded], 0
    return None


def t2_caption(text: str) -> int | None:
    folded = fold(text)
    for index, (caption, _, _, _) in enumerate(T2_BLOCKS):
        if folded == fold(caption):
            return index
    return None


def trial_2019_header(text: str) -> str | None:
    """The printed 2019 header a cell holds, if any."""
    folded = fold(text)
    for header in TRIAL_2019_T2_HEADERS:
        if folded == fold(header):
            return header
    return None


def t4_group(text: str) -> str | None:
    folded = fold(text)
    for key, label in T4_GROUPS:
        if folded == fold(label):
            return key
    return None


def t4_item(text: str) -> str | None:
    """An item key from a header, also when a portal cut the header to its first line (「结果」)."""
    folded = fold(text)
    for key, label in T4_ITEMS:
        if folded == fold(label):
            return key
    return None


def classify(grid: Grid) -> str | None:
    """Which official table a grid holds (t2, t3, t4), by the labels in it."""
    scores = {"t2": 0, "t3": 0, "t4": 0}
    for cell in grid.cells:
        if t2_row(cell.text) or t2_caption(cell.text):
            scores["t2"] += 1
        if match_t3_row(cell.text, "", True) or match_t3_group(cell.text):
            scores["t3"] += 1
        if t4_group(cell.text) or fold(cell.text) == fold(T4_SUIT):
            scores["t4"] += 1
    best = max(scores, key=scores.__getitem__)
    return best if scores[best] >= 1 else None
