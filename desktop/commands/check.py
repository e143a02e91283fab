"""nianbao check: findings for one report or a folder's worth. Exit 0: no errors; 1: errors; 2: a file
could not be read. Many files are read and checked on all the cores; the output is in the order given."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from dataclasses import dataclass

from desktop.commands.common import CommandError, for_terminal, load_report
from desktop.core.checks import Severity, check
from desktop.core.lastyear import not_last_year, snapshot
from desktop.core.report import PreviousYear


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = "校验一份或多份报告，列出错误和警告。"
    parser.add_argument("files", nargs="+", metavar="FILE", help="报告文件")
    parser.add_argument("--last-year", metavar="FILE", help="上年度报告，用于衔接校验")
    parser.add_argument("--json", action="store_true", help="每个文件输出一行JSON")
    parser.add_argument("--details", action="store_true", help="多个文件时也列出每条问题")
    parser.add_argument("--today", type=dt.date.fromisoformat, help=argparse.SUPPRESS)


@dataclass(frozen=True)
class Options:
    """What every file's check needs: handed once to each worker process."""

    previous: PreviousYear | None
    today: dt.date | None
    as_json: bool
    show_details: bool


_OPTIONS = Options(None, None, False, True)


def _configure(options: Options) -> None:
    global _OPTIONS
    _OPTIONS = options


def run(args: argparse.Namespace) -> int:
    from desktop.io.review_pool import ordered_map

    previous = None
    if args.last_year:
        try:
            previous = snapshot(load_report(args.last_year))
        except CommandError as error:
            print(_unreadable(args.json, args.last_year, str(error)))
            return 2
    options = Options(previous, args.today, args.json, args.details or len(args.files) == 1)
    code = 0
    for file_code, text in ordered_map(_checked, args.files, initializer=_configure, initargs=(options,)):
        if file_code == 2 or (file_code == 1 and code == 0):
            code = file_code
        print(text)
    return code


def _checked(path: str) -> tuple[int, str]:
    """One file's exit code (0, 1 or 2) and the lines it prints."""
    options = _OPTIONS
    try:
        report = load_report(path)
    except CommandError as error:
        return 2, _unreadable(options.as_json, path, str(error))
    findings = check(report, previous=options.previous, today=options.today)
    unlinked = not_last_year(report, options.previous) if options.previous is not None else None
    errors = sum(f.severity is Severity.ERROR for f in findings)
    warnings = sum(f.severity is Severity.WARNING for f in findings)
    code = 1 if errors else 0
    if options.as_json:
        return code, json.dumps({
            "file": path, "agency": report.meta.agency, "year": report.meta.year,
            "errors": errors, "warnings": warnings,
            "findings": [f.as_json() for f in findings],
            **({"last_year_skipped": unlinked} if unlinked else {}),
        }, ensure_ascii=False)
    agency = for_terminal(report.meta.agency).replace("\t", " ")
    lines = [f"{for_terminal(path)}\t{agency}\t{report.meta.year}年\t错误 {errors}\t警告 {warnings}"]
    if unlinked:
        lines.append(f"  未做衔接校验：{for_terminal(unlinked)}")
    if options.show_details:
        lines += [f"  [{f.severity.label} {f.rule}] {for_terminal(f.message)}" for f in findings]
    return code, "\n".join(lines)


def _unreadable(as_json: bool, path: str, message: str) -> str:
    if as_json:
        return json.dumps({"file": path, "error": message}, ensure_ascii=False)
    return f"{for_terminal(path)}\t无法读取：{for_terminal(message)}"
