"""nianbao next: start next year's report from this one."""

from __future__ import annotations

import argparse

from desktop.commands.common import CommandError, fail, load_project, save_report
from desktop.core.lastyear import next_year


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = ("新建下一年度报告：机关、层级沿用，年度加一，上年结转取本年结转下年度，"
                          "现行有效件数从本年的件数起按制发、废止衔接，各栏文字沿用本年的作为草稿（修改前校验报错），"
                          "本年数据留作校验。")
    parser.add_argument("file", help="本年度报告")
    parser.add_argument("-o", "--output", required=True, help="下一年度报告保存为")
    parser.add_argument("--force", action="store_true", help="覆盖已有文件")


def run(args: argparse.Namespace) -> int:
    try:
        report = next_year(load_project(args.file))
        save_report(report, args.output, overwrite=args.force)
    except CommandError as error:
        return fail(str(error), error.code)
    print(f"已新建：{report.title} → {args.output}")
    if report.drafts:
        print(f"各栏文字沿用{report.meta.year - 1}年的作为草稿（{len(report.drafts)}栏），请按本年度情况修改")
    return 0
