"""Writes the import corpus: the 耳口乡 2023 report with non-zero numbers, flattened the ways portals do.

Run from the repository root: ``.venv/bin/python tests/io/corpus/make_corpus.py``. The numbers are all
different from their neighbours and add up (T3-01..03, T4-01), so a value read into the wrong cell shows.
"""

from __future__ import annotations

import base64
import json
import quopri
import re
from decimal import Decimal
from pathlib import Path

from desktop.core import storage
from desktop.core.grid import TableSpec
from desktop.core.tablespec import T2, T3, T3_COLUMNS, T3_RESULT_ROWS, T4, T4_GROUPS
from desktop.io.importers.chinese_variants import TRADITIONAL_TO_SIMPLIFIED

HERE = Path(__file__).resolve().parent
SEED = HERE.parents[2] / "resources" / "samples" / "erkou-2023.nianbao"
PARTS = ("natural", "business", "research", "nonprofit", "legal", "other_org")


def corpus_cells() -> dict[str, int | Decimal]:
    cells: dict[str, int | Decimal] = {
        "t2.regulations.issued": 0, "t2.regulations.repealed": 0, "t2.regulations.in_force": 0,
        "t2.normative_docs.issued": 3, "t2.normative_docs.repealed": 1, "t2.normative_docs.in_force": 12,
        "t2.licensing.decisions": 45, "t2.penalty.decisions": 7, "t2.enforcement.decisions": 2,
        "t2.fees.amount": Decimal("1.25"),
    }
    for i, row in enumerate(T3_RESULT_ROWS):
        for j, col in enumerate(PARTS):
            cells[f"t3.{row}.{col}"] = (i * 7 + j * 3) % 23 + j
    for j, col in enumerate(PARTS):
        total = sum(cells[f"t3.{r}.{col}"] for r in T3_RESULT_ROWS)
        cells[f"t3.total.{col}"] = total
        cells[f"t3.carried_in.{col}"] = j + 2
        cells[f"t3.carried_out.{col}"] = j + 3
        cells[f"t3.new.{col}"] = total + 1
    for row in ("new", "carried_in", *T3_RESULT_ROWS, "total", "carried_out"):
        cells[f"t3.{row}.total"] = sum(cells[f"t3.{row}.{c}"] for c in PARTS)
    for (group, _), parts in zip(T4_GROUPS, ((5, 2, 1, 3), (4, 1, 2, 1), (2, 3, 1, 1)), strict=True):
        for item, value in zip(("upheld", "corrected", "other", "pending"), parts, strict=True):
            cells[f"t4.{group}.{item}"] = value
        cells[f"t4.{group}.total"] = sum(parts)
    return cells


def corpus_text() -> dict[str, str]:
    report = storage.load(SEED)
    cells = corpus_cells()
    text = dict(report.text)
    text["text.s1.on_request"] = (f"2023年，我乡收到依申请公开的信息申请{cells['t3.new.total']}件，"
                                  f"办结{cells['t3.total.total']}件。")
    return text


HALF = str.maketrans({"，": ",", "（": "(", "）": ")", "：": ":", "；": ";"})


def grid(spec: TableSpec, cells: dict[str, object], cut_headers: bool = False) -> list[list[tuple[str, int, int]]]:
    """Rows of anchors (text, rowspan, colspan) as printed."""
    rows: list[list[tuple[str, int, int]]] = [[] for _ in range(spec.n_rows)]
    for p in sorted(spec.placed, key=lambda p: (p.row, p.col)):
        text = "" if p.key is None and p.text is None else (p.text if p.key is None else str(cells[p.key]))
        if cut_headers and spec is T4 and p.row >= 1 and text not in ("总计", "结果维持") and len(text) == 4 \
                and p.key is None:
            text = text[:2]
        rows[p.row].append((text, p.rowspan, p.colspan))
    return rows


def _line_pipes(row: list[tuple[str, int, int]], texts: list[str]) -> list[str]:
    """One row, each cell on its own line ending in 「 |」 (merged cells add their fillers), after a lone 「|」."""
    out = ["|"]
    for text, (_, _, colspan) in zip(texts, row, strict=True):
        fillers = " " + "|" * (colspan - 1) if colspan > 1 else ""
        out.append(f"{text} |{fillers}" if text else "|")
    return out


