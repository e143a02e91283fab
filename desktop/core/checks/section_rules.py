"""Rules over the report's sections, form and dates."""

from __future__ import annotations

import datetime as dt

from desktop.core.checks.context import CheckContext
from desktop.core.checks.findings import Finding, Severity
from desktop.core.fields import S1_HEADING, S5_HEADING, S6_HEADING, SECTIONS, TEXT_BY_KEY
from desktop.core.leading import leading
from desktop.core.written import has_written, written

E, W = Severity.ERROR, Severity.WARNING

# 「无」「暂无问题」「本年度未发现存在的主要问题」: saying there is nothing is not stating problems.
_NOTHING = leading(
    r"^(?:本年度?|今年|全年|我单位|本单位|本机关|我局|我乡|我镇|目前)?(?:暂|尚|均)?"
    r"(?:无|没有|不存在|未发现|未出现)(?:存在的?)?(?:主要的?|明显的?|突出的?|任何)?(?:问题|不足|情况)?"
    r"(?:和|及)?(?:改进措施|措施)?$"
)
# The labels a clerk types before each part: 「存在的问题：无。改进措施：无。」
_LABEL = leading(r"^(?:存在的?(?:主要)?问题|(?:主要)?问题|(?:下一步)?改进(?:情况|措施)?|措施)[:：]")
_PIECES = leading(r"[。；;，,！!？?\n]+")
_MARKS = frozenset("/／-－—–、. \t\u3000")


def _says_nothing(text: str) -> bool:
    """Whether every piece of the text is 「无」 or a dash, once the part labels are taken off. A section
    longer than any such list of 「无」 states something."""
    if len(text) > 120:
        return False
    for piece in _PIECES.split(text):
        piece = _LABEL.sub("", piece.strip()).strip()
        if piece and not set(piece) <= _MARKS and not _NOTHING.match(piece):
            return False
    return True


def sections_present(ctx: CheckContext) -> list[Finding]:
    """S-01: section 一 has text, and an imported report had every section and no foreign rows."""
    found = []
    s1_keys = SECTIONS[0].text_keys
    if not any(has_written(ctx.report.text[k]) for k in s1_keys):
        found.append(Finding("S-01", E, s1_keys, f"缺少“{S1_HEADING}”的内容"))
    prov = ctx.report.provenance
    if prov.missing_parts:
        found.append(Finding("S-01", E, (), f"原报告缺少：{'、'.join(prov.missing_parts)}"))
    if prov.extra_labels:
        found.append(Finding("S-01", E, (), f"表格增加了格式中没有的行或列：{'、'.join(prov.extra_labels[:5])}"))
    return found


def problems_stated(ctx: CheckContext) -> list[Finding]:
    """S-03."""
    text = written(ctx.report.text["text.s5"])
    if text and not _says_nothing(ctx.report.text["text.s5"]):
        return []
    what = "为空" if not text else f"只写了“{ctx.report.text['text.s5'].strip()}”"
    return [Finding("S-03", E, ("text.s5",), f"“{S5_HEADING}”{what}：应写明存在的问题和改进措施")]


_FEE_WORDS = ("信息处理费", "处理费")


def processing_fee_stated(ctx: CheckContext) -> list[Finding]:
    """S-05: section 六 states the 信息处理费, even as 未收取."""
    s6 = ctx.report.text["text.s6"]
    if not has_written(s6):
        return [Finding("S-05", E, ("text.s6",),
                        f"“{S6_HEADING}”为空：应说明信息处理费收取情况（未收取也要写明）")]
    if any(word in s6 for word in _FEE_WORDS):
        return []
    return [Finding("S-05", W, ("text.s6",), "第六部分未说明信息处理费收取情况（未收取也要写明）")]


def work_points_reported(ctx: CheckContext) -> list[Finding]:
    """S-06."""
    if not ctx.report.meta.level.is_government:
        return []
    s6 = ctx.report.text["text.s6"]
    if "要点" in s6:
        return []
    return [Finding("S-06", W, ("text.s6",),
                    f"人民政府应在第六部分报告{ctx.report.meta.year}年政务公开工作要点落实情况")]


WARN_DAYS_BEFORE = 30


def deadline(report_year: int, is_government: bool) -> dt.date:
    """条例第四十九条: departments by 1月31日, governments by 3月31日 of the next year."""
    return dt.date(report_year + 1, 3, 31) if is_government else dt.date(report_year + 1, 1, 31)


def publication_deadline(ctx: CheckContext) -> list[Finding]:
    """S-07: warn as the deadline approaches, and once it has passed without a timely 成文日期."""
    meta = ctx.report.meta
    due = deadline(meta.year, meta.level.is_government)
    due_text = f"{due.year}年{due.month}月{due.day}日"
    if meta.date is not None:
        if meta.date > due:
            return [Finding("S-07", W, ("meta.date",), f"成文日期晚于公开期限{due_text}")]
        return []
    days = (due - ctx.today).days
    if days < 0:
        return [Finding("S-07", W, ("meta.date",),
                        f"未填写成文日期，公开期限{due_text}已过{-days}天：尚未公开的请尽快公开，已公开的请补填成文日期")]
    if days <= WARN_DAYS_BEFORE:
        return [Finding("S-07", W, ("meta.date",), f"距公开期限{due_text}还有{days}天")]
    return []


_OLD_FORMAT = leading(r"国办公开办函\s*[〔\[［(（]\s*2019\s*[〕\]］)）]\s*60\s*号")


def superseded_format(ctx: CheckContext) -> list[Finding]:
    """S-09."""
    found = []
    for key, text in ctx.report.text.items():
        match = _OLD_FORMAT.search(text)
        if match:
            msg = (f"“{TEXT_BY_KEY[key].label}”引用了已废止的{match.group(0)}，"
                   "现行格式为国办公开办函〔2021〕30号")
            found.append(Finding("S-09", W, (key,), msg))
    return found


SECTION_RULES = (
    sections_present, problems_stated, processing_fee_stated, work_points_reported,
    publication_deadline, superseded_format,
)
