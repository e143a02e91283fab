"""From a read document to a report and the account for the clerk."""

from __future__ import annotations

import datetime as dt
import re

from desktop.core.fields import S1_PARTS, TEXT_BY_KEY
from desktop.core.report import Provenance, Report
from desktop.core.tablespec import T2, T3, T4
from desktop.core.typography import fix_punctuation
from desktop.core.values import InvalidValue, parse_cell
from desktop.io.importers import account, identity, label_match, meta, sections
from desktop.io.importers.chinese_variants import squeeze_spaces
from desktop.io.importers.document import Block, Grid, Para, Source
from desktop.io.importers.identity import Known
from desktop.io.importers.table2 import read_t2
from desktop.io.importers.table3 import read_t3
from desktop.io.importers.table4 import read_t4
from desktop.io.importers.table_read import TableRead

_TABLE_SECTIONS = {"二": "t2", "三": "t3", "四": "t4"}
_OPENING = ("text.s1.intro", *(part.key for part in S1_PARTS))  # where the year is stated when no title says
_FURNITURE_BLOCKS = 40


# The official template's own placeholders, 「（文字描述）」, are not the clerk's text.
_PLACEHOLDER = re.compile(r"^[（(][^（）()]{0,12}(文字描述|此处填写|请填写)[^（）()]*[）)]$")


# A line drawn between paragraphs (「---」 「———」 「***」 「====」): a rule, no words of the text; and a
# number alone on its line, a page's number in text copied from a PDF.
_RULE_LINE = re.compile(r"^[-‐‑‒–—―─━═=_~*＿\s]{3,}$|^\s*\d{1,3}\s*$")


def clean(text: str) -> str:
    """Prose as printed: no stray spaces next to hanzi, Chinese punctuation full-width, no ruled lines."""
    lines = [fix_punctuation(squeeze_spaces(line)) for line in text.split("\n") if not _RULE_LINE.match(line)]
    return "\n".join(line for line in lines if line and not _PLACEHOLDER.match(line))


def _table_blocks(layout: sections.Layout, blocks: list[Block]) -> dict[str, list[Block]]:
    found: dict[str, list[Block]] = {"t2": [], "t3": [], "t4": []}
    section_of: dict[int, str] = {}
    for number, section_blocks in layout.sections.items():
        for block in section_blocks:
            section_of[id(block)] = number
    for block in blocks:
        if isinstance(block, Grid):
            table = label_match.classify(block) or _TABLE_SECTIONS.get(section_of.get(id(block), ""))
            if table:
                found[table].append(block)
        elif section_of.get(id(block)) == "二" and label_match.t2_caption(block.text) is not None:
            found["t2"].append(block)  # a caption printed as a line between table 二's grids, in its place
    if not any(isinstance(block, Grid) for block in found["t2"]):
        found["t2"] = []  # captions alone: the section is read whole below
    for number, table in _TABLE_SECTIONS.items():
        if not found[table]:
            found[table] = list(layout.sections.get(number, []))
    return found


def _texts(layout: sections.Layout, agency: str) -> tuple[dict[str, str], dt.date | None, str]:
    texts: dict[str, str] = {"text.preamble": clean("\n".join(layout.preamble))}
    parts = sections.split_parts(sections.paragraphs(layout.sections.get("一", [])))
    texts.update({key: clean("\n".join(paras)) for key, paras in parts.items()})
    texts["text.s5"] = clean("\n".join(sections.paragraphs(layout.sections.get("五", []))))
    s6, date, signer = meta.signature(sections.without_trailer(sections.paragraphs(layout.sections.get("六", []))),
                                      agency)
    texts["text.s6"] = clean("\n".join(s6))
    return {k: v for k, v in texts.items() if k in TEXT_BY_KEY}, date, signer


