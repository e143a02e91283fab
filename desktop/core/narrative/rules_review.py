"""N-05: review and litigation in the text against table 四.

Read: 「（被申请）行政复议N件」, 「行政诉讼N件」 (both kinds of 起诉 together), each suit group's label with
N件, their results after 「其中」 (结果维持/纠正/其他结果/尚未审结 N 件), 「均获维持」 and
「未发生…行政复议、行政诉讼」. Only sentences about information disclosure count: a city government that
decides review cases itself writes about them too.
"""

from __future__ import annotations

import re
from functools import lru_cache

from desktop.core.checks.context import CheckContext
from desktop.core.checks.findings import Finding, Severity
from desktop.core.leading import leading
from desktop.core.narrative.claims import Claim, Wording, claim_of, judge
from desktop.core.narrative.figures import LITIGATION, Figure, t4
from desktop.core.narrative.guards import CHANGE, not_this_years_figure, other_year
from desktop.core.narrative.quotes import Count, Scan, scan
from desktop.core.narrative.respective import respective_pairs
from desktop.core.tablespec import CELLS, T4_SUIT, cell_key

E = Severity.ERROR
ON_REQUEST = "text.s1.on_request"
_CASE_UNITS = ("件", "起", "宗", "例", "次", "个")

_TOPIC = leading(
    r"(?P<suit_after_review>复议后(?:提起)?(?:行政)?起诉)"
    r"|(?P<suit_direct>未经复议直接(?:提起)?(?:行政)?起诉|直接(?:提起)?(?:行政)?起诉)"
    r"|(?P<review>行政复议|复议)"
    r"|(?P<litigation>行政诉讼|诉讼|起诉)"
)
_ITEM = leading(r"(?P<upheld>结果维持|维持)|(?P<corrected>结果纠正|纠正)|(?P<other>其他结果)"
                   r"|(?P<pending>尚未审结|未审结|正在审理|审理中)")
_ALL_UPHELD = leading(
    r"(?:均|全部|都|皆)(?:已)?(?:获得|得到|获|被|予以|予)?(?:依法)?(?:法院|复议机关)?(?:判决|决定)?(?:予以|为)?维持"
)
# Words that leave the pending cases out of 「均获维持」: they are said to be open, or it speaks of the decided ones.
_PENDING_WORDS = leading("尚未审结|未审结|正在审理|审理中|尚在|已审结|审结的|已结案|结案的|已办结的")
_NONE = leading(
    r"(?:未发生|没有发生|未出现|未有|没有|无|未被|未因|未曾)(?P<mid>[^，。；,;、（）()\n]{0,16}?)(?P<a>行政复议|行政诉讼)"
    r"(?:(?:和|、|及|与|或|以及)(?:被提起|提起|被申请)?(?P<b>行政复议|行政诉讼))?"
    r"(?:案件|的情况|情况|事件|事项)?(?=[，。；,;）)\n]|$)"
)
_NONE_MID_BAD = leading("纠错|纠正|败诉|撤销|确认违法|超期|逾期|审结|结案|办结|判决|经")
# The agency deciding cases itself, or counts too loose to compare.
_NOT_OURS = leading(
    "办理|审理|受理|收到|复议机关|各|共同|信访|培训|会议|讲座|学习|活动|演练|宣传|涉及|部门|单位|旁听|庭审|出庭")
_GROUPS_OF = {"review": ("review",), LITIGATION: ("suit_direct", "suit_after_review"),
              "suit_direct": ("suit_direct",), "suit_after_review": ("suit_after_review",)}


def _about_disclosure(s: Scan, clause: int, on_request: bool, position: int) -> bool:
    """Cases of information disclosure: said so before ``position``, or implied by section 一（二）.

    「被申请行政复议3件，其中因政府信息公开1件」 narrows later, so its 3 is not table 四's.
    """
    sentence = s.clauses.sentence[clause]
    start, end = s.sentence_spans.starts[sentence], s.sentence_spans.ends[sentence]
    if "信息公开" in s.text[start:position]:
        return True
    return on_request and "信息公开" not in s.text[position:end]


def _topic(match: re.Match[str]) -> str:
    assert match.lastgroup is not None
    return match.lastgroup


def _count_claims(s: Scan, on_request: bool, year: int) -> list[Claim]:
    topics_in: dict[int, list[str]] = {}
    for match in _TOPIC.finditer(s.text):
        topics_in.setdefault(s.clause_of(match.start()), []).append(_topic(match))
    claims = []
    current: str | None = None
    segment = -1
    # A count is read only in a part of a sentence that names a kind of case (the topic is carried from
    # clause to clause within it, and forgotten at its end).
    segment_of, depth_of = s.clauses.segment, s.clauses.depth
    named = {segment_of[index] for index in topics_in}
    counted = (c.clause for c in s.counts if c.unit in _CASE_UNITS and segment_of[c.clause] in named)
    for index in sorted({*topics_in, *counted}):
        if segment_of[index] != segment:
            segment, current = segment_of[index], None
        topics = topics_in.get(index, [])
        first = _listed_from(s, index, topics_in)
        counts = [c for c in s.counts_in(index) if c.unit in _CASE_UNITS]
        if len(counts) == 1 and (topics or current):
            listed = [t for i in range(first, index + 1) for t in topics_in.get(i, [])]
            claims += _count_claim(s, (first, index), counts[0], listed, current, on_request, year)
        if topics and depth_of[index] == 0:
            current = topics[-1]  # a bracket names kinds of a case; the results after it are of the whole
    return claims


