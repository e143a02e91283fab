"""When a quoted count is not this year's table figure, whatever the words next to it say.

Three readings keep a claim from being made:
- another year: 「上年同期受理申请2800件」「2023年予以公开1200件」. The latest year named before the count in its
  sentence decides; 「上年结转」 is a figure of its own, not a time.
- a list read 「分别」: 「予以公开、部分公开分别为1362件、454件」 pairs names and the numbers after 「分别」 by
  position.
- a count of something else: 「87件行政处罚决定」「一件事」「3个部门」, where a noun follows the unit.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import repeat

from desktop.core.leading import leading
from desktop.core.narrative.quotes import Count, Scan

_CARRIED = leading(
    r"(?:上一?年度?|去年|\d{4}\s*年度?)(?:结转|转结|转入|遗留)"
    r"|(?:结转|顺延|延转|转入|转至|延至)(?:到|至|入)?(?:下一?年度?|次年|\d{4}\s*年度?)"
)
# Every carried figure says one of these words: a text without them has none, and is not searched.
_CARRIED_WORDS = ("结转", "转结", "转入", "遗留", "顺延", "延转", "转至", "延至")
assert all(word in _CARRIED.pattern for word in _CARRIED_WORDS)
_CARRIED_WORD = re.compile("|".join(_CARRIED_WORDS))  # one pass over a long text, not one per word
_TIME = leading(
    r"(?P<other>上一?年度?|去年|前年|同期|往年|以往)|(?P<this>本年度?|今年|全年|当年|年内)|(?P<year>\d{4})\s*年"
)
# Counts of several years, or of a month on average: 「近三年累计受理」「…以来，累计受理」「平均每月受理」.
MANY_YEARS = leading(r"以来|近[一二两三四五六七八九十\d]{1,2}年|历年|多年|每月|月均|平均|年均")
# A change against last year: 「较上年增加12条」「同比增长29.3%」.
CHANGE = leading("同比|环比|较上|较去|比上|比去|增加|减少|增长|下降|上升|提高|降低")
# What may follow a count of requests, cases or documents: punctuation, the thing counted, or the rest of
# the predicate (「3件均已办结」「1362件，占44.7%」).
_FOLLOWER = leading(
    r"$|[^\u4e00-\u9fff]"
    r"|(?:政府信息公开|依申请公开|信息公开|公开)?申请(?!人)|案件|案|(?:行政)?(?:复议|诉讼)"
    r"|政府信息|信息|(?:行政)?规范性文件|规章|文件"
    r"|其中|中|均|已|都|全|次|和|及|与|并|占|为|是|较|比|同|左右|以上|以下|的|予以|部分|不予|无法|办结|答复"
    r"|结转|顺延|尚|正在|另|分别|共|合计|总计|依法|按|在|经|被|由"
)
assert _FOLLOWER.pattern.startswith(r"$|[^\u4e00-\u9fff]|")  # the rest are words: _not_this_years relies on it


RESPECTIVELY = "分别"


def _respectively_at(s: Scan, segment: int) -> int:
    """Where the segment says 「分别」 (-1 if it does not)."""
    return s.text.find(RESPECTIVELY, s.segment_spans.starts[segment], s.segment_spans.ends[segment])


def respective(s: Scan, clause: int, position: int) -> bool:
    """What stands at ``position`` in the clause follows 「分别」, where names and numbers pair by position."""
    segment = s.clauses.segment[clause]
    return segment in s.segments_saying(RESPECTIVELY) and position > _respectively_at(s, segment)


@lru_cache(maxsize=256)
def _times(text: str) -> tuple[tuple[int, ...], tuple[int | None, ...]]:
    """Where the text names a time: the ends, and the years named there (0 for 上年 and the like, None for
    本年 and the like). Kept apart so a position finds its time by bisection, not by a walk from the start."""
    carried = _CARRIED_WORD.search(text) is not None
    blanked = _CARRIED.sub(lambda m: "　" * len(m.group()), text) if carried else text
    matches = list(_TIME.finditer(blanked))
    named = [int(m.group("year")) if m.lastgroup == "year" else (0 if m.lastgroup == "other" else None)
             for m in matches]
    return tuple(map(re.Match.end, matches)), tuple(named)


def other_year(s: Scan, position: int, year: int) -> bool:
    """The latest time named before ``position`` in its sentence is another year than the report's."""
    return _other_year_in(s, s.clauses.sentence[s.clause_of(position)], position, year)


