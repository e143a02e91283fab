"""nianbao new: create an empty report."""

from __future__ import annotations

import argparse

from desktop.commands.common import CommandError, fail, save_report
from desktop.core.fields import LEVEL_LABELS, Level
from desktop.core.report import Report
from desktop.core.values import InvalidValue


def arguments(parser: argparse.ArgumentParser) -> None:
    levels = "；".join(f"{level.value}={LEVEL_LABELS[level]}" for level in Level)
    parser.description = "新建一份空白报告。"
    parser.add_argument("--agency", required=True, help="机关名称，如 耳口乡")
    parser.add_argument("--level", required=True, help=f"机关层级，代码或中文名称均可：{levels}")
    parser.add_argument("--year", required=True, help="报告年度，如 2023")
    parser.add_argument("-o", "--output", required=True, help="保存为（.nianbao）")
    parser.add_argument("--force", action="store_true", help="覆盖已有文件")


def run(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from desktop.core.report import explain

    try:
        report = Report.new(args.agency, args.level, args.year)
    except ValidationError as error:
        return fail(explain(error), 1)
    except InvalidValue as error:
        return fail(str(error), 1)
    try:
        save_report(report, args.output, overwrite=args.force)
    except CommandError as error:
        return fail(str(error), error.code)
    print(f"已新建：{report.title} → {args.output}")
    return 0
