"""N-01: a stated total against the parts listed after 「其中」, e.g. 「主动公开政府信息103条……其中…18条、
14条、21条、35条、15条」.

Parts that add up to more than the total are always reported. Parts that add up to less are reported only
when the list looks complete: at least three parts, none of 「等」 after them, and within a tenth of the total
(or a part called 其他/其余). A list of table figures (results of requests, of review) is left to N-03 and N-05,
which compare each part with the table itself.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache

from desktop.core.checks.context import CheckContext
from desktop.core.checks.findings import Finding, Severity, TextSpan
from desktop.core.leading import leading
from desktop.core.narrative.guards import CHANGE
from desktop.core.narrative.quotes import Count, Scan, scan
from desktop.core.narrative.rules_applications import GROUP, ON_REQUEST, application_claims
from desktop.core.narrative.rules_documents import document_claims
from desktop.core.narrative.rules_review import review_claims

W = Severity.WARNING
_AMONG = leading("其中")
# The same items published on several channels may be counted once per channel.
_CHANNELS = leading("网站|微信|微博|公众号|新媒体|政务号|客户端|公报|抖音|头条|视频号|APP|App|app")
_REST = leading("其他|其余|其它")
# Items and documents fall into one category each; meetings, people and times often into several.
_UNITS = ("件", "条", "篇", "项")


def _total_before(s: Scan, position: int, depth: int) -> Count | None:
    clause = s.clauses[s.clause_of(position)]
    sentence_start, _ = s.sentence_spans[clause.sentence]
    opens_sentence = not s.text[sentence_start:position].strip()
    sentences = {clause.sentence, clause.sentence - 1} if opens_sentence else {clause.sentence}
    latest = bisect_right(s.count_ends, position) - 1  # the last count ending before the position
    if latest < 0:
        return None
    count = s.counts[latest]
    if s.clauses.sentence[count.clause] not in sentences or s.clauses.depth[count.clause] > depth:
        return None
    if CHANGE.search(s.clause_text(count.clause)):
        return None  # 「收到申请37件，同比增加7件，其中…」: the change is no total
    sentence_start = s.sentence_spans.starts[s.clauses.sentence[count.clause]]
    earlier = s.counts[bisect_left(s.count_starts, sentence_start):latest]
    if any(c.unit == count.unit and s.clauses.depth[c.clause] == s.clauses.depth[count.clause] for c in earlier):
        return None  # 「收到申请37件，上年结转3件。其中…」: which of the two the parts divide is not said
    return count


def _parts_after(s: Scan, position: int, depth: int) -> list[Count]:
    clause = s.clauses[s.clause_of(position)]
    _, segment_end = s.segment_spans[clause.segment]
    following = _AMONG.search(s.text, position + 2, segment_end)
    end = following.start() if following else segment_end
    first, last = bisect_right(s.count_starts, position), bisect_left(s.count_starts, end)
    return [c for c in s.counts[first:last] if s.clauses.depth[c.clause] == depth]


def _problem(s: Scan, total: Count, parts: list[Count]) -> str | None:
    added = sum(p.value for p in parts)
    if added == total.value:
        return None
    listed = "+".join(str(p.value) for p in parts)
    message = f"文中合计{total.value}{total.unit}，其后所列各项之和为{added}{total.unit}（{listed}）"
    if added > total.value:
        return message
    words = [s.clause_text(p.clause) for p in parts]
    if any(_REST.search(w) for w in words):
        return message
    if len(parts) >= 3 and s.text[parts[-1].end:parts[-1].end + 1] != "等" and total.value - added <= total.value / 10:
        return message
    return None


@lru_cache(maxsize=256)
def list_problems(text: str, claimed: frozenset[int]) -> tuple[tuple[str, tuple[tuple[int, int], ...]], ...]:
    """(message, spans of the total and each part) for each list that does not add up."""
    s = scan(text)
    problems = []
    for match in _AMONG.finditer(s.text):
        depth = s.clauses.depth[s.clause_of(match.start())]
        total = _total_before(s, match.start(), depth)
        if total is None or total.approx or total.unit not in _UNITS:
            continue
        parts = [p for p in _parts_after(s, match.start(), depth)
                 if p.unit == total.unit and not CHANGE.search(s.clause_text(p.clause))]  # 较上年增加12条
        # A part that is a table figure (N-02, N-03, N-05, N-06 compare it) means the list mixes breakdowns.
        if len(parts) < 2 or any(p.approx for p in parts) or any(p.start in claimed for p in parts):
            continue
        if any(_CHANNELS.search(s.clause_text(p.clause)) for p in parts):
            continue
        if any(GROUP.search(s.clause_text(p.clause)) for p in parts):
            continue  # results of requests: N-03 compares each with table 三
        message = _problem(s, total, parts)
        if message:
            problems.append((message, tuple((c.start, c.end) for c in (total, *parts))))
    return tuple(problems)


def list_sums(ctx: CheckContext) -> list[Finding]:
    """N-01."""
    found = []
    year = ctx.report.meta.year
    for key, text in ctx.report.text.items():
        if "其中" not in text:
            continue
        on_request = key == ON_REQUEST
        claims = (*application_claims(text, year, on_request), *review_claims(text, on_request, year),
                  *document_claims(text, year))
        for message, spans in list_problems(text, frozenset(c.start for c in claims)):
            found.append(Finding("N-01", W, (key,), message, None, tuple(TextSpan(key, a, b) for a, b in spans)))
    return found
