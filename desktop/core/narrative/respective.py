"""Lists read 「分别」: 「予以公开、部分公开、不予公开的分别为1362件、454件、178件」.

The names before 「分别」 and the counts after it pair by position, when there are as many of each. The names
are read from where the list starts: after the last count or 「其中」 before 「分别」 in the same part of the
sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator

from desktop.core.narrative.guards import RESPECTIVELY, other_year
from desktop.core.narrative.quotes import Count, Scan


def respective_pairs(
    s: Scan, year: int, names: re.Pattern[str], counted: Callable[[Count], bool]
) -> Iterator[list[tuple[re.Match[str], Count]]]:
    """Each 「分别」 list of the text as (name, count) pairs; names are matches of ``names``. Only the parts
    of sentences saying 分别 are read, and the counts around it are found by bisection: a text of thousands
    of such lists took seconds, growing with the square of the text."""
    for segment in sorted(s.segments_saying(RESPECTIVELY)):
        start, end = s.segment_spans[segment]
        at = s.text.find(RESPECTIVELY, start, end)
        if at < 0 or other_year(s, at, year):
            continue
        last_before = bisect_right(s.count_ends, at) - 1  # the counts' ends ascend with their starts
        before = [s.counts[last_before].end] if last_before >= 0 and s.counts[last_before].start >= start else []
        among = s.text.rfind("其中", start, at)
        list_start = max([start, among + 2 if among >= 0 else start, *before])
        found = list(names.finditer(s.text, list_start, at))
        counts = s.counts[bisect_right(s.count_starts, at):bisect_left(s.count_starts, end)]
        if len(found) < 2 or len(found) != len(counts) or not all(counted(c) and not c.approx for c in counts):
            continue
        yield list(zip(found, counts, strict=True))
