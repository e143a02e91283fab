"""The words clerks write in a register, guessed as table 三's columns and result rows and table 四's
groups and items. A guess is only a proposal: the clerk confirms it in the mapping dialog, and a word
that fits nothing stays unrecognised (None) and is listed, never counted."""

from __future__ import annotations

from desktop.core.register.columns import normalize
from desktop.core.tablespec import T3, T3_GROUP_LABELS, T3_GROUPS, T4, short_label

OPEN = "open"  # a result column's word for an application or case not yet closed

# Each table column's or item's own label (from the spec) comes first, then what clerks write for it.
_APPLICANT_SYNONYMS: dict[str, tuple[str, ...]] = {
    "natural": ("个人", "公民", "群众", "居民", "村民", "农民", "市民"),
    "business": ("企业", "公司", "有限公司", "有限责任公司", "股份有限公司"),
    "research": ("科研", "研究院", "研究所", "研究机构", "高校", "大学"),
    "nonprofit": ("公益组织", "社会组织", "协会", "基金会", "公益"),
    "legal": ("律师事务所", "律所", "律师", "法律服务"),
    "other_org": ("其他组织", "其他法人", "其他法人或其他组织"),
}
_APPLICANTS = {key: (T3.column(key).label, *words) for key, words in _APPLICANT_SYNONYMS.items()}
_NOT_CONTAINED = {T3.column("other_org").label}  # 「其他」 alone; inside a longer word it says nothing

# Words only one result row has; a word with none of them is read by its group alone.
_RESULT_WORDS: dict[str, tuple[str, ...]] = {
    "denied_1": ("国家秘密",),
    "denied_2": ("禁止公开",),
    "denied_3": ("三安全一稳定", "危及"),
    "denied_4": ("第三方",),
    "denied_5": ("内部事务",),
    "denied_6": ("过程性",),
    "denied_7": ("执法案卷",),
    "denied_8": ("查询事项", "行政查询"),
    "unable_1": ("不掌握", "信息不存在"),
    "unable_2": ("另行制作", "没有现成", "无现成"),
    "unable_3": ("仍不明确", "内容不明确"),
    "not_processed_1": ("信访", "举报", "投诉"),
    "not_processed_2": ("重复申请",),
    "not_processed_3": ("出版物",),
    "not_processed_4": ("大量反复",),
    "not_processed_5": ("重新出具", "确认或重新"),
    "other_1": ("不补正",),
    "other_2": ("缴纳费用", "收费通知", "未缴费", "未缴纳"),
}
_GROUP_WORDS: dict[str, tuple[str, ...]] = {
    "granted": ("予以公开", "全部公开", "同意公开", "公开"),
    "partial": ("部分公开",),
}
_OPEN_WORDS = ("办理中", "正在办理", "未办结", "尚未办结", "在办", "待办", "延期答复", "补正中", "待补正")

_T4_GROUPS: dict[str, tuple[str, ...]] = {  # in this order: 复议后起诉 holds 复议
    key: (T4.row(key).printed, *words) for key, words in (
        ("suit_after_review", ("经复议后起诉", "复议后诉讼")),
        ("suit_direct", ("直接起诉", "未经复议")),
        ("review", ("复议",)),
    )
}
_T4_ITEMS: dict[str, tuple[str, ...]] = {  # in this order: 尚未审结 before the results
    key: (T4.column(key).label, *words) for key, words in (
        ("pending", ("未审结", "审理中", "在审", "未结")),
        ("upheld", ("维持",)),
        ("corrected", ("纠正", "撤销", "确认违法", "责令履行", "变更")),
        ("other", ("其他", "终止", "撤回", "和解", "调解")),
    )
}


def _group_of(word: str) -> str | None:
    """The result group a word names (不予公开, 无法提供 …), by the groups' own short labels."""
    for group, label in T3_GROUP_LABELS.items():
        name = short_label(label).split("（")[0]
        if name in word:
            return group
    return None


def guess_applicant(raw: object) -> str | None:
    word = normalize(raw)
    if not word:
        return None
    for column, names in _APPLICANTS.items():
        if word in names:
            return column
    for column, names in _APPLICANTS.items():
        if any(name in word for name in names if name not in _NOT_CONTAINED):  # 「法人或其他组织—商业企业」
            return column
    return None


def guess_result(raw: object) -> str | None:
    """A table 三 result row, OPEN for an application still being handled, or None."""
    word = normalize(raw)
    if not word:
        return OPEN
    if any(w in word for w in _OPEN_WORDS):
        return OPEN
    group = _group_of(word)
    rows = [row for row, words in _RESULT_WORDS.items() if any(w in word for w in words)]
    if group is not None:
        rows = [row for row in rows if row in T3_GROUPS[group]]
    if len(rows) == 1:
        return rows[0]
    if rows:
        return None
    if group == "other" and word.endswith("其他"):
        return "other_3"
    if group is not None and len(T3_GROUPS[group]) == 1:
        return group
    if group is None and word in _GROUP_WORDS["granted"]:
        return "granted"
    return None


def guess_case_kind(raw: object) -> str | None:
    word = normalize(raw)
    for group, names in _T4_GROUPS.items():
        if any(name in word for name in names):
            return group
    return None


def guess_case_result(raw: object) -> str | None:
    word = normalize(raw)
    if not word:
        return "pending"
    for item, names in _T4_ITEMS.items():
        if any(name in word for name in names):
            return item
    return None


def applicant_choices() -> list[tuple[str, str]]:
    return [(c.key, c.label) for c in T3.columns if c.key != "total"]


def result_choices() -> list[tuple[str, str]]:
    return [(OPEN, "尚未办结（结转下年度）")] + [(r.key, r.label) for r in T3.rows if r.group is not None]


def case_kind_choices() -> list[tuple[str, str]]:
    return [(r.key, r.printed if r.key == "review" else r.label) for r in T4.rows]


def case_result_choices() -> list[tuple[str, str]]:
    return [(c.key, c.label) for c in T4.columns if c.key != "total"]
