"""N-02 and N-03: what the text says about applications against table 三.

The wording read: 「共收到/受理/新收…申请N件」 (新收), 「上年结转N件」, 「办结/答复N件」 (总计),
「(table 三's carried-out label)N件」 or 「N件顺延到下年度」, 「未收到…申请」, and the six result groups
(予以公开 N 件 …), alone or joined (「予以公开及部分公开」).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from desktop.core.checks.context import CheckContext
from desktop.core.checks.findings import Finding, Severity
from desktop.core.leading import leading
from desktop.core.narrative.claims import Claim, Wording, claim_of, judge
from desktop.core.narrative.figures import CARRIED_IN, CARRIED_OUT, GROUP_NAMES, GROUPS, NEW, TOTAL, Figure
from desktop.core.narrative.guards import (
    CHANGE,
    MANY_YEARS,
    counts_not_this_years,
    not_this_years_figure,
    other_year,
    part_of_year,
)
from desktop.core.narrative.quotes import Count, Scan, scan
from desktop.core.narrative.respective import respective_pairs
from desktop.core.narrative.scope import AGENCY_GROUPS
from desktop.core.tablespec import CELLS, cell_key

E = Severity.ERROR
ON_REQUEST = "text.s1.on_request"

_KEYWORDS = leading(
    r"(?P<carried_out>(?:结转|顺延|延转|转入|转至|延至)(?:到|至|入)?(?:下一?年度?|次年|(?P<out_year>\d{4})年度?)"
    r"|下一?年度?继续办理)"
    r"|(?P<carried_in>(?:上一?年度?|去年|(?P<in_year>\d{4})年度?)(?:结转|转结|转入|遗留))"
    r"|(?P<new>新收|收到|受理|接收|接到)|(?P<done>办结|答复|办理完结|完成办理)"
)
_NEGATIONS = set("不未予没无")
_GROUP_WORDS = {
    "partial": "部分予以公开|部分公开",
    "denied": "不予以公开|不予公开",
    "granted": "予以公开|同意公开",
    "unable": "无法提供",
    "not_processed": "不予处理",
    "other": "其他处理",
}
assert set(_GROUP_WORDS) == set(GROUPS) and all(GROUP_NAMES[g] in w for g, w in _GROUP_WORDS.items())
GROUP = leading("|".join(f"(?P<{g}>{words})" for g, words in _GROUP_WORDS.items()))

# Counts about something else than information requests.
_OTHER_TOPIC = leading(
    "来信|来电|来访|咨询|留言|信访|投诉|举报|建议|提案|议案|热线|诉求|复议|诉讼|起诉|工单|办件|审批|许可|网民|问政|12345"
    "|政务服务"
)
# Counts of only part of the requests: by applicant, channel, period or place, or a change against last year.
_PART_ONLY = leading(
    "自然人|法人|企业|科研|公益|律师|法律服务|其他组织|网上|网络|在线|信函|邮寄|传真|邮件|当面|现场|窗口|"
    f"季度|上半年|下半年|{AGENCY_GROUPS}|{CHANGE.pattern}|重复|"
    # a manner, time or stage of handling, or one of several offices: 延期答复5件, 按时答复37件,
    # 以纸质形式予以公开8件, 由办公室统一受理2891件
    "延期|延长|逾期|按时|按期|如期|法定期限|规定期限|期限内|书面|口头|当场|电子|纸质|形式|方式|补正|统一|"
    "由[^，。；]{1,12}(?:受理|办理|答复)"
)
_FILLER = leading("共计|合计|总计|共|了|各类|的|政府信息公开|依申请公开|信息公开|公开|数量|为|件数")
# Besides the filler, what may stand between the verb and the count of requests: 「受理公民提出的…申请」.
# Anything else names another kind of application (「受理社会救助申请86件」「办事申请」).
_REQUEST_WINDOW = leading("申请(?!人|书|材料|表|单)|公民|群众|社会公众|公众|提出|提交|依法|有关|相关|新|政府信息|信息")
_INCLUSIVE = leading(r"^(?:其中)?(?:含|包含|包括)")
# 申请 as the request itself, not 申请人 or 申请材料.
_REQUEST = leading("申请(?!人|书|材料|表|单)")
_NONE_NEW = leading(
    rf"(?:未|没有|无)(?:收到|受理|接到|接收|新收)(?P<mid>[^，。；,;、（）()\n]{{0,16}}){_REQUEST.pattern}"
)
_NONE_FILLER = leading("任何|新|相关|有关|政府信息公开|政府信息|依申请公开|信息公开|信息|公开|的|类|依")
_NONE_CARRIED = leading(r"(?:无|没有)(?:(?P<in>上一?年度?结转)|(?P<out>结转(?:到|至)?下一?年度?))")


def _keyword_figure(match: re.Match[str], year: int) -> Figure | None:
    if match.start() and match.string[match.start() - 1] in _NEGATIONS:
        return None  # 不予受理, 未办结
    if match.group("carried_out"):
        return CARRIED_OUT if match.group("out_year") in (None, str(year + 1)) else None
    if match.group("carried_in"):
        return CARRIED_IN if match.group("in_year") in (None, str(year - 1)) else None
    return NEW if match.group("new") else TOTAL


def inclusive_of(s: Scan, clause: int, year: int) -> tuple[Figure, ...] | None:
    """What a following 「（含…）」 adds to a figure: () when there is no such clause, None when unclear."""
    following = s.next_clause(clause)
    if following is None or s.clauses.opener[following] not in "（(":
        return ()
    words = s.clause_text(following)
    if not _INCLUSIVE.match(words):
        return ()
    named: list[Figure] = [GROUPS[m.lastgroup] for m in GROUP.finditer(words) if m.lastgroup]
    named += [f for m in _KEYWORDS.finditer(words) if (f := _keyword_figure(m, year)) is CARRIED_IN]
    return tuple(named) or None


# A reason narrows a result group to one of its rows: 「因属于国家秘密不予公开2件」.
_REASON = leading("因|由于|属于|涉及|理由")
# The words that name each row of a group in the official labels.
_ROW_WORDS = {
    "denied_1": "国家秘密", "denied_2": "法律行政法规禁止", "denied_3": "三安全一稳定", "denied_4": "第三方",
    "denied_5": "内部事务", "denied_6": "过程性", "denied_7": "执法案卷", "denied_8": "行政查询",
    "unable_1": "不掌握", "unable_2": "另行制作", "unable_3": "仍不明确|不明确",
    "not_processed_1": "信访|举报|投诉", "not_processed_2": "重复申请", "not_processed_3": "公开出版物",
    "not_processed_4": "大量反复", "not_processed_5": "重新出具",
    "other_1": "逾期不补正|未补正", "other_2": "收费通知|缴纳费用",
}
assert set(_ROW_WORDS) <= set(CELLS[k].row for k in CELLS if k.startswith("t3."))


def _row_named(words: str, group: Figure) -> tuple[Figure, str] | None:
    """The one row of ``group`` a reason names, and the words left once its name is taken out:
    「因属于信访举报投诉类申请不予处理」 → 不予处理 1.信访举报投诉类申请, and 「因属于类申请不予处理」."""
    rows = [r for r, pattern in _ROW_WORDS.items()
            if cell_key("t3", r, "total") in group.cells and re.search(pattern, words)]
    if len(rows) != 1:
        return None
    key = cell_key("t3", rows[0], "total")
    return Figure(f"表三“{CELLS[key].row_label}”总计", (key,)), re.sub(_ROW_WORDS[rows[0]], "", words)


def _is_filler(window: str) -> bool:
    return not _FILLER.sub("", window)


_REQUESTS_FOLLOW = leading(f"(?:政府信息公开|依申请公开|信息公开)?{_REQUEST.pattern}")


def _of_requests(s: Scan, count: Count) -> bool:
    """A count in 份 of requests: 「共收到37份政府信息公开申请」."""
    return _REQUESTS_FOLLOW.match(s.text, count.end) is not None


def _counts_read(s: Scan, on_request: bool, year: int) -> Iterator[Count]:
    """The exact counts of requests that are this year's figures, in sentences about requests (any sentence of
    section 一（二）, which is about them): the ones N-02 reads."""
    if not any(count.unit in ("件", "份") for count in s.counts):
        return
    flagged = counts_not_this_years(s, year)
    requested = None if on_request else s.sentences_saying("申请")
    sentence_of = s.clauses.sentence
    for count in s.counts:
        if (count.unit == "件" or (count.unit == "份" and _of_requests(s, count))) and not count.approx \
                and count.start not in flagged and (requested is None or sentence_of[count.clause] in requested):
            yield count


def _count_claim(s: Scan, count: Count, year: int, carried_in_said: dict[int, bool]) -> Claim | None:
    """N-02: the keyword governing one count (of ``_counts_read``), if the clause is unambiguous.
    ``carried_in_said`` remembers, by sentence, whether it names last year's carried-in cases."""
    clause_start, clause_end = s.clauses.start[count.clause], s.clauses.end[count.clause]
    words = s.text[clause_start:clause_end]
    if _OTHER_TOPIC.search(words):
        return None
    sentence_index = s.clauses.sentence[count.clause]
    keywords = list(_KEYWORDS.finditer(s.text, clause_start, clause_end))
    after = [m for m in keywords if m.group("carried_out") and 0 <= m.start() - count.end <= 2
             and _is_gap(s.text[count.end:m.start()])]
    before = [m for m in keywords if m.end() <= count.start]
    if after:
        match, window = after[0], ""
    elif before:
        match, window = before[-1], s.text[before[-1].end():count.start]
    else:
        return None
    window = "".join(window.split())  # a PDF's text puts spaces around digits: 「申请 13 件」
    figure = _keyword_figure(match, year)
    if figure is None or len(window) > 20:
        return None
    others = s.counts_in(count.clause)
    if len(others) > 1 and any(match.end() <= c.start < count.start for c in others if c is not count):
        return None
    if len(before) > 1 and match is before[-1] and match.start() - before[-2].end() <= 2:
        return None  # 「收到并办结3件」「办结上年结转申请2件」: two figures, one number
    sentence_start = s.sentence_spans[sentence_index][0]
    sentence_head = s.text[sentence_start:min(match.start(), count.start)]
    if _about_other_topic(s.text[sentence_start:count.start]):
        return None
    if figure in (NEW, TOTAL):
        # 「其中」 earlier in the sentence makes the count a part: 「其中，县政府办公室受理5件」
        if "其中" in sentence_head or _PART_ONLY.search(words) or GROUP.search(words):
            return None
        if not _REQUEST.search(window) and not _is_filler(window):
            return None
        if window and _FILLER.sub("", _REQUEST_WINDOW.sub("", _FILLER.sub("", window))):
            return None
    elif _PART_ONLY.search(words.replace("其中", "")):
        return None
    if sentence_head and (MANY_YEARS.search(sentence_head) or part_of_year(sentence_head)):
        return None
    plus = inclusive_of(s, count.clause, year)
    if plus is None:
        return None
    fixable = not plus
    if figure is NEW and CARRIED_IN not in plus:
        said = carried_in_said.get(sentence_index)
        if said is None:
            said = carried_in_said[sentence_index] = _mentions_carried_in(s.sentence_text(count.clause), year)
        if said:
            plus = (*plus, CARRIED_IN)  # 「共受理37件，其中上年结转3件」
    if figure is not NEW and CARRIED_IN in plus:
        plus = ()  # 办结 already counts the carried-in cases it finished
    quote_start = min(match.start(), count.start)
    return claim_of(("N-02", figure, int(count.value), count.start, count.end,
                     s.text[quote_start:max(count.end, match.end())], sentence_index, Wording.COUNT, plus,
                     count.number_end, fixable))