def _separated_pipes(row: list[tuple[str, int, int]], texts: list[str]) -> list[str]:
    """One row, each cell on its own line followed by a lone 「|」, the row closed by a line of pipes."""
    out: list[str] = []
    for text in texts:
        out += [text, "|"] if text else ["|"]
    out.append("|" * (1 + max(1, sum(colspan for _, _, colspan in row) - len(row))))
    return out


def flattened(style: str, cells: dict[str, object]) -> str:
    """The three tables as a portal flattens them: pipes, lines (with or without pipes), paragraphs,
    markdown or tabs."""
    out: list[str] = []
    for spec in (T2, T3, T4):
        out.append(spec.title)
        rows = grid(spec, cells, cut_headers=style == "pipes")
        for row in rows:
            texts = [t.replace("商业企业", "商业 企业").replace("科研机构", "科研 机构") for t, _, _ in row]
            if style == "pipes":
                out.append(" | ".join(texts) + " |")
            elif style == "tabs":
                out.append("\t".join(texts))
            elif style == "line-pipes":
                out += _line_pipes(row, texts)
            elif style == "separated-pipes":
                out += _separated_pipes(row, texts)
            elif style == "markdown":
                wide: list[str] = []
                for t, _, colspan in row:
                    wide += [t] + [""] * (colspan - 1)
                out.append("| " + " | ".join(wide) + " |")
                if row is rows[0]:
                    out.append("|" + "---|" * len(wide))
            else:
                out += texts
    return "\n".join(out)


def document(style: str, cells: dict[str, object], half: bool = True, text: dict[str, str] | None = None,
             head: tuple[str, ...] | None = None) -> str:
    """A whole report page: ``head`` (the portal's metadata block and the title) before section 一."""
    text = text or corpus_text()
    tables = flattened(style, cells)
    t2, rest = tables.split("\n" + T3.title)
    t3, t4 = rest.split("\n" + T4.title)
    if head is None:
        head = ("索 引 号: G01009/2024-00080 | 发文机关: 贵溪耳口乡 | 文 号: |", "成文日期: 2024-01-04 |",
                "耳口乡2023年政府信息公开工作年度报告")
    body = [
        *head, "一、总体情况", text["text.s1.intro"],
        "(一)主动公开", text["text.s1.proactive"], "(二)依申请公开", text["text.s1.on_request"],
        "(三)政府信息管理", text["text.s1.management"], "(四)平台建设", text["text.s1.platform"],
        "(五)监督保障(工作考核、社会评议和责任追究结果情况)", text["text.s1.oversight"],
        t2, T3.title + t3, T4.title + t4,
        "五、存在的主要问题及改进情况", text["text.s5"], "六、其他需要报告的事项", text["text.s6"],
    ]
    joined = "\n".join(body)
    if half:
        joined = joined.translate(HALF)
    if style == "paragraphs":
        joined = "\n\n".join(line for line in joined.split("\n"))
    return joined + "\n"


def traditional(text: str) -> str:
    back: dict[str, str] = {}
    for code, simple in TRADITIONAL_TO_SIMPLIFIED.items():
        back.setdefault(simple, chr(code))
    return "".join(back.get(ch, ch) for ch in text)


def padded(text: str) -> str:
    """Numbers padded with spaces, some digits full-width, as some portals print them."""
    lines = []
    for line in text.split("\n"):
        if " | " in line:
            cells = [c.strip() for c in line.split("|")]
            cells = [f"  {c.translate(str.maketrans('0123456789', '０１２３４５６７８９'))} " if c.isdigit() and
                     len(c) > 1 else (f"   {c}" if c.replace(".", "").isdigit() else c) for c in cells]
            line = "|".join(cells)
        lines.append(line)
    return "\n".join(lines)


