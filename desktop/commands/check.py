"""nianbao check: findings for one report or a folder's worth. Exit 0: no errors; 1: errors; 2: a file
could not be read."""

from __future__ import annotations

import argparse
import datetime as dt
import json

from desktop.commands.common import CommandError, for_terminal, load_report
from desktop.core.checks import Severity, check
from desktop.core.lastyear import not_last_year, snapshot


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = "校验一份或多份报告，列出错误和警告。"
    parser.add_argument("files", nargs="+", metavar="FILE", help="报告文件")
    parser.add_argument("--last-year", metavar="FILE", help="上年度报告，用于衔接校验")
    parser.add_argument("--json", action="store_true", help="每个文件输出一行JSON")
    parser.add_argument("--details", action="store_true", help="多个文件时也列出每条问题")
    parser.add_argument("--today", type=dt.date.fromisoformat, help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    previous = None
    if args.last_year:
        try:
            previous = snapshot(load_report(args.last_year))
        except CommandError as error:
            _emit_unreadable(args, args.last_year, str(error))
            return 2
    code = 0
    show_details = args.details or len(args.files) == 1
    for path in args.files:
        try:
            report = load_report(path)
        except CommandError as error:
            _emit_unreadable(args, path, str(error))
            code = 2
            continue
        findings = check(report, previous=previous, today=args.today)
        unlinked = not_last_year(report, previous) if previous is not None else None
        errors = sum(f.severity is Severity.ERROR for f in findings)
        warnings = sum(f.severity is Severity.WARNING for f in findings)
        if errors and code == 0:
            code = 1
        if args.json:
            print(json.dumps({
                "file": path, "agency": report.meta.agency, "year": report.meta.year,
                "errors": errors, "warnings": warnings,
                "findings": [f.as_json() for f in findings],
                **({"last_year_skipped": unlinked} if unlinked else {}),
            }, ensure_ascii=False))
            continue
        agency = for_terminal(report.meta.agency).replace("\t", " ")
        print(f"{for_terminal(path)}\t{agency}\t{report.meta.year}年\t错误 {errors}\t警告 {warnings}")
        if unlinked:
            print(f"  未做衔接校验：{for_terminal(unlinked)}")
        if show_details:
            for f in findings:
                print(f"  [{f.severity.label} {f.rule}] {for_terminal(f.message)}")
    return code


def _emit_unreadable(args: argparse.Namespace, path: str, message: str) -> None:
    if args.json:
        print(json.dumps({"file": path, "error": message}, ensure_ascii=False))
    else:
        print(f"{for_terminal(path)}\t无法读取：{for_terminal(message)}")