def _about_other_topic(before: str) -> bool:
    """Whether the sentence up to a count last spoke of something else than requests: 「接听12345热线诉求
    1300件，办结1300件」 counts calls, though its second clause names nothing but 办结."""
    other = [m.end() for m in _OTHER_TOPIC.finditer(before)]
    requests = [m.end() for m in _REQUEST.finditer(before)]
    return bool(other) and (not requests or other[-1] > requests[-1])


def _is_gap(gap: str) -> bool:
    return all(c in "将已需均拟" for c in gap)


_CARRIED_IN_WORDS = "结转|转结|转入|遗留"  # one of them ends every carried_in keyword
assert f"(?:{_CARRIED_IN_WORDS}))" in _KEYWORDS.pattern
_CARRIED_IN_WORD = re.compile(_CARRIED_IN_WORDS)


def _mentions_carried_in(sentence: str, year: int) -> bool:
    if "不含" in sentence or not _CARRIED_IN_WORD.search(sentence):
        return False
    return any(_keyword_figure(m, year) is CARRIED_IN for m in _KEYWORDS.finditer(sentence))


_JOINED = leading("(?:及|和|或|与|、|以及|或者)")


def named_groups(words: str) -> Figure | None:
    """The result group a clause names, or the sum of several joined by 及/和/或 (「予以公开及部分公开」)."""
    matches = list(GROUP.finditer(words))
    if not matches:
        return None
    if len(matches) == 1:
        return GROUPS[matches[0].lastgroup or ""]
    if any(not _JOINED.fullmatch(words[a.end():b.start()]) for a, b in zip(matches, matches[1:], strict=False)):
        return None
    groups = [m.lastgroup or "" for m in matches]
    return Figure(f"表三“{'、'.join(GROUP_NAMES[g] for g in groups)}”合计",
                  tuple(k for g in groups for k in GROUPS[g].cells))


