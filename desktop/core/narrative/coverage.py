"""S-02: section 一 covers its five parts, and people's governments report 考核、评议 and 责任追究.

A part left empty is not reported when another part of section 一 names its topic: clerks often write two
parts in one paragraph. An empty section 一 is S-01's, not this rule's. The government addition is judged once
（五） reads as written (a sentence or two), so a placeholder draft is not nagged about.
"""

from __future__ import annotations

import re

from desktop.core.checks.context import CheckContext
from desktop.core.checks.findings import Finding, Severity
from desktop.core.fields import OVERSIGHT_HEADING_FOR_GOVERNMENTS, S1_PARTS, SECTIONS, TEXT_BY_KEY
from desktop.core.leading import leading
from desktop.core.written import has_written, written_at_least

W = Severity.WARNING
OVERSIGHT = "text.s1.oversight"
# The part's topic as a clerk names it in running text; the heading wording comes from the spec.
_TOPIC_WORDS: dict[str, tuple[str, ...]] = {
    "text.s1.proactive": ("主动公开",),
    "text.s1.on_request": ("依申请公开",),
    "text.s1.management": ("政府信息管理", "信息管理"),
    "text.s1.platform": ("平台建设",),
    "text.s1.oversight": ("监督保障",),
}
assert set(_TOPIC_WORDS) == {f.key for f in S1_PARTS}
_ACCOUNTABILITY = leading("考核|评议|追究|问责|考评")
WRITTEN_LENGTH = 60  # characters of （五） before the government addition is judged


def _heading_topic(key: str) -> str:
    return re.sub(r"^（[一二三四五]）", "", TEXT_BY_KEY[key].heading)


def section_one_covered(ctx: CheckContext) -> list[Finding]:
    """S-02."""
    texts = ctx.report.text
    keys = SECTIONS[0].text_keys
    if not any(has_written(texts[k]) for k in keys):
        return []
    found = []
    for part in S1_PARTS:
        if has_written(texts[part.key]):
            continue
        words = (_heading_topic(part.key), *_TOPIC_WORDS[part.key])
        elsewhere = [k for k in keys if k != part.key and any(w in texts[k] for w in words)]
        if not elsewhere:
            found.append(Finding("S-02", W, (part.key,), f"总体情况缺少“{part.heading}”的内容"))
    if ctx.report.meta.level.is_government and written_at_least(texts[OVERSIGHT], WRITTEN_LENGTH) \
            and not any(_ACCOUNTABILITY.search(texts[k]) for k in keys):
        found.append(Finding("S-02", W, (OVERSIGHT,),
                             f"人民政府应在“{OVERSIGHT_HEADING_FOR_GOVERNMENTS}”中报告工作考核、社会评议和责任追究结果情况"))
    return found
