"""A pattern told where its matches begin finds exactly what the pattern as written finds, in any text."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import desktop.core.narrative as narrative
from desktop.core.leading import hinted, leading, leading_class, looked_ahead, skips_ahead

_MODULES = [f"desktop.core.narrative.{m.name}" for m in pkgutil.iter_modules(narrative.__path__)] + [
    "desktop.core.typography", "desktop.core.checks.section_rules"]
_HEAD = re.compile(r"^(\(\?[aiLmsux]+\))?\(\?=\[")


def _written(compiled: re.Pattern[str]) -> str | None:
    """The pattern as its module wrote it, when ``leading`` told the engine where its matches begin."""
    head = _HEAD.match(compiled.pattern)
    if head is None:  # compiled as written, with the hint in its info block
        return compiled.pattern if hinted(compiled) else None
    at = head.end()  # a Python where only the look-ahead could be given
    while not (compiled.pattern.startswith("])(?:", at) and compiled.pattern[at - 1] != "\\"):
        at += 1
    written = (head.group(1) or "") + compiled.pattern[at + len("])(?:"):-1]
    assert leading(written, compiled.flags & ~re.UNICODE).pattern == compiled.pattern
    return written


def _led_patterns() -> list[tuple[str, re.Pattern[str], str]]:
    found = []
    for name in _MODULES:
        for attribute, value in vars(importlib.import_module(name)).items():
            if isinstance(value, re.Pattern) and (written := _written(value)) is not None:
                found.append((f"{name.rsplit('.', 1)[1]}.{attribute}", value, written))
    return found


LED = _led_patterns()
_ALPHABET = sorted({c for _, _, written in LED for c in written if not c.isascii()}
                   | set("0123456789.,%年月日件条个\n 　，。；、（）()"))


def test_the_checker_s_searches_lead() -> None:
    """The long-text searches of the checker all skip ahead; a Python without the parser would lose this."""
    names = {name for name, _, _ in LED}
    assert {"quotes._COUNT", "guards._TIME", "guards._CARRIED", "rules_applications.GROUP",
            "rules_applications._KEYWORDS", "rules_review._TOPIC"} <= names
    assert len(LED) >= 20  # the others open with a word or a class, which the engine leads itself


@pytest.mark.parametrize(("name", "compiled", "written"), LED, ids=[name for name, _, _ in LED])
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_same_matches_as_written(name: str, compiled: re.Pattern[str], written: str, data: st.DataObject) -> None:
    plain = re.compile(written, compiled.flags)
    # Texts made of the pattern's own words, cut and joined at random, so that matches actually occur.
    words = [w for w in re.split(r"[|()?:*+\[\]{}^$\\]", written) if w] or ["件"]
    pieces = st.one_of(st.sampled_from(words), st.text(alphabet=_ALPHABET, max_size=4))
    text = "".join(data.draw(st.lists(pieces, max_size=25)))
    ahead = looked_ahead(written, compiled.flags & ~re.UNICODE, leading_class(written, compiled.flags & ~re.UNICODE)
                         or "")
    for other in (compiled, ahead):
        assert [m.span() for m in other.finditer(text)] == [m.span() for m in plain.finditer(text)]
        assert [m.groupdict() for m in other.finditer(text)] == [m.groupdict() for m in plain.finditer(text)]
        assert [m.span() for m in other.finditer(text, 1, len(text) - 1)] == \
            [m.span() for m in plain.finditer(text, 1, len(text) - 1)]
        assert (other.match(text) is None) == (plain.match(text) is None)


def test_leading_class() -> None:
    assert leading_class("予以公开|部分公开|不予公开") == "[不予部]"
    assert leading_class(r"(?:上一?年|\d{4}年)结转") == r"[\d上]"
    assert leading_class("约?件") == "[件约]"
    assert leading_class("(?<!第)[一二]件") == "[一二]"  # a look-behind takes no character


@pytest.mark.parametrize("pattern", ["a?", "x*", "$|a", "[^a]b", ".件", r"(a?)\1b", "(?i)abc"])
def test_no_class_where_a_match_may_begin_anywhere(pattern: str) -> None:
    assert leading_class(pattern) is None
    assert leading(pattern).pattern == pattern


def test_global_flags_stay_first() -> None:
    compiled = leading(r"(?m)^\s*本年")
    assert skips_ahead(compiled)
    assert [m.span() for m in compiled.finditer("一\n 本年\n本年")] == [(2, 5), (6, 8)]
    ahead = looked_ahead(r"(?m)^\s*本年", 0, r"[\s本]")
    assert ahead.pattern.startswith("(?m)(?=")
    assert [m.span() for m in ahead.finditer("一\n 本年\n本年")] == [(2, 5), (6, 8)]


def test_a_pattern_the_engine_leads_itself_is_compiled_as_written() -> None:
    """「予以公开|部分公开」 opens with a word: the engine's own search for 予 and 部 is faster than any hint."""
    compiled = leading("予以公开|部分公开")
    assert compiled.pattern == "予以公开|部分公开"
    assert skips_ahead(compiled)
    assert not skips_ahead(re.compile("(?:x)?件"))


def test_the_hint_keeps_the_pattern_s_groups_and_flags() -> None:
    compiled = leading(r"(?P<pre>约|近)?(?<!第)(?P<num>\d+)\s*(?P<unit>件|条)", re.MULTILINE)
    assert compiled.groupindex == {"pre": 1, "num": 2, "unit": 3}
    assert compiled.flags & re.MULTILINE
    assert [m.group("pre", "num", "unit") for m in compiled.finditer("约3件第4件 12条")] == [
        ("约", "3", "件"), (None, "12", "条")]


def test_a_look_behind_before_one_character() -> None:
    """「(?<!其)中$」: the class of the first character is that one character."""
    compiled = leading("(?<!其)中$")
    assert compiled.search("上年结转的3件申请中") is not None
    assert compiled.search("全年共受理申请37件，其中") is None
