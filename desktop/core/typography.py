"""Chinese typography of the report's prose, as it is printed: full-width punctuation between Chinese
characters, 「（一）」 numbering, no doubled or mixed marks. The importer and the text rule (X-02) both use
``fix_punctuation``, so pasting a portal's text and importing it give the same document.

Marks inside Latin text or numbers stay half-width: 「5,500」「10:30」「http://」「WPS (Word)」.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.leading import leading

HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "?": "？", "!": "！"}
_HALF = leading("[" + re.escape("".join(HALF_TO_FULL)) + "]")
_DOUBLED = leading(r"([，。；：？！、])\1+")
_MIXED = leading(r"[，、；：]+(?=[。？！])|(?<=[。？！])[，、；：]+")
# Where _DOUBLED or _MIXED can match: two same marks, or a clause mark next to a sentence end.
_DOUBLED_OR_MIXED = leading(r"([，。；：？！、])\1|[，、；：][。？！]|[。？！][，、；：]")


def is_chinese(ch: str) -> bool:
    return bool(ch) and ("\u3400" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"
                         or ch in "“”‘’")


def _latin_context(text: str, i: int) -> bool:
    """A bracket inside Latin text, e.g. 「WPS (Word)」, stays half-width."""
    window = text[max(0, i - 12): i + 12]
    return not any(is_chinese(ch) for ch in window)


def _stays_half(ch: str, text: str, i: int) -> bool:
    before = text[i - 1] if i else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    latin_before = before.isascii() and before.isalnum()
    if ch in ",:":
        if before.isdigit() and after.isdigit():
            return True  # 「231,667」「10:30」, in full-width digits too (「２３１,６６７」)
        return latin_before and not is_chinese(after)
    if ch in ";?!":
        return latin_before and after.isascii() and after != " "
    return not (is_chinese(before) or is_chinese(after)) and _latin_context(text, i)


def full_width_punctuation(text: str) -> str:
    """「(一)主动公开:」 → 「（一）主动公开：」; 「5,500」 stays."""
    # Only the half-width marks are looked at (a regular expression finds them), so a long text costs
    # little more than its marks.
    return _HALF.sub(lambda m: m.group() if _stays_half(m.group(), text, m.start()) else HALF_TO_FULL[m.group()],
                     text)


def fix_punctuation(text: str) -> str:
    """Full-width marks, then doubled (「，，」) and mixed (「，。」) marks made one. 「……」 and 「——」 stay."""
    text = full_width_punctuation(text)
    text = _DOUBLED.sub(r"\1", text)
    return _MIXED.sub("", text)


@dataclass(frozen=True)
class PunctuationIssue:
    start: int
    end: int
    found: str


def punctuation_issues(text: str, limit: int = 50) -> list[PunctuationIssue]:
    """Where ``fix_punctuation`` would change the text: each half-width mark in Chinese prose and each run
    of doubled or mixed marks, in order, at most ``limit``."""
    issues: list[PunctuationIssue] = []
    for match in _HALF.finditer(text):  # the only characters full_width_punctuation changes
        i = match.start()
        if not _stays_half(text[i], text, i):
            issues.append(PunctuationIssue(i, i + 1, text[i]))
            if len(issues) >= limit:
                return issues
    full = full_width_punctuation(text) if issues else text
    if not _DOUBLED_OR_MIXED.search(full):  # one pass finds whether either of the two below has work
        return issues
    for pattern in (_DOUBLED, _MIXED):
        for match in pattern.finditer(full):
            issues.append(PunctuationIssue(match.start(), match.end(), text[match.start():match.end()]))
            if len(issues) >= limit:
                break
    merged: list[PunctuationIssue] = []
    for issue in sorted(issues, key=lambda issue: issue.start):
        if merged and issue.start < merged[-1].end:
            last = merged.pop()
            end = max(last.end, issue.end)
            issue = PunctuationIssue(last.start, end, text[last.start:end])
        merged.append(issue)
    return merged[:limit]