TRIAL_2019_T2 = """二、主动公开政府信息情况
第二十条第(一)项 | |||
信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |
规章 | 0 | 0 | 0 |
规范性文件 | 3 | 3 | 12 |
第二十条第(五)项 | |||
信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |
行政许可 | 40 | 5 | 45 |
其他对外管理服务事项 | 6 | 0 | 9 |
第二十条第(六)项 | |||
信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |
行政处罚 | 11 | 0 | 7 |
行政强制 | 4 | 1 | 2 |
第二十条第(八)项 | |||
信息内容 | 上一年项目数量 | 本年增/减 | |
行政事业性收费 | 2 | 0 | |
第二十条第(九)项 | |||
信息内容 | 采购项目数量 | 采购总金额 | |
政府集中采购 | 8 | 36.5 | |"""


def trial_2019(cells: dict[str, object]) -> str:
    """A 2022-style report still on the 2019 trial tables: old table 二, one row for （六）其他处理."""
    text = document("pipes", cells)
    start, end = text.index("二、主动公开政府信息情况"), text.index("三、收到和处理政府信息公开申请情况")
    text = text[:start] + TRIAL_2019_T2 + "\n" + text[end:]
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("(六)其他处理"))
    merged = [sum(int(cells[f"t3.other_{n}.{c}"]) for n in (1, 2, 3)) for c, _ in T3_COLUMNS]  # type: ignore[call-overload]
    lines[first: first + 3] = ["(六)其他处理 | " + " | ".join(str(v) for v in merged) + " | |"]
    return "\n".join(lines)


def blanks_and_gaps(cells: dict[str, object]) -> str:
    """Blank and 「/」 cells, a missing row, a row the format does not have, and no section 五."""
    text = document("pipes", cells)
    lines = text.split("\n")
    out = []
    skipping = False
    for line in lines:
        if line.startswith("五、存在的主要问题"):
            skipping = True
            continue
        if line.startswith("六、"):
            skipping = False
        if skipping or line.startswith("3.要求提供公开出版物"):
            continue
        if line.startswith("行政强制 |"):
            line = "行政强制 | / |"
        if line.startswith("二、上年结转"):
            parts = line.split(" | ")
            parts[2], parts[5] = "", "/"
            line = " | ".join(parts)
        if line.startswith("(七)总计"):
            out.append("(八)其他情形 | 1 | 1 | 1 | 1 | 1 | 1 | 6 | |")
        out.append(line)
    return "\n".join(out)


def _html_table(spec: TableSpec, cells: dict[str, object]) -> str:
    rows = []
    for row in grid(spec, cells):
        tds = []
        for text, rowspan, colspan in row:
            attrs = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (f' colspan="{colspan}"' if colspan > 1 else "")
            shown = text.replace("商业企业", "商业<br/>企业").replace("结果纠正", "结果<br>纠正") or "&nbsp;"
            tds.append(f'<td{attrs} style="border:1px solid #000"><p style="text-align:center">'
                       f'<span style="font-family:宋体">{shown}</span></p></td>')
        rows.append("<tr>" + "".join(tds) + "</tr>")
    return f'<table cellspacing="0" cellpadding="0" border="1" width="100%"><tbody>{"".join(rows)}</tbody></table>'


