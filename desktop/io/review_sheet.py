"""Per report, a review sheet (审核意见单) the county sends back to the township: the report's facts, the
deductions and every finding in order, with the cells named and the text quoted. One self-contained
web page, printable on A4."""

from __future__ import annotations

import html
import threading
from collections.abc import Callable
from pathlib import Path

from desktop.core.atomic_write import write_atomically
from desktop.core.file_names import safe_stem
from desktop.core.review.deadline import chinese_date
from desktop.core.review.summary import SummaryRow
from desktop.io.layout import printable
from desktop.io.review_table import deduction_text, places_text, points_text, rule_title

CSS = """
body { font-family: 'FangSong_GB2312','仿宋_GB2312','FangSong','仿宋','STFangsong',serif; font-size: 16px;
       line-height: 1.5; max-width: 820px; margin: 24px auto; color: #000; }
h1 { font-family: 'SimHei','黑体','Noto Sans SC',sans-serif; font-size: 20px; text-align: center; }
h2 { font-size: 17px; margin: 12px 0 4px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
th, td { border: 1px solid #000; padding: 4px 6px; vertical-align: top; text-align: left; }
th { background: #c6d9f1; white-space: nowrap; }
blockquote { margin: 2px 0; padding-left: 8px; border-left: 3px solid #999; font-family: 'KaiTi','楷体',serif; }
.error { color: #b5121b; } .warning { color: #9c6500; }
@page { size: A4; margin: 25mm 20mm; }
""".strip()


def _esc(text: object) -> str:
    return html.escape(printable(str(text)), quote=True)


def sheet_name(row: SummaryRow, suffix: str = ".html") -> str:
    return f"{safe_stem(Path(row.review.file).stem)}-审核意见{suffix}"


def sheet_title(row: SummaryRow) -> str:
    review = row.review
    return f"{review.agency or review.file}{review.year or ''}年度政府信息公开工作年度报告审核意见"


def sheet_facts(row: SummaryRow) -> list[tuple[str, str]]:
    review = row.review
    return [("报送文件", review.file), ("机关", review.agency), ("层级", review.level.label if review.level else ""),
            ("年度", str(review.year or "")), ("成文日期", chinese_date(review.date)),
            ("公开期限", row.deadline.due_text), ("按期公开", row.deadline.label),
            ("与上年重复", f"{review.repetition * 100:.0f}%" if review.repetition is not None else "未比较"),
            ("扣分", points_text(row.points))]


def findings_heading(row: SummaryRow) -> str:
    review = row.review
    return f"问题（共{len(review.findings)}条，错误{review.errors}条，警告{review.warnings}条）"


def sheet_html(row: SummaryRow, office: str = "", compact: bool = False) -> str:
    """``compact``: the facts in one paragraph, for the narrow pane of the review window."""
    review = row.review
    title, facts = sheet_title(row), sheet_facts(row)
    if compact:
        parts = [f"<h2>{_esc(title)}</h2>", "<p>" + "；".join(f"{_esc(k)}：{_esc(v)}" for k, v in facts if v != "")
                 + "</p>"]
    else:
        parts = [f"<h1>{_esc(title)}</h1>", "<table>"]
        for pair in (facts[i:i + 2] for i in range(0, len(facts), 2)):  # two facts a line
            parts.append("<tr>" + "".join(f"<th>{_esc(k)}</th><td>{_esc(v)}</td>" for k, v in pair) + "</tr>")
        parts.append("</table>")
    if review.refused:
        parts.append(f"<p>该文件无法审核：{_esc(review.refused)}</p>")
    if review.read_notes:
        parts.append(f"<p>读取说明：{_esc('；'.join(review.read_notes))}</p>")
    if row.deductions:
        parts.append("<h2>扣分</h2><ol>" + "".join(f"<li>{_esc(deduction_text(d))}</li>" for d in row.deductions)
                     + "</ol>")
    parts.append(f"<h2>{_esc(findings_heading(row))}</h2>")
    if review.findings:
        parts.append('<table><tr><th width="8%">序号</th><th width="20%">规则</th><th width="72%">问题</th></tr>')
        for number, finding in enumerate(review.findings, 1):
            where = f"<div>涉及：{_esc(places_text(finding.places))}</div>" if finding.places else ""
            quotes = "".join(f"<blockquote>“{_esc(q)}”</blockquote>" for q in finding.quotes)
            parts.append(
                f"<tr><td>{number}</td><td>{_esc(finding.rule)}<br>{_esc(rule_title(finding.rule))}</td>"
                f'<td><span class="{finding.severity.value}">【{_esc(finding.severity.label)}】</span>'
                f"{_esc(finding.message)}{where}{quotes}</td></tr>")
        parts.append("</table>")
    elif review.readable:
        parts.append("<p>未发现问题。</p>")
    if office:
        parts.append(f'<p style="text-align:right">{_esc(office)}</p>')
    body = "\n".join(parts)
    return (f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>{_esc(title)}</title>\n'
            f"<style>\n{CSS}\n</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def export_sheets(rows: list[SummaryRow], folder: Path, suffix: str = ".html",
                  progress: Callable[[int, int], None] | None = None,
                  cancel: threading.Event | None = None) -> list[Path]:
    """One sheet per report into ``folder``, as web pages (.html) or PDF (.pdf); names made safe and unique.
    Stops (the sheets written so far kept) once ``cancel`` is set."""
    if suffix == ".pdf":
        from desktop.io.pdf.review_sheet import sheet_pdf_maker

        render = sheet_pdf_maker()
    else:
        def render(row: SummaryRow) -> bytes:
            return sheet_html(row).encode("utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    written, used = [], set()
    for row in rows:
        if cancel is not None and cancel.is_set():
            break
        name = sheet_name(row, suffix)
        stem, n = name.removesuffix(suffix), 2
        while name in used:
            name, n = f"{stem}-{n}{suffix}", n + 1
        used.add(name)
        write_atomically(folder / name, render(row))
        written.append(folder / name)
        if progress is not None:
            progress(len(written), len(rows))
    return written
