"""nianbao import: turn a published report (text, HTML, Word, PDF) into a project file."""

from __future__ import annotations

import argparse

from desktop.commands.common import CommandError, fail, import_source, save_report


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "import", help="导入已发布的报告", description="从文本、网页、Word或PDF导入报告，并列出识别情况。"
    )
    parser.add_argument("source", help="要导入的文件")
    parser.add_argument("-o", "--output", required=True, help="保存为（.nianbao）")
    parser.add_argument("--force", action="store_true", help="覆盖已有文件")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        result = import_source(args.source)
        for line in result.account:
            print(line)
        save_report(result.report, args.output, overwrite=args.force)
    except CommandError as error:
        return fail(str(error), error.code)
    print(f"已导入：{result.report.title} → {args.output}")
    return 0
