"""Reading numbers the way clerks write them, and only the numbers that count something."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop.core.narrative.numerals import chinese_value, fold, numeral_value
from desktop.core.narrative.quotes import scan
from tests.core.test_narrative_texts import HUAIAN_TEXT


@pytest.mark.parametrize("numeral,value", [
    ("两", 2), ("十", 10), ("十二", 12), ("二十", 20), ("一百零三", 103), ("一千零一", 1001), ("两千", 2000),
    ("三万五千", 35000), ("零", 0), ("〇", 0), ("二〇二四", 2024),
])
def test_chinese_numerals(numeral: str, value: int) -> None:
    assert chinese_value(numeral) == value


@pytest.mark.parametrize("words", ["四五", "一二", "一百零", "十四五"])
def test_runs_of_digits_are_not_numbers(words: str) -> None:
    assert chinese_value(words) is None


@pytest.mark.parametrize("numeral,value", [("3,119", 3119), ("1.2万", 12000), ("44.66", Decimal("44.66")),
                                           ("１０３", 103)])
def test_arabic_and_full_width(numeral: str, value: int | Decimal) -> None:
    assert numeral_value(fold(numeral)) == value


def test_fold_keeps_every_position() -> None:
    typed = "受理申请１２件，占４４．７％"
    assert len(fold(typed)) == len(typed) and fold(typed) == "受理申请12件，占44.7%"


def counts(text: str) -> list[tuple[str, object, bool]]:
    s = scan(text)
    return [(text[c.start:c.end], c.value, c.approx) for c in s.counts]


def test_counts_in_the_township_sentences(seed_texts: dict[str, str]) -> None:
    found = counts(seed_texts["text.s1.proactive"])
    assert [(q, v) for q, v, _ in found] == [("103条", 103), ("18条", 18), ("14条", 14), ("21条", 21), ("35条", 35),
                                             ("15条", 15)]
    assert [q for q, _, _ in counts(seed_texts["text.s1.on_request"])] == ["0件", "0件"]


def test_dates_phones_postcodes_and_document_numbers_are_not_counts() -> None:
    preamble = HUAIAN_TEXT["text.preamble"]
    assert counts(preamble) == []  # 国令第711号, 2024年1月1日, 223001, 0517-83605210
    assert counts("依据国办函〔2020〕109号，于2024年1月4日印发，第二十条第（一）项。") == []


def test_approximate_counts_are_marked() -> None:
    assert counts(HUAIAN_TEXT["text.s1.proactive"])[0] == ("5500余条", 5500, True)
    assert [a for _, _, a in counts("约30件、100多件、50件左右、20件")] == [True, True, True, False]


def test_chinese_and_full_width_counts_keep_their_positions() -> None:
    text = "受理申请两件，办结十二件，主动公开一百零三条，新收３件。"
    assert counts(text) == [("两件", 2, False), ("十二件", 12, False), ("一百零三条", 103, False), ("３件", 3, False)]


def test_words_with_numerals_inside_are_not_counts() -> None:
    text = "进一步落实“一事一审”，统一标准，三审制度，十九届六中全会，第一件事，每一件申请。"
    assert counts(text) == []


def test_percentages() -> None:
    s = scan("合格率均为100%，予以公开占４４．７％，百分之九十五点五")
    assert [(p.value, p.decimals) for p in s.percents] == [(Decimal(100), 0), (Decimal("44.7"), 1),
                                                           (Decimal("95.5"), 1)]


def test_clauses_sentences_and_brackets() -> None:
    s = scan(HUAIAN_TEXT["text.s1.on_request"])
    inner = [s.clause_text(i) for i, c in enumerate(s.clauses) if c.depth == 1]
    assert inner == ["含上年度结转申请34件", "另有103件顺延到下年度答复"]
    review = next(i for i in range(len(s.clauses)) if s.clause_text(i) == "政府信息公开行政复议351件")
    suit = next(i for i in range(len(s.clauses)) if s.clause_text(i) == "政府信息公开行政诉讼46件")
    assert s.clauses[review].sentence == s.clauses[suit].sentence
    assert s.clauses[review].segment != s.clauses[suit].segment  # split at ；


@pytest.fixture
def seed_texts() -> dict[str, str]:
    from tests.fixtures.reports import seed

    return dict(seed().text)


@pytest.mark.parametrize(("numeral", "value"), [
    ("一百二", 120), ("一千二", 1200), ("一万二", 12_000), ("一亿二千万", 120_000_000), ("三千五百万", 35_000_000),
    ("一百零二", 102), ("一万零二", 10_002), ("二十三", 23), ("五万三千", 53_000),
])
def test_a_digit_after_a_unit_counts_in_the_next_unit_down(numeral: str, value: int) -> None:
    """一百二 is 120, as it is said; 一百零二 is 102."""
    assert chinese_value(numeral) == value