def build(source: Source, name: str, known: Known | None = None) -> tuple[Report, list[str], bool, frozenset[str]]:
    """The report, the account, whether anything of a report (title, section, table) was found, and which
    of year, agency and level were not (``identity.MISSING_NAMES``)."""
    source.drop_invisible()
    source.simplify()
    blocks = source.blocks
    layout = sections.split_layout(blocks)
    if layout.second_at is not None:
        blocks, second = blocks[:layout.second_at], blocks[layout.second_at:]
        source.notes.append(_second_report_note(blocks, second))
    if not layout.title and source.meta.get("title"):
        found = sections.title_match(source.meta["title"])  # the page's or document's own title
        if found and (found.agency or found.site):
            layout.title_agency, layout.title_site, layout.title_year = found.agency, found.site, found.year
    fields = meta.portal_fields(blocks)
    listed = source.meta.get("agency", "") or fields.get("agency", "")
    texts, signed, signer = _texts(layout, layout.title_agency or listed)
    if not layout.title:
        texts["text.preamble"] = clean("\n".join(layout.before_text))
    date = meta.to_date(fields["date"]) if "date" in fields else None
    date = date or layout.title_date or signed or (meta.to_date(source.meta["date"]) if "date" in source.meta else None)
    opening = [texts["text.preamble"], *(texts.get(part, "") for part in _OPENING)]
    # a line of metadata with bars in it (「信息来源：… | 发布时间：…」) was read as a row of cells
    furniture = [b.text if isinstance(b, Para) else " ".join(c.text for c in b.cells)
                 for b in blocks[:_FURNITURE_BLOCKS]]
    who = identity.identify(known or Known(), (layout.title_agency, layout.title_site), layout.title_year, opening,
                            listed, furniture, signer, "\n".join(texts.values()), date)
    published = meta.to_date(fields["published"]) if "published" in fields else None
    if date is None and published is not None and published.year == who.year + 1 \
            and identity.YEAR not in who.missing:
        date = published  # a page published in the following year went up days after it was signed
        source.notes.append(f"成文日期未找到，按网页的发布时间{published.year}年{published.month}月{published.day}日"
                            "填写，请核对")
    report = Report.new(who.agency, who.level, who.year)
    report.meta.date = date
    report.manual_totals = True
    report.text.update(texts)
    tables = _table_blocks(layout, blocks)
    reads = {"t2": read_t2(tables["t2"]), "t3": read_t3(tables["t3"]), "t4": read_t4(tables["t4"])}
    bad = _fill_cells(report, reads)
    report.provenance = Provenance(
        source=name,
        trial_2019_headers=[h for r in reads.values() for h in r.trial_2019],
        missing_parts=account.missing_parts(layout, report, reads),
        extra_labels=[label for r in reads.values() for label in r.extra_labels],
    )
    facts = account.Facts(source.kind, name, layout, who, reads, bad, source.notes)
    recognised = bool(layout.title or layout.headings or any(r.rows_found for r in reads.values()))
    return report, account.lines(report, facts), recognised, who.missing


# The share of a second report's paragraphs that, printed in the first too, make it a copy of the first.
_COPY_SHARE = 0.6


def _second_report_note(first: list[Block], second: list[Block]) -> str:
    """What the account says of a second report after the first: a copy of it, or another report."""
    printed = {b.text.strip() for b in first if isinstance(b, Para)}
    theirs = [b.text.strip() for b in second if isinstance(b, Para) and b.text.strip()]
    if theirs and sum(text in printed for text in theirs) >= _COPY_SHARE * len(theirs):
        return "文件中的报告正文出现了两次，已导入第一份，第二份与之重复，未导入"
    opening = theirs[0][:30] if theirs else ""
    return (f"文件中这份报告之后另有一份报告（从“{opening}”起），未导入；"
            "如需导入，请把它单独保存为一个文件后再导入")


def _fill_cells(report: Report, reads: dict[str, TableRead]) -> list[str]:
    bad: list[str] = []
    for spec in (T2, T3, T4):
        for key, raw in reads[spec.id].values.items():
            try:
                report.cells[key] = parse_cell(key, raw)
            except InvalidValue as error:
                bad.append(str(error))
    return bad
