"""Traditional-character pages (mirror sites) read as simplified text, phrases included.

The hand-written table in ``chinese_variants`` covers the labels and is enough to match them, but prose
converted character by character keeps what it does not list (乾淨, 資料庫). OpenCC's dictionaries
(phrases first, then characters) convert the whole text. Mirror sites also annotate characters with
their pinyin, 「規(guī)章」; the annotation goes before anything is matched.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Protocol

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
_SYLLABLE = re.compile(rf"^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouv{_TONED}]+(?:ng|n|r)?$")
_ANNOTATION = re.compile(rf"(?<=[\u3400-\u9fff])[(（]\s*([a-z{_TONED}]{{1,7}})\s*[)）]")


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


def strip_pinyin(text: str) -> tuple[str, int]:
    """The text without 「(guī)」 after a character, and how many were removed. Only a single pinyin
    syllable right after a hanzi is an annotation: 「平台(app)」 or 「网站(tufwp.cn)」 stay."""
    count = 0

    def drop(match: re.Match[str]) -> str:
        nonlocal count
        syllable = match.group(1)
        if not _SYLLABLE.match(syllable) or not any(ch in _TONED for ch in syllable):
            return match.group(0)
        count += 1
        return ""

    return _ANNOTATION.sub(drop, text), count


@lru_cache(maxsize=1)
def _converter() -> _Converter:
    import opencc

    return opencc.OpenCC("t2s")  # type: ignore[no-any-return]


def to_simplified_prose(text: str) -> str:
    return _converter().convert(text) if text else text
