"""The guessed mapping: headers and their synonyms, and the words of applicants and results."""

from __future__ import annotations

import pytest

from desktop.core.register.columns import Kind, guess_columns
from desktop.core.register.mapping import OPEN, Mapping, guess_mapping
from desktop.core.register.words import guess_applicant, guess_case_kind, guess_case_result, guess_result
from desktop.core.tablespec import T3, T3_GROUP_LABELS
from tests.fixtures.registers import raw_sheet


@pytest.mark.parametrize(("headers", "expected"), [
    (("收到日期", "申请人类型", "办理结果", "办结日期"), {"received": 0, "applicant": 1, "result": 2, "closed": 3}),
    (("序号", "受理日期", "申请人身份", "答复结果", "答复日期"),
     {"ref": 0, "received": 1, "applicant": 2, "result": 3, "closed": 4}),
    (("申请日期（年/月/日）", "申请人 类型", "处理结果", "办结时间"),
     {"received": 0, "applicant": 1, "result": 2, "closed": 3}),
    (("申请人姓名", "申请日期", "申请人类别(自然人/法人)", "答复日期", "办理结果"),
     {"received": 1, "applicant": 2, "closed": 3, "result": 4}),
])
def test_headers_and_their_synonyms_are_guessed(headers: tuple[str, ...], expected: dict[str, int]) -> None:
    guessed = guess_columns(Kind.APPLICATIONS, headers)
    assert {k: v for k, v in guessed.items() if v is not None} == expected


def test_a_header_that_names_nothing_is_left_unmapped() -> None:
    guessed = guess_columns(Kind.APPLICATIONS, ("日期", "类型", "备注"))
    assert guessed == {"received": None, "applicant": None, "result": None, "closed": None, "ref": None,
                       "reason": None}


@pytest.mark.parametrize(("word", "column"), [
    ("自然人", "natural"), ("个人", "natural"), ("公民", "natural"), ("商业企业", "business"),
    ("某某有限公司", "business"), ("法人或其他组织—商业企业", "business"), ("科研机构", "research"),
    ("社会公益组织", "nonprofit"), ("律师事务所", "legal"), ("法律服务机构", "legal"), ("其他", "other_org"),
    ("法人或其他组织-其他", "other_org"), ("个体工商户", None), ("", None),
])
def test_applicant_words(word: str, column: str | None) -> None:
    assert guess_applicant(word) == column


@pytest.mark.parametrize(("word", "row"), [
    ("予以公开", "granted"), ("全部公开", "granted"), ("部分公开", "partial"),
    ("不予公开 – 属于国家秘密", "denied_1"), ("不予公开（保护第三方合法权益）", "denied_4"),
    ("不予公开-属于四类过程性信息", "denied_6"), ("无法提供/本机关不掌握相关政府信息", "unable_1"),
    ("无法提供：没有现成信息需要另行制作", "unable_2"), ("不予处理—重复申请", "not_processed_2"),
    ("不予处理-信访举报投诉类申请", "not_processed_1"), ("其他处理-其他", "other_3"),
    ("其他处理—申请人逾期未按收费通知要求缴纳费用", "other_2"),
    ("办理中", OPEN), ("", OPEN), ("延期答复", OPEN),
    ("不予公开", None),  # which of the eight reasons: the clerk says
    ("不予处理-国家秘密", None),  # a reason of another group
    ("已答复", None),
])
def test_result_words(word: str, row: str | None) -> None:
    assert guess_result(word) == row


def test_every_statutory_result_label_is_recognised_as_its_row() -> None:
    for row in (r for r in T3.rows if r.group is not None):
        assert guess_result(row.label) == row.key, row.label
        assert guess_result(f"{T3_GROUP_LABELS[row.group]}") in {row.key, None}


@pytest.mark.parametrize(("word", "group"), [
    ("行政复议", "review"), ("复议", "review"), ("行政诉讼-未经复议直接起诉", "suit_direct"),
    ("复议后起诉", "suit_after_review"), ("行政诉讼", None),
])
def test_case_kinds(word: str, group: str | None) -> None:
    assert guess_case_kind(word) == group


@pytest.mark.parametrize(("word", "item"), [
    ("维持", "upheld"), ("结果纠正", "corrected"), ("撤销", "corrected"), ("其他结果", "other"),
    ("尚未审结", "pending"), ("", "pending"), ("驳回", None),
])
def test_case_results(word: str, item: str | None) -> None:
    assert guess_case_result(word) == item


def test_a_remembered_mapping_is_kept_and_completed_with_guesses_for_new_words() -> None:
    sheet = raw_sheet([["1", "2024-01-02", "匿名", "予以公开", "2024-01-09"],
                       ["2", "2024-01-03", "自然人", "不予公开", "2024-01-09"]])
    first = guess_mapping(sheet)
    assert first.values["applicant"] == {"匿名": None, "自然人": "natural"}
    first.values["applicant"]["匿名"] = "natural"
    first.values["result"]["不予公开"] = "denied_4"
    stored = Mapping.from_json(first.to_json())
    assert stored is not None
    again = raw_sheet([*[list(r.values) for r in sheet.rows], ["3", "2024-02-01", "律师", "部分公开", "2024-02-02"]])
    mapping = guess_mapping(again, stored)
    assert mapping.values["applicant"] == {"匿名": "natural", "自然人": "natural", "律师": "legal"}
    assert mapping.values["result"]["不予公开"] == "denied_4"


@pytest.mark.parametrize("text", [
    "", "{", "[]", '{"kind": "x"}', '{"kind": "applications", "columns": {"received": -1}}',
    '{"kind": "applications", "columns": []}',
])
def test_a_damaged_stored_mapping_is_not_used(text: str) -> None:
    assert Mapping.from_json(text) is None