# Earlier in the sentence, the requests the results are of: 「上年结转的3件申请中，予以公开2件」「涉及第三方的申请
# 5件，其中3件予以公开」「全区各部门共收到申请520件，其中予以公开300件」.
_PART_NAMED = leading(f"{AGENCY_GROUPS}|涉及|第三方|征求意见")
_AMONG_THESE = leading("(?<!其)中$")


def _of_a_part(s: Scan, clause_index: int) -> bool:
    """The sentence before the clause names a part of the requests, or other agencies' requests."""
    sentence_start = s.sentence_spans.starts[s.clauses.sentence[clause_index]]
    head = s.text[sentence_start:s.clauses.start[clause_index]].rstrip("，,、：: ")
    return bool(head) and (_AMONG_THESE.search(head) is not None or _PART_NAMED.search(head) is not None)


def _group_claim(s: Scan, clause_index: int, year: int) -> Claim | None:
    """N-03: one result group and one count of 件 in a clause, in either order."""
    words = s.clause_text(clause_index)
    previous = s.previous_clause(clause_index)
    if previous is not None and s.clauses.opener[clause_index] == "、" and not s.counts_in(previous):
        joined = f"{s.clause_text(previous)}、{words}"  # 「予以公开、部分公开共7件」: the 、 cut the clause
        if named_groups(s.clause_text(previous)) is not None and named_groups(joined) is not None:
            words = joined
    figure = named_groups(words)
    counts = [c for c in s.counts_in(clause_index) if c.unit == "件"]
    if figure is None or len(counts) != 1 or counts[0].approx:
        return None
    rest = words
    if _REASON.search(words):
        row = _row_named(words, figure) if figure in GROUPS.values() else None
        if row is None:
            return None
        figure, rest = row  # the row's own name (信访举报投诉) is not another topic
    if _OTHER_TOPIC.search(rest) or _PART_ONLY.search(rest) or _KEYWORDS.search(rest):
        return None
    if _of_a_part(s, clause_index):
        return None
    count = counts[0]
    if not_this_years_figure(s, count, year):
        return None
    plus = inclusive_of(s, clause_index, year)
    if plus is None:
        return None
    return Claim("N-03", figure, int(count.value), count.start, count.end, words.strip(),
                 s.clauses.sentence[clause_index], plus=plus, number_end=count.number_end, fixable=not plus)