def _listed_from(s: Scan, index: int, topics_in: dict[int, list[str]]) -> int:
    """The first clause of a list of kinds the clause ends: 「行政复议、行政诉讼案件共4件」 is cut at 「、」
    into clauses naming a kind without a count."""
    first = index
    while s.clauses.opener[first] == "、" and (previous := s.previous_clause(first)) is not None \
            and previous in topics_in and not s.counts_in(previous):
        first = previous
    return first


# Between the kinds of a list: 「被申请行政复议和被提起行政诉讼」「行政复议、行政诉讼」.
_LIST_GAP = re.compile(r"(?:和|及|与|、|以及|或|被|申请|提起|引起的|的|案件)*")
# 「各1件」: every kind listed has the count.
_EACH = re.compile(r"各(?:为|有)?\s*$")
# Between the last kind listed and its count: 「行政复议和行政诉讼案件共4件」, not 「…诉讼情况、…事项共六个部分」.
_TO_COUNT = re.compile(r"(?:案件|的|共计|合计|总计|共|计|均为|为|各|有|数量|发生)*")


def _kinds_listed(words: str, count_at: int) -> list[str] | None:
    """The kinds of case a clause lists, in order, when only joining words stand between them and the count
    (at ``count_at`` in the words) follows them."""
    matches = list(_TOPIC.finditer(words))
    if any(not _LIST_GAP.fullmatch(words[a.end():b.start()]) for a, b in zip(matches, matches[1:], strict=False)):
        return None
    if not matches or not _TO_COUNT.fullmatch("".join(words[matches[-1].end():count_at].split())):
        return None
    kinds = list(dict.fromkeys(map(_topic, matches)))
    groups = [g for kind in kinds for g in _GROUPS_OF[kind]]
    return kinds if len(groups) == len(set(groups)) else None  # 「行政诉讼（直接起诉…）」 overlaps


def _sum_of(kinds: list[str]) -> Figure:
    names = "、".join(f"“{T4_SUIT if k == LITIGATION else CELLS[cell_key('t4', k, 'total')].row_label}”"
                     for k in kinds)
    return Figure(f"表四{names}总计之和", tuple(key for k in kinds for key in t4(k, "total").cells))


def _count_claim(s: Scan, clauses: tuple[int, int], count: Count, topics: list[str], current: str | None,
                 on_request: bool, year: int) -> list[Claim]:
    """The claims of the one count in a clause (``clauses``: the first of its list of kinds, and itself)."""
    first, index = clauses
    start, end = s.clauses.start[first], s.clauses.end[index]
    words = s.text[start:end]
    each = _EACH.search(s.text, s.clauses.start[index], count.start)
    # 「各1件」 is no 「各部门」: the words without it are asked whether they speak of others' cases
    said = words if each is None else s.text[start:each.start()] + s.text[count.start:end]
    if count.approx or _NOT_OURS.search(said) or not _about_disclosure(s, index, on_request, count.start):
        return []
    if CHANGE.search(words):
        return []  # 「行政复议案件同比减少3件」
    if not_this_years_figure(s, count, year):
        return []
    spared = [m.span() for m in _ALL_UPHELD.finditer(words)]
    items = [m for m in _ITEM.finditer(words) if not any(a <= m.start() < b for a, b in spared)]
    quoted = (int(count.value), count.start, count.end, words.strip(), s.clauses.sentence[index], Wording.COUNT,
              (), count.number_end, True)
    if len(set(topics)) > 1:
        kinds = None if items or count.unit not in ("件", "起") else \
            _kinds_listed(words, count.start - start)
        if kinds is None:
            return []
        if each is not None:  # 「行政复议、行政诉讼各1件」
            return [claim_of(("N-05", t4(kind, "total"), *quoted[:-1], False)) for kind in kinds]  # no one fix
        return [claim_of(("N-05", _sum_of(kinds), *quoted))]  # 「行政复议和行政诉讼共4件」
    topic = topics[0] if topics else current
    if topic is None or each is not None:
        return []
    if topics and not items:
        figure = t4(topic, "total")
    elif len(items) == 1 and items[0].lastgroup:
        figure = t4(topic, items[0].lastgroup)
    else:
        return []
    return [claim_of(("N-05", figure, *quoted))]