def portal_html(cells: dict[str, object]) -> str:
    """A page as saved from a county portal: navigation, a layout table, a metadata table, the article."""
    text = corpus_text()

    def paras(key: str) -> str:
        return "".join(f'<p style="text-indent:2em">{line}</p>' for line in text[key].split("\n"))

    article = (
        "<p><strong>一、总体情况</strong></p>" + paras("text.s1.intro")
        + "<p><strong>（一）主动公开</strong></p>" + paras("text.s1.proactive")
        + "<p><strong>（二）依申请公开</strong></p>" + paras("text.s1.on_request")
        + "<p><strong>（三）政府信息管理</strong></p>" + paras("text.s1.management")
        + "<p><strong>（四）平台建设</strong></p>" + paras("text.s1.platform")
        + "<p><strong>（五）监督保障（工作考核、社会评议和责任追究结果情况）</strong></p>" + paras("text.s1.oversight")
        + f"<p><strong>{T2.title}</strong></p>" + _html_table(T2, cells)
        + f"<p><strong>{T3.title}</strong></p>" + _html_table(T3, cells)
        + f"<p><strong>{T4.title}</strong></p>" + _html_table(T4, cells)
        + "<p><strong>五、存在的主要问题及改进情况</strong></p>" + paras("text.s5")
        + "<p><strong>六、其他需要报告的事项</strong></p>" + paras("text.s6")
        + '<p style="text-align:right">耳口乡人民政府</p><p style="text-align:right">2024年1月4日</p>'
    )
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>耳口乡2023年政府信息公开工作年度报告_贵溪市人民政府</title>
<meta name="ArticleTitle" content="耳口乡2023年政府信息公开工作年度报告">
<meta name="PubDate" content="2024-01-05 09:12"><script>var _hmt = _hmt || [];</script>
<style>td {{ font-size: 14px; }}</style></head>
<body><div class="top"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/hdjl/">互动交流</a></div>
<div class="crumb">当前位置：首页 &gt; 政府信息公开 &gt; 年报</div>
<table width="1000" align="center"><tr><td>
<table class="meta" width="100%"><tr><td>索 引 号: G01009/2024-00080</td><td>发文机关: 贵溪耳口乡</td></tr>
<tr><td>主题分类: 市场监管、安全生产监管</td><td>成文日期: 2024-01-04</td></tr></table>
<h1 style="text-align:center">耳口乡2023年政府信息公开工作年度报告</h1>
<div class="info">发布时间：2024-01-05 09:12 来源：耳口乡 字号：[ 大 中 小 ]</div>
<div class="article">{article}</div>
<div class="tools">【打印本页】 【关闭窗口】</div>
</td></tr></table>
<div class="footer">主办单位：贵溪市人民政府办公室 网站标识码：3606810001 赣ICP备00000000号</div>
</body></html>
"""


_GIF = base64.b64encode(bytes.fromhex("47494638396101000100800000ffffff00000021f904010000"
                                      "00002c00000000010001000002024401003b"))
_IE_BOUNDARY = "----=_NextPart_000_0000_01DA3FB1.5C1B2E40"
_BLINK_BOUNDARY = "----MultipartBoundary--q1V8xh2BxYcJGqzMTWm8pJZsDpnP5iLUAZWEJ4VtuI----"
_URL = "http://www.guixi.gov.cn/art/2024/1/5/art_1_356.html"


def _qp(data: bytes) -> bytes:
    """Quoted-printable as mail programs write it: lines of at most 76 characters, CRLF line ends."""
    return quopri.encodestring(data).replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def ie_archive(html: str, encoding: str = "gb2312", label: str = "gb2312") -> bytes:
    """The page as IE (and 360's IE mode) saves 「网页，单个文件（*.mht）」: re-serialised in upper case,
    GB2312 in quoted-printable, a raw GB2312 ``From:`` header, a picture in base64, CRLF line ends. The
    page's bytes may be in another ``encoding`` than its header's ``label`` says, as portals' pages are."""
    page = re.sub(r"<(/?)(p|table|tr|td|div|h1|strong|span|br)\b", lambda m: f"<{m[1]}{m[2].upper()}", html)
    page = page.replace('<meta charset="utf-8">', '<META content="text/html; charset=gb2312" http-equiv=Content-Type>')
    subject = base64.b64encode("耳口乡2023年政府信息公开工作年度报告_贵溪市人民政府".encode("gb2312")).decode()
    head = (f"From: <由 Windows Internet Explorer 8 保存>\nSubject: =?gb2312?B?{subject}?=\n"
            "Date: Fri, 5 Jan 2024 10:20:31 +0800\nMIME-Version: 1.0\nContent-Type: multipart/related;\n"
            f'\ttype="text/html";\n\tboundary="{_IE_BOUNDARY}"\n'
            "X-MimeOLE: Produced By Microsoft MimeOLE V6.1.7601.24158\n"
            f"\nThis is a multi-part message in MIME format.\n\n--{_IE_BOUNDARY}\nContent-Type: text/html;\n"
            f'\tcharset="{label}"\nContent-Transfer-Encoding: quoted-printable\nContent-Location: {_URL}\n\n')
    tail = (f"\n--{_IE_BOUNDARY}\nContent-Type: image/gif\nContent-Transfer-Encoding: base64\n"
            f"Content-Location: http://www.guixi.gov.cn/images/logo.gif\n\n{_GIF.decode()}\n\n--{_IE_BOUNDARY}--\n")
    return (head.replace("\n", "\r\n").encode("gb2312") + _qp(page.encode(encoding))
            + tail.replace("\n", "\r\n").encode("ascii"))


def blink_archive(html: str) -> bytes:
    """The page as Chrome and Edge save 「网页，单个文件」 (.mhtml), with the article in a frame as some
    portals show it: the first page part is the portal's shell, the second the article, the third a share
    button's frame; each in UTF-8 quoted-printable, with a style sheet between them."""
    shell = ('<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">'
             "<title>耳口乡2023年政府信息公开工作年度报告_贵溪市人民政府</title></head><body>"
             '<div class="top"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a></div>'
             '<iframe src="cid:frame-4F1C3B2A@mhtml.blink"></iframe>'
             '<div class="footer">主办单位：贵溪市人民政府办公室</div></body></html>')
    share = '<html><head></head><body><a href="#">分享到：微信</a> <a href="#">微博</a></body></html>'
    parts = [("text/html", "frame-0D2E7C91@mhtml.blink", _URL, shell),
             ("text/css", "", "http://www.guixi.gov.cn/css/style.css",
              "@charset \"utf-8\";\ntd { font-size: 14px; }\n"),
             ("text/html", "frame-4F1C3B2A@mhtml.blink", "http://www.guixi.gov.cn/art/content.html",
              html.replace('<meta charset="utf-8">',
                           '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">')),
             ("text/html", "frame-77A0E5D3@mhtml.blink", "about:blank", share)]
    subject = "=?utf-8?Q?" + "".join(f"={b:02X}" for b in "耳口乡2023年政府信息公开工作年度报告".encode()) + "?="
    out = [("From: <Saved by Blink>\nSnapshot-Content-Location: " + _URL + f"\nSubject: {subject}\n"
            "Date: Fri, 5 Jan 2024 10:20:31 -0000\nMIME-Version: 1.0\nContent-Type: multipart/related;\n"
            f'\ttype="text/html";\n\tboundary="{_BLINK_BOUNDARY}"\n\n\n').replace("\n", "\r\n").encode("ascii")]
    for kind, cid, location, body in parts:
        cid_line = f"Content-ID: <{cid}>\n" if cid else ""
        out.append((f"--{_BLINK_BOUNDARY}\nContent-Type: {kind}\n{cid_line}"
                    "Content-Transfer-Encoding: quoted-printable\n"
                    f"Content-Location: {location}\n\n").replace("\n", "\r\n").encode("ascii"))
        out.append(_qp(body.encode("utf-8")) + b"\r\n\r\n")
    out.append(f"--{_BLINK_BOUNDARY}--\r\n".encode("ascii"))
    return b"".join(out)


def main() -> None:
    cells = corpus_cells()
    files = {
        "pipes.txt": document("pipes", cells),
        "one-cell-per-line.txt": document("lines", cells),
        "one-cell-per-line-pipes.txt": document("line-pipes", cells),
        "one-cell-per-line-separated-pipes.txt": document("separated-pipes", cells),
        "one-cell-per-paragraph.txt": document("paragraphs", cells, half=False),
        "markdown.md": document("markdown", cells, half=False),
        "browser-copy-tabs.txt": document("tabs", cells, half=False),
        "padded-fullwidth.txt": padded(document("pipes", cells)),
        "traditional-mirror.txt": traditional(document("pipes", cells, half=False)),
        "trial-2019.txt": trial_2019(cells),
        "blanks-and-gaps.txt": blanks_and_gaps(cells),
        "portal-page.html": portal_html(cells),
    }
    for name, content in files.items():
        (HERE / name).write_text(content, encoding="utf-8")
    (HERE / "portal-page-ie.mht").write_bytes(ie_archive(files["portal-page.html"]))
    (HERE / "portal-page-chrome.mhtml").write_bytes(blink_archive(files["portal-page.html"]))
    expected = {"cells": {k: str(v) for k, v in cells.items()}, "text": corpus_text(),
                "columns": [c for c, _ in T3_COLUMNS]}
    (HERE / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
