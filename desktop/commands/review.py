"""nianbao review: a county office's review of every report received in a folder, as a score sheet
(.xlsx or .html), with deductions from a scoring file and, on request, one review sheet per report.
Exit 0: written; 2: the folder, the scoring file or an output could not be used; 3: a file met a program
error (its row says so)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.commands.common import fail, for_terminal

if TYPE_CHECKING:
    from desktop.core.review.scoring import Scoring
    from desktop.core.review.summary import SummaryRow

OUTPUTS = (".xlsx", ".html", ".htm")


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = ("审核文件夹中的全部报告（.nianbao、文本、网页、Word、PDF），"
                          "输出审核汇总表（.xlsx 或 .html）。")
    parser.add_argument("folder", metavar="FOLDER", help="收到的报告所在的文件夹")
    parser.add_argument("--last-year", metavar="FOLDER", help="上年度报告所在的文件夹，按机关名称对应")
    parser.add_argument("-o", "--output", action="append", required=True, metavar="FILE",
                        help="审核汇总表，如 审核汇总.xlsx 或 审核汇总.html；可给多次")
    parser.add_argument("--scoring", metavar="FILE", help="扣分标准文件（JSON），默认使用自带的标准")
    parser.add_argument("--sheets", metavar="FOLDER", help="为每份报告写一份审核意见单到此文件夹")
    parser.add_argument("--sheet-format", choices=("html", "pdf"), default="html", help="审核意见单的格式，默认 html")
    parser.add_argument("--jobs", type=_positive, metavar="N", help="同时使用的处理器数，默认全部")
    parser.add_argument("--today", type=dt.date.fromisoformat, help=argparse.SUPPRESS)


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"应为正整数：{text}")
    return int(text)


def run(args: argparse.Namespace) -> int:
    from desktop.core.review.scoring import ScoringError
    from desktop.core.review.summary import summarise, worst_first
    from desktop.io.review_read import Unreadable
    from desktop.io.review_run import review_folder
    from desktop.resources import MissingResource

    bad = [o for o in args.output if Path(o).suffix.lower() not in OUTPUTS]
    if bad:
        return fail(f"无法输出为“{bad[0]}”：审核汇总表可为 .xlsx 或 .html")
    try:
        scoring = _scoring(args.scoring)
        last_year = Path(args.last_year) if args.last_year else None
        reviews = review_folder(Path(args.folder), last_year, today=args.today, workers=args.jobs)
    except (ScoringError, Unreadable, MissingResource) as error:
        return fail(str(error))
    rows = worst_first([summarise(r, scoring) for r in reviews])
    try:
        for output in args.output:
            _write(rows, Path(output))
        if args.sheets:
            from desktop.io.review_sheet import export_sheets

            export_sheets(rows, Path(args.sheets), f".{args.sheet_format}")
    except OSError as error:
        from desktop.core.file_errors import describe

        return fail(f"无法写入“{getattr(error, 'filename', '') or ''}”：{describe(error)}")
    unreadable = sum(not r.review.readable for r in rows)
    with_errors = sum(r.review.errors > 0 for r in rows)
    deducted = sum(bool(r.deductions) for r in rows)
    print(f"已审核{len(rows)}份：有错误{with_errors}份，有扣分{deducted}份，无法读取{unreadable}份")
    for row in rows:
        if row.review.failed:
            print(f"  {for_terminal(row.review.file)}：{for_terminal(row.review.refused)}", file=sys.stderr)
    print("已写入：" + "、".join(for_terminal(o) for o in args.output))
    return 3 if any(r.review.failed for r in rows) else 0


def _scoring(path: str | None) -> Scoring:
    from desktop.core.review.scoring import load_scoring
    from desktop.resources import resource

    return load_scoring(path if path else resource("review", "scoring.json"))


def _write(rows: list[SummaryRow], path: Path) -> None:
    if path.suffix.lower() == ".xlsx":
        from desktop.io.review_xlsx import export_xlsx

        export_xlsx(rows, path)
    else:
        from desktop.io.review_html import export_html

        export_html(rows, path)
