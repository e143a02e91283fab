"""nianbao import: turn a published report (text, HTML, Word, PDF) into a project file.

What the source does not say (the year, the agency, the level) is never filled in silently: the command
refuses, names the option that supplies it, and writes nothing.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.commands.common import CommandError, fail, save_report
from desktop.core.fields import LEVEL_LABELS, Level
from desktop.core.metavalues import parse_level, parse_year

_OPTIONS = {"year": ("--year", "报告年度"), "agency": ("--agency", "机关名称"), "level": ("--level", "机关层级")}


def _year(text: str) -> int:
    try:
        return parse_year(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _level(text: str) -> Level:
    try:
        return parse_level(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = "从文本、网页、Word或PDF导入报告，并列出识别情况。"
    parser.add_argument("source", help="要导入的文件")
    parser.add_argument("-o", "--output", required=True, help="保存为（.nianbao）")
    parser.add_argument("--force", action="store_true", help="覆盖已有文件")
    parser.add_argument("--year", type=_year, help="报告年度，原文中找不到时必须指定，例如 --year 2023")
    parser.add_argument("--agency", help="机关名称，原文中找不到时必须指定")
    levels = "、".join(f"{level.value}（{LEVEL_LABELS[level]}）" for level in Level)
    parser.add_argument("--level", type=_level, help=f"机关层级，无法判断时必须指定：{levels}")


def run(args: argparse.Namespace) -> int:
    from desktop.io.importing import ImportRefused, Known, import_file

    known = Known(year=args.year, agency=args.agency or None, level=args.level)
    try:
        try:
            result = import_file(Path(args.source), known)
        except ImportRefused as error:
            raise CommandError(str(error)) from None
        for line in result.account:
            print(line)
        if result.missing:
            wanted = [_OPTIONS[name] for name in ("year", "agency", "level") if name in result.missing]
            named = "、".join(f"{what}（请用 {option} 指定）" for option, what in wanted)
            raise CommandError(f"原文中未找到{named}，未导入")
        save_report(result.report, args.output, overwrite=args.force)
    except CommandError as error:
        return fail(str(error), error.code)
    print(f"已导入：{result.report.title} → {args.output}")
    return 0