def _none_claims(s: Scan, year: int) -> list[Claim]:
    claims = []
    for match in _NONE_NEW.finditer(s.text):
        start, _ = s.sentence_spans[s.clauses.sentence[s.clause_of(match.start())]]
        if other_year(s, match.start(), year) or part_of_year(s.text[start:match.start()]):
            continue
        if not _NONE_FILLER.sub("", match.group("mid")):
            claims.append(Claim("N-02", NEW, 0, match.start(), match.end(), match.group(),
                                s.clauses.sentence[s.clause_of(match.start())], Wording.NONE))
    for match in _NONE_CARRIED.finditer(s.text):
        figure = CARRIED_IN if match.group("in") else CARRIED_OUT
        claims.append(Claim("N-02", figure, 0, match.start(), match.end(), match.group(),
                            s.clauses.sentence[s.clause_of(match.start())], Wording.NONE))
    return claims


_RESPECTIVE_NAMES = leading(f"{GROUP.pattern}|{_KEYWORDS.pattern}")


def _respective_claims(s: Scan, year: int) -> list[Claim]:
    """「予以公开、部分公开分别为1362件、454件」「收到、办结申请分别为3119件、3050件」."""
    claims = []
    for pairs in respective_pairs(s, year, _RESPECTIVE_NAMES, lambda c: c.unit == "件"):
        figures = [GROUPS.get(m.lastgroup or "") or _keyword_figure(m, year) for m, _ in pairs]
        if any(f is None for f in figures):
            continue
        for (name, count), figure in zip(pairs, figures, strict=True):
            assert figure is not None
            rule = "N-03" if name.lastgroup in GROUPS else "N-02"
            claims.append(Claim(rule, figure, int(count.value), count.start, count.end,
                                f"{name.group()}……{s.text[count.start:count.end]}",
                                s.clauses.sentence[count.clause], number_end=count.number_end))
    return claims


