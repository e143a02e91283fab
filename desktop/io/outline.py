"""The printed order of a report, shared by the PDF, Word and HTML exporters.

Decisions made once here: the title's line break, which headings are printed, how a clerk's text
splits into paragraphs, and when a 「（一）」 heading runs in with its paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.fields import (
    OVERSIGHT_HEADING_FOR_GOVERNMENTS,
    SECTIONS,
    TEXT_BY_KEY,
    TITLE_SUFFIX,
)
from desktop.core.grid import TableSpec
from desktop.core.report import Report
from desktop.core.tablespec import TABLE_BY_ID
from desktop.core.values import format_value

TITLE_LINE_CHARS = 20  # 2号 characters that fit the 156 mm text block


@dataclass(frozen=True)
class Title:
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Heading:
    """「一、」 headings (level 1, 黑体) and stand-alone 「（一）」 headings (level 2, 楷体)."""

    text: str
    level: int


@dataclass(frozen=True)
class Paragraph:
    """Body text with a 2-character first-line indent. ``lead`` is a run-in 「（一）」 heading in 楷体."""

    text: str
    lead: str = ""


@dataclass(frozen=True)
class Table:
    spec: TableSpec
    values: dict[str, str]  # key → printed text; blank stays ""


@dataclass(frozen=True)
class Signature:
    agency: str
    date: str  # 2024年1月4日, or "" when not set


Block = Title | Heading | Paragraph | Table | Signature

_SUBHEADING = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
_SENTENCE_END = re.compile(r"[。：:；;！？]")


def title_lines(agency: str, year: int) -> tuple[str, ...]:
    """One line when it fits, else 机关名称 / YYYY年政府信息公开工作年度报告."""
    whole = f"{agency}{year}年{TITLE_SUFFIX}"
    if len(whole) <= TITLE_LINE_CHARS or not agency:
        return (whole,)
    return (agency, f"{year}年{TITLE_SUFFIX}")


def split_paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if line.strip()]


def paragraph_blocks(text: str) -> list[Block]:
    """A clerk's text as paragraphs. A line that is only a 「（一）…」 heading becomes a heading; a line
    that starts with one and goes on keeps it as a run-in lead."""
    blocks: list[Block] = []
    for line in split_paragraphs(text):
        match = _SUBHEADING.match(line)
        if match:
            end = _SENTENCE_END.search(line)
            if end is None or end.end() == len(line):
                blocks.append(Heading(line, 2))
                continue
            blocks.append(Paragraph(line[end.end():], lead=line[: end.end()]))
            continue
        blocks.append(Paragraph(line))
    return blocks


def _part_blocks(heading: str, text: str) -> list[Block]:
    """A section 一 part: its heading runs in with the first paragraph, as published reports do."""
    paragraphs = split_paragraphs(text)
    if not paragraphs:
        return [Heading(heading, 2)]
    first = paragraphs[0]
    if _SUBHEADING.match(first):  # the clerk typed the heading already
        return paragraph_blocks(text)
    lead = heading if _SENTENCE_END.search(heading[-1:]) else heading + "。"
    return [Paragraph(first, lead=lead), *(Paragraph(p) for p in paragraphs[1:])]


def date_text(report: Report) -> str:
    date = report.meta.date
    return f"{date.year}年{date.month}月{date.day}日" if date else ""


def table_values(report: Report, spec: TableSpec) -> dict[str, str]:
    return {key: format_value(report.cells[key]) for key in spec.keys}


def build_outline(report: Report, signature: bool = True) -> list[Block]:
    blocks: list[Block] = [Title(title_lines(report.meta.agency, report.meta.year))]
    blocks += [Paragraph(p) for p in split_paragraphs(report.text["text.preamble"])]
    for section in SECTIONS:
        blocks.append(Heading(section.heading, 1))
        if section.table:
            spec = TABLE_BY_ID[section.table]
            blocks.append(Table(spec, table_values(report, spec)))
        for key in section.text_keys:
            field = TEXT_BY_KEY[key]
            text = report.text[key]
            if not field.heading:
                blocks += paragraph_blocks(text)
                continue
            heading = field.heading
            if key == "text.s1.oversight" and report.meta.level.is_government:
                heading = OVERSIGHT_HEADING_FOR_GOVERNMENTS
            blocks += _part_blocks(heading, text)
    if signature and (report.meta.agency or report.meta.date):
        blocks.append(Signature(report.meta.agency, date_text(report)))
    return blocks
