"""N-06: counts of 规章 and 行政规范性文件 in the text against table 二.

「新增公开市政府规章1件」 and 「未制发行政规范性文件」 are compared; 「政策性文件11件」 is broader than the table
and is not, nor are counts of documents reviewed, filed, cleaned up or explained, or other agencies'.
"""

from __future__ import annotations

from functools import lru_cache

from desktop.core.checks.context import CheckContext
from desktop.core.checks.findings import Finding, Severity
from desktop.core.leading import leading
from desktop.core.narrative.claims import Claim, Wording, judge
from desktop.core.narrative.figures import t2
from desktop.core.narrative.guards import CHANGE, MANY_YEARS, not_this_years_figure, other_year, part_of_year
from desktop.core.narrative.quotes import Scan, scan
from desktop.core.narrative.respective import respective_pairs
from desktop.core.narrative.scope import AGENCY_GROUPS

W = Severity.WARNING
_DOC_UNITS = ("件", "个", "份", "篇", "项")
_DOCUMENT = leading(r"(?P<normative_docs>(?:行政)?规范性文件)|(?P<regulations>规章(?!制度|程序))")
_COLUMN = (
    ("in_force", leading("现行有效")),
    ("repealed", leading("废止|宣布失效|失效")),
    ("issued", leading("制发|出台|制定|印发|发布|新增|颁布")),
)
# Documents of other agencies: 「全县各部门共制发行政规范性文件32件」.
_OTHER_AGENCIES = leading(AGENCY_GROUPS)
_OTHER_ACTIVITY = leading(
    "政策性文件|政策文件|审查|审核|备案|清理|解读|征求意见|评估|合法性|草案|征集|宣传|培训|立项|计划|修改|修订|起草|报送"
    # a change against last year, several years, or plans: 「同比增加1件」「近三年累计制发」「下一步拟出台2件」
    f"|{CHANGE.pattern}|{MANY_YEARS.pattern}|累计|十四五|拟|将|下一步|明年|预计|力争"
    f"|{AGENCY_GROUPS}"
)
# 「本年度未制发行政规范性文件」: the table's count of documents issued must be 0.
_NONE_ISSUED = leading(
    r"(?:未|没有|无)(?:新)?(?:制发|出台|制定|印发|发布|颁布)(?:任何|新的|新)?(?P<document>(?:行政)?规范性文件|规章(?!制度|程序))"
)


def _column(words: str) -> str | None:
    return next((column for column, pattern in _COLUMN if pattern.search(words)), None)


def _column_of(s: Scan, index: int) -> str | None:
    """A clause's column, or the one of the clause it continues after 「、」 (制发规章1件、规范性文件8件)."""
    column = _column(s.clause_text(index))
    depth = s.clauses.depth[index]
    while column is None and s.clauses.opener[index] == "、" and s.previous_clause(index) is not None:
        index -= 1
        if s.clauses.depth[index] != depth:
            return None
        column = _column(s.clause_text(index))
    return column


def _inclusive(s: Scan, index: int) -> bool:
    """「规章18件（含新制定4件，修改14件）」: a count of several kinds, not one column of table 二."""
    following = s.next_clause(index)
    return following is not None and s.clauses.opener[following] in "（(" and \
        s.clause_text(following).startswith(("含", "包括", "其中"))


@lru_cache(maxsize=256)
def document_claims(text: str, year: int) -> tuple[Claim, ...]:
    s = scan(text)
    claims = []
    # Only a clause naming one kind of document is read: the others are not searched one by one.
    naming = {s.clause_of(m.start()) for m in _DOCUMENT.finditer(s.text)}
    for index in sorted({c.clause for c in s.counts if c.unit in _DOC_UNITS and c.clause in naming}):
        words = s.clause_text(index)
        documents = [m.lastgroup for m in _DOCUMENT.finditer(words)]
        counts = [c for c in s.counts_in(index) if c.unit in _DOC_UNITS]
        if len(documents) != 1 or len(counts) != 1 or counts[0].approx or _OTHER_ACTIVITY.search(words):
            continue
        if not_this_years_figure(s, counts[0], year):
            continue
        column, row = _column_of(s, index), documents[0]
        if column is None or row is None or _inclusive(s, index):
            continue
        claims.append(Claim("N-06", t2(row, column), int(counts[0].value), counts[0].start, counts[0].end,
                            words.strip(), s.clauses.sentence[index],
                            number_end=counts[0].number_end))
    for match in _NONE_ISSUED.finditer(s.text):
        sentence = s.clauses.sentence[s.clause_of(match.start())]
        head = s.text[s.sentence_spans.starts[sentence]:match.start()]
        if other_year(s, match.start(), year) or part_of_year(head) or _OTHER_AGENCIES.search(head):
            continue
        row = "regulations" if match.group("document").startswith("规章") else "normative_docs"
        claims.append(Claim("N-06", t2(row, "issued"), 0, match.start(), match.end(), match.group(), sentence,
                            Wording.NONE))
    for pairs in respective_pairs(s, year, _DOCUMENT, lambda c: c.unit in _DOC_UNITS):
        # 「全年制发规章、行政规范性文件分别为1件、8件」: the column is named before the list
        head = s.segment_text(pairs[0][1].clause).split("分别")[0]
        column = _column(head)
        if column is None or _OTHER_ACTIVITY.search(head):
            continue
        for document, count in pairs:
            claims.append(Claim("N-06", t2(document.lastgroup or "", column), int(count.value), count.start,
                                count.end, f"{document.group()}……{s.text[count.start:count.end]}",
                                s.clauses.sentence[count.clause], number_end=count.number_end))
    return tuple(claims)


def document_counts(ctx: CheckContext) -> list[Finding]:
    """N-06."""
    found = []
    for key, text in ctx.report.text.items():
        claims = document_claims(text, ctx.report.meta.year)
        if claims:
            found += judge(claims, key, text, ctx.report.cells, W, ctx.report.meta.level)
    return found
