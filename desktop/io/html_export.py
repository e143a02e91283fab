"""HTML export: a standalone page, a fragment for pasting into a portal's CMS, and its plain text.

Portal editors strip <style> blocks and classes on paste, so the fragment carries the few styles it
needs inline and keeps the tables plain: ``<table border="1">`` with real rowspan and colspan.
"""

from __future__ import annotations

import html
from pathlib import Path

from desktop.core.atomic_write import write_atomically
from desktop.core.grid import LabelRole, Placed
from desktop.core.report import Report
from desktop.io.fonts import PREFERRED_FAMILIES, FontRole
from desktop.io.layout import CAPTION_FILL, cell_alignment, cell_text, printable
from desktop.io.outline import Block, Heading, Paragraph, Signature, Table, Title, build_outline


def _font_stack(role: FontRole, *fallbacks: str) -> str:
    """The families office PCs carry, then what Macs and phones have; quoted with ' for style attributes."""
    return ",".join([*(f"'{name}'" for name in PREFERRED_FAMILIES[role]), *fallbacks])


BODY_FONT = _font_stack(FontRole.FANGSONG, "STFangsong", "serif")
HEITI_FONT = _font_stack(FontRole.HEITI, "'Microsoft YaHei'", "'PingFang SC'", "sans-serif")
KAITI_FONT = _font_stack(FontRole.KAITI, "STKaiti", "serif")
TITLE_FONT = _font_stack(FontRole.XIAOBIAOSONG, "'华文中宋'", "STZhongsong", "'宋体'", "SimSun", "serif")
TABLE_FONT = _font_stack(FontRole.SONGTI, "STSong", "serif")

_STYLE = {
    "report": f"font-family:{BODY_FONT};font-size:16px;line-height:2;color:#000",
    "title": f"font-family:{TITLE_FONT};font-size:26px;font-weight:bold;line-height:1.6;text-align:center;"
             "margin:0 0 1em",
    "heading1": f"font-family:{HEITI_FONT};font-size:16px;font-weight:bold;text-indent:2em;margin:0.5em 0 0",
    "heading2": f"font-family:{KAITI_FONT};font-size:16px;font-weight:normal;text-indent:2em;margin:0",
    "lead": f"font-family:{KAITI_FONT}",
    "p": "text-indent:2em;margin:0;text-align:justify",
    "signature": "text-align:right;margin:0;padding-right:4em",
    "table": f"border-collapse:collapse;width:100%;margin:0.5em 0 1em;font-family:{TABLE_FONT};font-size:14px;"
             "line-height:1.5",
    "cell": "border:1px solid #000;padding:4px 3px;font-weight:normal",
}
CAPTION_BACKGROUND = f"#{CAPTION_FILL}"
_HEADER_ROLES = {LabelRole.CAPTION, LabelRole.HEADER, LabelRole.NOTE}

PAGE_CSS = """
body { margin: 0; background: #f2f2f2; }
main { box-sizing: border-box; max-width: 900px; margin: 24px auto; padding: 48px 64px 64px;
       background: #fff; border-top: 4px solid #b5121b; box-shadow: 0 1px 4px rgba(0, 0, 0, .12); }
@media print { body { background: #fff; } main { margin: 0; padding: 0; border: 0; box-shadow: none; } }
""".strip()


def _esc(text: str) -> str:
    return html.escape(printable(text), quote=True)


def html_fragment(report: Report, *, title: bool = True) -> str:
    """The report for a CMS editor's source view; ``title=False`` when the CMS has its own title field."""
    parts = [f'<div class="nianbao-report" style="{_STYLE["report"]}">']
    for block in build_outline(report):
        if isinstance(block, Title) and not title:
            continue
        parts.append(_block_html(block))
    parts.append("</div>")
    return "\n".join(parts) + "\n"


def _block_html(block: Block) -> str:
    if isinstance(block, Title):
        lines = "<br>".join(_esc(line) for line in block.lines)
        return f'<h1 style="{_STYLE["title"]}">{lines}</h1>'
    if isinstance(block, Heading):
        tag = "h2" if block.level == 1 else "h3"
        return f'<{tag} style="{_STYLE[f"heading{block.level}"]}">{_esc(block.text)}</{tag}>'
    if isinstance(block, Paragraph):
        lead = f'<span style="{_STYLE["lead"]}">{_esc(block.lead)}</span>' if block.lead else ""
        return f'<p style="{_STYLE["p"]}">{lead}{_esc(block.text)}</p>'
    if isinstance(block, Table):
        return table_html(block)
    if isinstance(block, Signature):
        spacer = f'<p style="{_STYLE["signature"]}">&nbsp;</p>'
        texts = [text for text in (block.agency, block.date) if text]
        return spacer + "".join(f'<p style="{_STYLE["signature"]}">{_esc(text)}</p>' for text in texts)
    raise TypeError(block)


