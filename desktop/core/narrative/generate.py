"""Standard paragraphs written from the tables, worded as published reports word them.

The editor inserts them as ordinary text that the clerk may rewrite. Every number they quote is one the
narrative rules read back, so when a table changes later the stale sentence is reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from desktop.core.narrative.figures import (
    CARRIED_IN,
    CARRIED_OUT,
    GROUP_NAMES,
    GROUPS,
    LITIGATION,
    NEW,
    T4_ITEM_LABELS,
    TOTAL,
    Figure,
    t4,
)
from desktop.core.report import Report
from desktop.core.tablespec import CELLS, T4_PART_ITEMS, T4_SUIT_GROUPS, row_label, short_label
from desktop.core.values import CellValue


class IncompleteTables(ValueError):
    """A paragraph quotes cells that are still blank. ``str(error)`` is the message for the clerk."""

    def __init__(self, keys: Iterable[str]) -> None:
        self.keys = tuple(keys)
        shown = "、".join(CELLS[k].label for k in self.keys[:3])
        more = f"等{len(self.keys)}个单元格" if len(self.keys) > 3 else ""
        super().__init__(f"请先填写{shown}{more}")


def _to_fill(cells: Mapping[str, CellValue], key: str) -> list[str]:
    """The cells a clerk can fill to make ``key`` known: a computed total is blank because of its parts."""
    if cells.get(key) is not None:
        return []
    parts = [leaf for part in CELLS[key].parts for leaf in _to_fill(cells, part)]
    return parts or [key]


def _values(report: Report, figures: Iterable[Figure]) -> list[int]:
    figures = list(figures)
    blank = [leaf for f in figures for k in f.cells for leaf in _to_fill(report.cells, k)]
    if blank:
        raise IncompleteTables(dict.fromkeys(blank))
    return [f.value(report.cells) or 0 for f in figures]


# How a report speaks of its own agency: 耳口乡 → 我乡, 淮安市人民政府 → 我市, 某县财政局 → 我局.
_SELF = (("街道办事处", "我街道"), ("街道", "我街道"), ("乡", "我乡"), ("镇", "我镇"), ("市", "我市"), ("县", "我县"),
         ("区", "我区"), ("州", "我州"), ("盟", "我盟"), ("旗", "我旗"), ("省", "我省"), ("自治区", "我区"),
         ("局", "我局"), ("委员会", "我委"), ("委", "我委"), ("办公室", "我办"), ("厅", "我厅"), ("署", "我署"),
         ("中心", "我中心"), ("院", "我院"))


def self_reference(agency: str) -> str:
    name = agency.strip().removesuffix("人民政府")
    return next((word for ending, word in _SELF if name.endswith(ending)), "本机关")


# The first words of each generated paragraph, to find and replace an earlier one.
_OPENINGS = {
    "on_request": "(?:共收到政府信息公开申请|未收到新的政府信息公开申请|未收到政府信息公开申请，无上年结转申请)",
    "review": "(?:因政府信息公开被申请行政复议|未发生因政府信息公开引起的行政复议)",
}


def generated_before(kind: str, line: str) -> bool:
    """Whether a line of the text is a paragraph generated earlier by the same button."""
    return re.match(rf"\d{{4}}年，(?:本机关|我\w{{1,3}}){_OPENINGS[kind]}", line.strip()) is not None


def _listing(named: Iterable[tuple[str, int]]) -> str:
    return "，".join(f"{name}{value}件" for name, value in named if value)


def _among(listing: str) -> str:
    return f"，其中{listing}" if listing else ""


def on_request_paragraph(report: Report) -> str:
    """Section 一（二）依申请公开 from table 三: received, carried in, finished by result, carried out."""
    new, carried_in, total, carried_out = _values(report, (NEW, CARRIED_IN, TOTAL, CARRIED_OUT))
    groups = _values(report, GROUPS.values())
    year, we = report.meta.year, self_reference(report.meta.agency)
    if not (new or carried_in or total or carried_out):
        return f"{year}年，{we}未收到政府信息公开申请，无上年结转申请。"
    received = f"共收到政府信息公开申请{new}件" if new else "未收到新的政府信息公开申请"
    brought = f"上年结转{carried_in}件" if carried_in else "无上年结转申请"
    finished = f"办结{total}件" + _among(_listing(zip(GROUP_NAMES.values(), groups, strict=True)))
    carried_out_label = short_label(row_label("t3", "carried_out"))
    left = f"{carried_out_label}{carried_out}件" if carried_out else f"无{carried_out_label}的申请"
    return f"{year}年，{we}{received}，{brought}；{finished}；{left}。"


def _results(report: Report, group: str) -> str:
    values = _values(report, (t4(group, item) for item in T4_PART_ITEMS))
    return _listing(zip((T4_ITEM_LABELS[i] for i in T4_PART_ITEMS), values, strict=True))


def review_litigation_paragraph(report: Report) -> str:
    """Review and litigation from table 四, both kinds of 起诉 together as 行政诉讼."""
    review, direct, after_review = _values(
        report, (t4("review", "total"), t4("suit_direct", "total"), t4("suit_after_review", "total")))
    year, we = report.meta.year, self_reference(report.meta.agency)
    if not (review or direct or after_review):
        return f"{year}年，{we}未发生因政府信息公开引起的行政复议、行政诉讼。"
    if review:
        first = f"因政府信息公开被申请行政复议{review}件" + _among(_results(report, "review"))
    else:
        first = "未发生因政府信息公开引起的行政复议"
    litigation = direct + after_review
    if litigation:
        second = f"被提起政府信息公开行政诉讼{litigation}件"
        if direct and after_review:
            direct_label, after_label = (label for _, label in T4_SUIT_GROUPS)
            second += f"（{direct_label}{direct}件，{after_label}{after_review}件）"
        second += _among(_results(report, LITIGATION))
    else:
        second = "未发生因政府信息公开引起的行政诉讼"
    return f"{year}年，{we}{first}；{second}。"