@lru_cache(maxsize=256)
def application_claims(text: str, year: int, on_request: bool) -> tuple[Claim, ...]:
    """Every N-02 and N-03 claim of one text field."""
    s = scan(text)
    claims: list[Claim] = _none_claims(s, year) if "申请" in text or "结转" in text else []
    carried_in_said: dict[int, bool] = {}
    for count in _counts_read(s, on_request, year):
        claim = _count_claim(s, count, year, carried_in_said)
        if claim is not None:
            claims.append(claim)
    naming = {s.clause_of(m.start()) for m in GROUP.finditer(s.text)}  # a group claim names its group
    for index in sorted({c.clause for c in s.counts if c.unit == "件" and c.clause in naming}):
        claim = _group_claim(s, index, year)
        if claim is not None:
            claims.append(claim)
    if "分别" in text:
        claims += _respective_claims(s, year)
    return tuple(claims)


def _claims_of(ctx: CheckContext, rule: str) -> list[Finding]:
    found = []
    year, level = ctx.report.meta.year, ctx.report.meta.level
    for key, text in ctx.report.text.items():
        claims = [c for c in application_claims(text, year, key == ON_REQUEST) if c.rule == rule]
        if claims:
            found += judge(claims, key, text, ctx.report.cells, E, level)
    return found


def application_counts(ctx: CheckContext) -> list[Finding]:
    """N-02."""
    return _claims_of(ctx, "N-02")


def result_counts(ctx: CheckContext) -> list[Finding]:
    """N-03."""
    return _claims_of(ctx, "N-03")