def _other_year_in(s: Scan, sentence: int, position: int, year: int) -> bool:
    ends, named = _times(s.text)
    latest = bisect_right(ends, position) - 1  # the matches do not overlap, so their ends ascend
    if latest < 0 or ends[latest] <= s.sentence_spans.starts[sentence]:
        return False
    return named[latest] is not None and named[latest] != year


def counts_something_else(s: Scan, count: Count) -> bool:
    """A noun other than requests, cases or documents follows the unit: 「87件行政处罚决定」「3个部门」."""
    return _FOLLOWER.match(s.text, count.end) is None


def not_this_years_figure(s: Scan, count: Count, year: int) -> bool:
    """respective, other_year or counts_something_else. Every count of a text is asked, by several rules:
    the answer is worked out for all the counts at once."""
    return count.start in counts_not_this_years(s, year)


def counts_not_this_years(s: Scan, year: int) -> frozenset[int]:
    """The starts of the counts not_this_years_figure is true of."""
    flagged = s.memo.get(("not this year's", year))
    if flagged is None:
        flagged = s.memo["not this year's", year] = _not_this_years(s, year)
    return flagged


def _not_this_years(s: Scan, year: int) -> frozenset[int]:
    """counts_not_this_years, read column by column."""
    if not s.counts:
        return frozenset()
    flagged: set[int] = set()
    saying = s.segments_saying(RESPECTIVELY)
    if saying:
        # the counts after 「分别」 pair by position; the ones before it stand by their own names
        # (「予以公开21件、部分公开5件，分别占55.3%、13.2%」)
        segment = s.clauses.segment
        said_at = {i: _respectively_at(s, i) for i in saying}
        flagged.update(c.start for c in s.counts
                       if segment[c.clause] in saying and c.start > said_at[segment[c.clause]])
    ends, named = _times(s.text)
    other = [n is not None and n != year for n in named]
    if any(other):
        sentence, sentence_starts = s.clauses.sentence, s.sentence_spans.starts
        # the latest time named before the count, within its sentence
        flagged.update(c.start for c, after in zip(s.counts, map(bisect_right, repeat(ends), s.count_starts),
                                                   strict=True)
                       if after and other[after - 1] and ends[after - 1] > sentence_starts[sentence[c.clause]])
    # _FOLLOWER passes the end of the text and any character but a Chinese one at once: only the counts
    # followed by a Chinese character are matched against it.
    padded = s.text + " "
    chinese = [c for c, after in zip(s.counts, map(padded.__getitem__, s.count_ends), strict=True)
               if "\u4e00" <= after <= "\u9fff"]
    flagged.update(c.start for c in chinese if _FOLLOWER.match(s.text, c.end) is None)
    return frozenset(flagged)


# Part of the year only: 「第一季度未收到申请」.
_PERIOD = leading(r"季度|上半年|下半年|\d{1,2}\s*月|[一二三四五六七八九十]{1,2}月|月份|期间|节假日|周末|当天|当日")
_WHOLE_YEAR = leading(r"1\s*月\s*1\s*日.{0,14}?12\s*月\s*31\s*日|(?:截至|截止|截止到)\s*(?:\d{4}\s*年\s*)?"
                      r"(?:12\s*月\s*31\s*日|12\s*月底|年底|年末)|全年|本年度?|今年")


def part_of_year(text: str) -> bool:
    """Whether the words before a figure limit it to part of the year."""
    return bool(_PERIOD.search(_WHOLE_YEAR.sub("", text)))
