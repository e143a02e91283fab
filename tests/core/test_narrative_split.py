"""The clauses, segments and sentences of a text, built column by column, are those of a plain walk."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.narrative import guards
from desktop.core.narrative.quotes import MAX_CLAUSE, MAX_SENTENCE, Clause, _split, scan

_BOUNDARY = re.compile(r"[。！？!?\n；;，、：:（）()]|(?<!\d)[.,]|[.,](?!\d)")


def _walk(text: str) -> tuple[list[Clause], list[tuple[int, int]], list[tuple[int, int]]]:
    """One boundary at a time, as the rules read a text."""
    clauses: list[Clause] = []
    sentences: list[tuple[int, int]] = []
    segments: list[tuple[int, int]] = []
    start = sentence_start = segment_start = 0
    depth, opener = 0, ""
    for match in _BOUNDARY.finditer(text):
        i, char = match.start(), match.group()
        if i > start:
            clauses.append(Clause(start, i, len(sentences), len(segments), depth, opener))
        start, opener = i + 1, char
        if char in "（(":
            depth += 1
        elif char in "）)":
            depth = max(0, depth - 1)
        if char in "；;。！？!?\n.":
            segments.append((segment_start, i))
            segment_start, opener = i + 1, ""
        if char in "。！？!?\n.":
            sentences.append((sentence_start, i))
            sentence_start, depth = i + 1, 0
    if start < len(text):
        clauses.append(Clause(start, len(text), len(sentences), len(segments), depth, opener))
    segments.append((segment_start, len(text)))
    sentences.append((sentence_start, len(text)))
    return clauses, sentences, segments


_PIECES = st.one_of(st.sampled_from(["。", "；", "，", "、", "（", "）", "(", ")", ".", ",", "\n", "：", "！"]),
                    st.text(alphabet="0123456789受理申请件年１", max_size=5))


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_split_is_the_walk(text: str) -> None:
    clauses, sentences, segments = _split(text)
    assert (list(clauses), sentences, segments) == _walk(text)
    assert clauses.start == [c.start for c in clauses]
    assert [clauses.sentence[i] for i in range(len(clauses))] == [c.sentence for c in clauses]


def test_a_number_keeps_its_point_and_comma() -> None:
    clauses, sentences, _ = _split("受理1,234件，办结44.7%。共3件.")
    assert [(c.start, c.end) for c in clauses] == [(0, 8), (9, 16), (17, 20)]
    assert len(sentences) == 3


def test_counts_of_a_long_text_are_found_in_order() -> None:
    text = "全年受理申请3119件，办结3050件（含上年结转两件）。" * 2000
    s = scan(text)
    assert len(s.counts) == 6000
    assert [c.value for c in s.counts[:3]] == [3119, 3050, 2]
    assert s.counts_in(s.counts[-1].clause)[-1] is s.counts[-1]
    assert list(s.count_starts) == sorted(s.count_starts)


def test_a_run_without_punctuation_is_read_in_bounded_clauses_and_sentences() -> None:
    """A paste that lost its punctuation: clauses of at most MAX_CLAUSE characters and sentences of about
    MAX_SENTENCE, cut between characters, covering the text; rules read each once per count in it."""
    text = "受理申请3件办结申请2件" * 1000
    clauses, sentences, segments = _split(text)
    assert max(c.end - c.start for c in clauses) <= MAX_CLAUSE
    assert [(c.start, c.end) for c in clauses] == list(zip(range(0, len(text), MAX_CLAUSE),
                                                           [*range(MAX_CLAUSE, len(text), MAX_CLAUSE), len(text)],
                                                           strict=True))
    assert all(end - start <= MAX_SENTENCE for start, end in sentences) and len(sentences) > 1
    assert sentences[0] == (0, MAX_SENTENCE) and sentences[1][0] == MAX_SENTENCE  # no character lost
    assert segments == sentences
    assert {c.sentence for c in clauses} == set(range(len(sentences)))


def test_a_run_of_commas_ends_its_sentence_at_a_comma() -> None:
    text = "受理申请3件，" * 1000
    clauses, sentences, _ = _split(text)
    assert all(end - start <= MAX_SENTENCE + MAX_CLAUSE for start, end in sentences) and len(sentences) > 1
    assert all(text[end] == "，" for _, end in sentences[:-1])  # cut at a comma, which ends the sentence
    assert [c for c in clauses if c.opener == ""] == [c for c in clauses if c.start in {s for s, _ in sentences}]


def test_a_long_sentence_of_a_real_report_is_not_cut() -> None:
    text = ("本机关" + "主动公开政府信息，" * 200)[:MAX_SENTENCE - 1] + "。"
    clauses, sentences, segments = _split(text)
    assert (list(clauses), sentences, segments) == _walk(text)


_WORDS = st.sampled_from(["受理申请", "3件", "2023年", "上年", "本年", "分别为", "1件", "、", "，", "。", "；",
                          "行政处罚", "申请人", "上年结转", "全年", "２件", "申", "请"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=60).map("".join), st.sampled_from([2023, 2024]))
def test_counts_read_at_once_are_those_read_one_by_one(text: str, year: int) -> None:
    """not_this_years_figure is worked out for all counts of a text together; it is the reading of each
    count alone: a 分别 list, another year named before it in its sentence, or another noun after it."""
    s = scan(text)
    for count in s.counts:
        alone = (guards.respective(s, count.clause, count.start) or guards.other_year(s, count.start, year)
                 or guards.counts_something_else(s, count))
        assert guards.not_this_years_figure(s, count, year) == alone


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, max_size=40).map("".join), st.integers(min_value=1, max_value=3))
def test_the_sentences_saying_a_word_are_those_whose_text_holds_it(text: str, copies: int) -> None:
    """Also in a text without punctuation, cut between characters, where a word may straddle the cut."""
    cut = MAX_SENTENCE * copies - 1  # a run without punctuation is cut there into two sentences
    for text_ in (text, "受" * cut + "申请" + text, "受" * cut + "分别" + text):
        s = scan(text_)
        for word in ("申请", "分别"):
            assert s.sentences_saying(word) == {
                i for i, (start, end) in enumerate(s.sentence_spans) if word in s.text[start:end]}
            assert s.segments_saying(word) == {
                i for i, (start, end) in enumerate(s.segment_spans) if word in s.text[start:end]}
