"""The score sheet as one self-contained web page: the same two tables as the workbook, and the charts
drawn inline as SVG, so that it opens in any browser without a network or a spreadsheet program."""

from __future__ import annotations

import html
from decimal import Decimal
from pathlib import Path

from desktop.core.atomic_write import write_atomically
from desktop.core.review.summary import SummaryRow
from desktop.io.layout import printable
from desktop.io.review_table import (
    DETAILS_COLUMN,
    FINDING_COLUMNS,
    SUMMARY_COLUMNS,
    Value,
    errors_chart,
    finding_lines,
    points_text,
    repetition_chart,
    summary_lines,
)

CSS = """
body { font-family: 'Microsoft YaHei','PingFang SC','Noto Sans CJK SC','Noto Sans SC',sans-serif; margin: 24px;
       color: #222; font-size: 14px; }
table { border-collapse: collapse; margin: 8px 0 24px; }
th, td { border: 1px solid #999; padding: 3px 6px; vertical-align: top; }
th { background: #c6d9f1; position: sticky; top: 0; }
td.n { text-align: right; white-space: nowrap; }
tr.bad td { background: #fdecea; }
h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 28px; }
svg text { font-size: 12px; }
""".strip()
BAR_HEIGHT, LABEL_WIDTH, BAR_WIDTH = 20, 220, 360


def _esc(value: Value) -> str:
    return html.escape(printable(str(value)), quote=True)


def shown(value: Value, column: str) -> str:
    """A value as the page prints it (the workbook keeps numbers; the page prints them the same way)."""
    if value is None or value == "":
        return ""
    if column == "与上年重复" and isinstance(value, float):
        return f"{value * 100:.0f}%"
    if isinstance(value, Decimal):
        return points_text(value)
    return str(value)


def _numeric(column: str) -> bool:
    return column in ("序号", "年度", "错误", "警告", "与上年重复", "扣分")


def _summary_table(rows: list[SummaryRow]) -> str:
    head = "".join(f"<th>{_esc(c)}</th>" for c in SUMMARY_COLUMNS)
    body = []
    for line, row in zip(summary_lines(rows), rows, strict=True):
        cells = []
        for i, (column, value) in enumerate(zip(SUMMARY_COLUMNS, line.values, strict=True)):
            text = _esc(shown(value, column))
            if i == DETAILS_COLUMN and line.first_finding is not None:
                text = f'<a href="#f{line.first_finding + 1}">{text}</a>'
            cells.append(f'<td class="n">{text}</td>' if _numeric(column) else f"<td>{text}</td>")
        bad = ' class="bad"' if row.points or not row.review.readable else ""
        body.append(f"<tr{bad}>{''.join(cells)}</tr>")
    return f'<table id="summary"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def _findings_table(rows: list[SummaryRow]) -> str:
    head = "".join(f"<th>{_esc(c)}</th>" for c in FINDING_COLUMNS)
    body = [f'<tr id="f{n}">' + "".join(f"<td>{_esc(shown(v, c))}</td>" for c, v in zip(FINDING_COLUMNS, line,
                                                                                        strict=True)) + "</tr>"
            for n, line in enumerate(finding_lines(rows), 1)]
    return f'<table id="findings"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def bar_svg(title: str, bars: list[tuple[str, float]], percent: bool = False) -> str:
    if not bars:
        return f"<p>{_esc(title)}：无数据</p>"
    top = max(value for _, value in bars) or 1
    height = BAR_HEIGHT * len(bars) + 30
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{LABEL_WIDTH + BAR_WIDTH + 60}" '
             f'height="{height}"><title>{_esc(title)}</title>']
    for i, (name, value) in enumerate(bars):
        y = 10 + i * BAR_HEIGHT
        width = BAR_WIDTH * value / top
        label = f"{value * 100:.0f}%" if percent else f"{value:g}"
        parts.append(f'<text x="{LABEL_WIDTH - 6}" y="{y + 14}" text-anchor="end">{_esc(name[:16])}</text>'
                     f'<rect x="{LABEL_WIDTH}" y="{y + 2}" width="{width:.1f}" height="{BAR_HEIGHT - 5}" '
                     f'fill="{"#d9822b" if percent else "#4472c4"}" data-value="{label}"/>'
                     f'<text x="{LABEL_WIDTH + width + 4:.1f}" y="{y + 14}">{label}</text>')
    parts.append("</svg>")
    return "".join(parts)


def html_page(rows: list[SummaryRow], title: str = "年度报告审核汇总") -> str:
    errors = [(name, float(count)) for name, count in errors_chart(rows)]
    charts = bar_svg("各机关错误数", errors) + bar_svg("与上年报告重复的比例", repetition_chart(rows), percent=True)
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{_esc(title)}</title>\n<style>\n{CSS}\n</style>\n</head>\n<body>\n"
        f"<h1>{_esc(title)}</h1>\n<h2>汇总（共{len(rows)}份）</h2>\n{_summary_table(rows)}\n"
        f"<h2>问题明细</h2>\n{_findings_table(rows)}\n<h2>图表</h2>\n{charts}\n</body>\n</html>\n"
    )


def export_html(rows: list[SummaryRow], path: str | Path) -> None:
    write_atomically(path, html_page(rows).encode("utf-8"))
