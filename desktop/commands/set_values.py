"""nianbao set: write cells and fields exactly as given. Totals are never recomputed, so a script can
reproduce a published table, mistakes included."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.commands.common import CommandError, fail, load_project, save_report
from desktop.core.file_errors import describe
from desktop.core.report import parse_value
from desktop.core.values import InvalidValue


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = ("按规范键名填写，如 t3.new.natural=3 text.s5=… meta.date=2024-01-04。"
                          "键名=@文件 从UTF-8文本文件读取值（用于超过命令行长度的长文字）；值以@开头时写成@@。")
    parser.add_argument("file", help="报告文件（.nianbao）")
    parser.add_argument("values", nargs="+", metavar="KEY=VALUE", help="键名=值；值为空表示清空")


def run(args: argparse.Namespace) -> int:
    try:
        report = load_project(args.file)
    except CommandError as error:
        return fail(str(error), error.code)
    parsed = []
    for item in args.values:
        key, sep, raw = item.partition("=")
        if not sep:
            return fail(f"“{item}”应写成 键名=值", 1)
        if raw.startswith("@@"):
            raw = raw[1:]
        elif raw.startswith("@"):
            try:
                raw = _read_value(Path(raw[1:]))
            except CommandError as error:
                return fail(str(error), error.code)
        try:
            parsed.append((key.strip(), parse_value(key.strip(), raw)))
        except InvalidValue as error:
            return fail(f"{error}（未作任何修改）", 1)
    for key, value in parsed:
        report.put(key, value)
    try:
        save_report(report, args.file)
    except CommandError as error:
        return fail(str(error), error.code)
    print(f"已写入{len(parsed)}项：{args.file}")
    return 0


def _read_value(path: Path) -> str:
    """A value from a file: one argument on the command line holds at most 128 KB, a section may hold more."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise CommandError(f"无法读取“{path}”：{describe(error)}（未作任何修改）", 2) from None
    except UnicodeDecodeError:
        raise CommandError(f"“{path}”不是UTF-8文本文件（未作任何修改）", 1) from None
    return text.replace("\r\n", "\n")
