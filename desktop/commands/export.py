"""nianbao export: write PDF, Word or HTML, chosen by the output's extension. Refuses while the report
has error findings, unless --force."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import loading
from desktop.commands.common import CommandError, fail, for_terminal, load_project
from desktop.core.checks import Severity, check
from desktop.core.file_errors import describe
from desktop.core.report import Report
from desktop.io.formats import UnsupportedFormat, exporter_for
from desktop.resources import MissingResource

if TYPE_CHECKING:
    from desktop.io.fonts import FontRole

LISTED_ERRORS = 30  # listed before exporting; the rest are counted


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = "按输出文件的扩展名导出：.pdf .docx .html"
    parser.add_argument("file", help="报告文件")
    parser.add_argument("-o", "--output", required=True, help="输出文件，如 报告.pdf")
    parser.add_argument("--force", action="store_true", help="有错误时仍然导出（错误会列出）")


def run(args: argparse.Namespace) -> int:
    try:
        report = load_project(args.file)
        with loading.on_demand():
            export = exporter_for(args.output)
    except CommandError as error:
        return fail(str(error), error.code)
    except UnsupportedFormat as error:
        return fail(str(error), 2)
    errors = [f for f in check(report) if f.severity is Severity.ERROR]
    if errors:
        for f in errors[:LISTED_ERRORS]:
            print(f"  [{f.severity.label} {f.rule}] {for_terminal(f.message)}", file=sys.stderr)
        if len(errors) > LISTED_ERRORS:
            print(f"  ……另有{len(errors) - LISTED_ERRORS}处错误，用 nianbao check 列出全部", file=sys.stderr)
        if not args.force:
            return fail(f"报告有{len(errors)}处错误，未导出。改正后再导出，或加 --force 强制导出", 1)
        print(f"注意：报告有{len(errors)}处错误，已按 --force 导出", file=sys.stderr)
    try:
        export(report, Path(args.output))
        pdf = Path(args.output).suffix.lower() == ".pdf"
        missing = _unprintable(report) if pdf else []
        substituted = _stood_in() if pdf else []
    except MissingResource as error:
        return fail(str(error), 2)
    except OSError as error:
        return fail(f"无法写入“{args.output}”：{describe(error)}", 2)
    for char in missing:
        print(f"注意：没有字体能显示字符“{char}”（U+{ord(char):04X}），它在导出的文件中显示为空白方框", file=sys.stderr)
    if substituted:
        from desktop.io.fonts import stand_in_notice

        print(f"注意：{stand_in_notice(substituted)}；装上这些字体后重新导出即可", file=sys.stderr)
    print(f"已导出：{args.output}")
    return 0


def _stood_in() -> list[FontRole]:
    from desktop.io.fonts import stood_in
    from desktop.io.pdf.fontset import font_set

    return stood_in(font_set().faces)


def _unprintable(report: Report) -> list[str]:
    """What the PDF shows as empty boxes: characters no bundled font and none on this PC can draw."""
    from desktop.io.pdf.fontset import font_set, unprintable

    return unprintable(font_set(), report)