def table_html(block: Table) -> str:
    """One official table with the spec's merges as rowspan/colspan; header rows go in <thead>."""
    spec = block.spec
    total = sum(spec.col_weights)
    cols = "".join(f'<col style="width:{100 * weight / total:.2f}%">' for weight in spec.col_weights)
    rows: list[list[str]] = [[] for _ in range(spec.n_rows)]
    for placed in sorted(spec.placed, key=lambda p: (p.row, p.col)):
        rows[placed.row].append(_cell_html(placed, cell_text(block.values, placed)))
    lines = [
        f'<table border="1" cellspacing="0" cellpadding="4" style="{_STYLE["table"]}">',
        f"<colgroup>{cols}</colgroup>",
    ]
    head, body = rows[: spec.header_rows], rows[spec.header_rows:]
    if head:
        lines += ["<thead>", *(f"<tr>{''.join(cells)}</tr>" for cells in head), "</thead>"]
    lines += ["<tbody>", *(f"<tr>{''.join(cells)}</tr>" for cells in body), "</tbody>", "</table>"]
    return "\n".join(lines)


def _cell_html(placed: Placed, text: str) -> str:
    tag = "th" if placed.role in _HEADER_ROLES else "td"
    spans = ""
    if placed.rowspan > 1:
        spans += f' rowspan="{placed.rowspan}"'
    if placed.colspan > 1:
        spans += f' colspan="{placed.colspan}"'
    align = cell_alignment(placed)
    content = _esc(text)
    style = f"{_STYLE['cell']};text-align:{align};vertical-align:middle"
    if placed.role is LabelRole.CAPTION:
        style += f";background:{CAPTION_BACKGROUND}"
    if placed.role is LabelRole.HEADER:
        content = _two_by_two(text)
        style += ";word-break:keep-all"
    if placed.vertical:
        content = f'<div style="writing-mode:vertical-rl;margin:0 auto;letter-spacing:0.2em">{content}</div>'
    return f'<{tag}{spans} style="{style}">{content}</{tag}>'


def _two_by_two(text: str) -> str:
    """Lets a narrow header wrap only between two-character words: 结果/维持, 社会/公益/组织."""
    return "<wbr>".join(_esc(text[i:i + 2]) for i in range(0, len(text), 2))


def html_page(report: Report) -> str:
    title = _esc(report.title)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>\n{PAGE_CSS}\n</style>\n</head>\n<body>\n<main>\n"
        f"{html_fragment(report)}</main>\n</body>\n</html>\n"
    )


def render_html_bytes(report: Report, fonts: object = None) -> bytes:
    """The page in memory; a web page names its fonts in CSS, so ``fonts`` is unused."""
    return html_page(report).encode("utf-8")


def export_html(report: Report, path: str | Path) -> None:
    write_atomically(path, render_html_bytes(report))


def plain_text(report: Report) -> str:
    """The clipboard's plain-text alternative: indented paragraphs, and tables as tab-separated rows
    so that pasting into a spreadsheet keeps the columns."""
    lines: list[str] = []
    for block in build_outline(report):
        if isinstance(block, Title):
            lines += [printable(line) for line in block.lines]
            lines.append("")
        elif isinstance(block, Heading):
            lines.append("\u3000\u3000" + printable(block.text))
        elif isinstance(block, Paragraph):
            lines.append("\u3000\u3000" + printable(block.lead + block.text))
        elif isinstance(block, Table):
            lines += _table_text(block)
        elif isinstance(block, Signature):
            lines += ["", *(printable(text) for text in (block.agency, block.date) if text)]
    return "\n".join(lines) + "\n"


def _table_text(block: Table) -> list[str]:
    grid = [[""] * block.spec.n_cols for _ in range(block.spec.n_rows)]
    for placed in block.spec.placed:
        grid[placed.row][placed.col] = cell_text(block.values, placed)
    return ["\t".join(row) for row in grid]
