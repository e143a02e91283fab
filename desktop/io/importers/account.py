"""The short account every import ends with: what was recognised, what is blank, what is missing."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.fields import S1_PARTS, SECTIONS, TEXT_FIELDS
from desktop.core.report import Report
from desktop.core.tablespec import T2, T2_BLOCKS, T3, T4, t3_row_labels
from desktop.io.importers.identity import AGENCY, LEVEL, MISSING_NAMES, YEAR, Identity
from desktop.io.importers.sections import Layout
from desktop.io.importers.table_read import TableRead

_SHOWN = 6


@dataclass
class Facts:
    kind: str
    name: str
    layout: Layout
    who: Identity
    reads: dict[str, TableRead]
    invalid: list[str]
    notes: list[str]


def _listed(items: list[str]) -> str:
    shown = "、".join(items[:_SHOWN])
    return shown + (f"等{len(items)}项" if len(items) > _SHOWN else "")


def missing_parts(layout: Layout, report: Report, reads: dict[str, TableRead]) -> list[str]:
    """Parts of the official format the source lacks, named as printed (for S-01)."""
    missing: list[str] = []
    if not layout.title:
        missing.append("标题")
    for section in SECTIONS:
        if section.table is not None:
            read = reads[section.table]
            if not read.rows_found:
                missing.append(section.heading)
            elif section.table == "t2":
                rows = [label for _, _, block_rows, _ in T2_BLOCKS for key, label in block_rows
                        if key not in read.rows_found]
                missing += [f"表二 {label}" for label in rows]
            elif section.table == "t3":
                missing += [f"表三 {label}" for key, label in t3_row_labels().items() if key not in read.rows_found]
        elif section.number not in layout.headings and not any(report.text[k] for k in section.text_keys):
            missing.append(section.heading)
    if "一" in layout.headings:
        missing += [part.heading for part in S1_PARTS if not report.text[part.key]]
    return missing


def lines(report: Report, facts: Facts) -> list[str]:
    meta = report.meta
    out = [f"已读取{facts.kind}“{facts.name}”" if facts.name else f"已读取{facts.kind}"]
    out += facts.notes
    who = facts.who
    date = f"{meta.date.year}年{meta.date.month}月{meta.date.day}日" if meta.date else "未找到"
    agency = meta.agency if AGENCY not in who.missing else "未找到"
    year = f"{meta.year}年" if YEAR not in who.missing else "未找到"
    out.append(f"机关：{agency}；年度：{year}；成文日期：{date}")
    told = [f"{MISSING_NAMES[k]}依据{who.reasons[k]}" for k in (AGENCY, YEAR) if k in who.reasons
            and who.reasons[k] != "标题" and k not in who.missing]
    if told:
        out.append(f"{'，'.join(told)}识别，请核对")
    if who.missing:
        names = "、".join(MISSING_NAMES[k] for k in (YEAR, AGENCY, LEVEL) if k in who.missing)
        out.append(f"原文中未找到{names}，导入前需要填写")
    if LEVEL in who.missing:
        out.append("机关层级：无法判断")
    else:
        out.append(f"机关层级：{meta.level.label}（依据{who.reasons[LEVEL]}推断，如有误请修改）")
    texts = [f.label for f in TEXT_FIELDS if report.text[f.key]]
    out.append(f"文字部分：{'、'.join(texts) if texts else '未识别到'}")
    for spec in (T2, T3, T4):
        filled = [k for k in spec.keys if report.cells[k] is not None]
        blank = len(spec.keys) - len(filled)
        if not facts.reads[spec.id].rows_found:
            out.append(f"表{spec.number}：未找到")
        elif blank == 0:
            out.append(f"表{spec.number}：{len(spec.keys)}个单元格全部导入")
        else:
            out.append(f"表{spec.number}：{len(spec.keys)}个单元格，导入{len(filled)}个，空白{blank}个（保持空白，校验时会列出）")
    read_problems = [p for r in facts.reads.values() for p in r.problems] + facts.invalid
    out += read_problems[:_SHOWN]
    prov = report.provenance
    if prov.trial_2019_headers:
        out.append(f"使用了2019年试行格式：{_listed(prov.trial_2019_headers)}；能对应的数据已导入，其余请按2021年格式填写")
    if prov.extra_labels:
        out.append(f"格式之外的行或列（未导入）：{_listed(prov.extra_labels)}")
    if prov.missing_parts:
        out.append(f"未找到：{_listed(prov.missing_parts)}")
    out.append("合计数按原文照录，已设为手工填写合计")
    return out