def _upheld_claims(s: Scan, on_request: bool, year: int) -> list[Claim]:
    """「均获维持」 covers the cases named before it in the same part of the sentence."""
    claims = []
    for match in _ALL_UPHELD.finditer(s.text):
        clause = s.clause_of(match.start())
        if not _about_disclosure(s, clause, on_request, match.start()) or other_year(s, match.start(), year):
            continue
        start, _ = s.segment_spans[s.clauses.segment[clause]]
        topics = {_topic(m) for m in _TOPIC.finditer(s.text, start, match.start())}
        if not topics:
            start, _ = s.sentence_spans[s.clauses.sentence[clause]]
            topics = {_topic(m) for m in _TOPIC.finditer(s.text, start, match.start())}
        if not topics:
            continue
        # Where the text itself says some cases are still pending, 「均获维持」 speaks of the decided ones.
        items = ("corrected", "other") if _PENDING_WORDS.search(s.sentence_text(clause)) else \
            ("corrected", "other", "pending")
        groups = sorted({g for topic in topics for g in _GROUPS_OF[topic]})
        figure = Figure("表四", tuple(cell_key("t4", g, i) for g in groups for i in items))
        claims.append(Claim("N-05", figure, 0, match.start(), match.end(), match.group(),
                            s.clauses.sentence[clause], Wording.ALL_UPHELD))
    return claims


# A clause that says the cases just counted are all still open: 「行政诉讼1件，尚在审理中」.
_ALL_PENDING = leading(r"^(?:目前|现|该案|该案件|案件|均|仍|都)*"
                       r"(?:尚在审理中?|正在审理中?|尚未审结|未审结|仍在审理中?|在审理中)$")


def _pending_claims(s: Scan, on_request: bool, year: int) -> list[Claim]:
    """The cases counted in the clause before 「尚在审理中」, all pending."""
    claims: list[Claim] = []
    if "审" not in s.text:
        return claims
    for clause in range(1, len(s.clauses.start)):
        words = s.clause_text(clause).strip()
        previous = s.previous_clause(clause)
        if previous is None or not _ALL_PENDING.match(words) or s.counts_in(clause):
            continue
        counts = [c for c in s.counts_in(previous) if c.unit in _CASE_UNITS]
        topics = {_topic(m) for m in _TOPIC.finditer(s.clause_text(previous))}
        if len(counts) != 1 or len(topics) != 1 or counts[0].approx or _NOT_OURS.search(s.clause_text(previous)):
            continue
        count = counts[0]
        if not _about_disclosure(s, previous, on_request, count.start) or not_this_years_figure(s, count, year):
            continue
        start = s.clauses.start[clause]
        claims.append(Claim("N-05", t4(topics.pop(), "pending"), int(count.value), start, start + len(words),
                            f"{s.clause_text(previous).strip()}，{words}", s.clauses.sentence[clause],
                            number_end=count.number_end))
    return claims


def _none_claims(s: Scan, on_request: bool, year: int) -> list[Claim]:
    claims = []
    for match in _NONE.finditer(s.text):
        clause = s.clause_of(match.start())
        if _NONE_MID_BAD.search(match.group("mid")) or not _about_disclosure(s, clause, on_request, match.end()):
            continue
        if other_year(s, match.start(), year):
            continue
        for topic in dict.fromkeys(t for t in match.group("a", "b") if t):  # in the order of the text
            figure = t4("review", "total") if topic == "行政复议" else t4(LITIGATION, "total")
            claims.append(Claim("N-05", figure, 0, match.start(), match.end(), match.group(),
                                s.clauses.sentence[clause], Wording.NONE))
    return claims


def _respective_claims(s: Scan, on_request: bool, year: int) -> list[Claim]:
    """「被申请行政复议、提起行政诉讼的分别为351件、46件」."""
    claims = []
    for pairs in respective_pairs(s, year, _TOPIC, lambda c: c.unit in _CASE_UNITS):
        first = pairs[0][1]
        if not _about_disclosure(s, first.clause, on_request, first.start):
            continue
        for topic, count in pairs:
            claims.append(Claim("N-05", t4(_topic(topic), "total"), int(count.value), count.start, count.end,
                                f"{topic.group()}……{s.text[count.start:count.end]}",
                                s.clauses.sentence[count.clause], number_end=count.number_end))
    return claims


@lru_cache(maxsize=256)
def review_claims(text: str, on_request: bool, year: int) -> tuple[Claim, ...]:
    if "复议" not in text and "诉讼" not in text and "起诉" not in text:
        return ()
    s = scan(text)
    return tuple(_count_claims(s, on_request, year) + _upheld_claims(s, on_request, year)
                 + _none_claims(s, on_request, year) + _respective_claims(s, on_request, year)
                 + _pending_claims(s, on_request, year))


def review_counts(ctx: CheckContext) -> list[Finding]:
    """N-05."""
    found = []
    for key, text in ctx.report.text.items():
        claims = review_claims(text, key == ON_REQUEST, ctx.report.meta.year)
        if claims:
            found += judge(claims, key, text, ctx.report.cells, E, ctx.report.meta.level)
    return found
