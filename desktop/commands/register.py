"""nianbao register: table 三 (and 四, from a cases sheet) computed from the application register, printed,
or written into a report with --apply. The mapping of columns and words is the guessed one; a word it
cannot place is listed, and then nothing is written, so that a report never gets an incomplete table."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from desktop.commands.common import CommandError, fail, for_terminal, load_project, save_report
from desktop.core import edits
from desktop.core.checks import Finding
from desktop.core.lastyear import snapshot
from desktop.core.metavalues import parse_year
from desktop.core.register import compute
from desktop.core.register.columns import Kind
from desktop.core.register.findings import register_values
from desktop.core.register.mapping import guess_mapping
from desktop.core.register.telling import mapping_lines, not_counted_lines, note_lines, summary, table_lines
from desktop.core.report import PreviousYear, Report
from desktop.core.storage import EXTENSION


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = "读取台账（.xlsx 或 .csv），计算表三（有复议诉讼工作表时也计算表四）。"
    parser.add_argument("file", metavar="REGISTER", help="台账文件（.xlsx 或 .csv）")
    parser.add_argument("--year", type=int, help="报告年度（有 --apply 时默认为报告的年度）")
    parser.add_argument("--apply", metavar="REPORT", help="把计算结果写入这份报告（.nianbao）")
    parser.add_argument("--last-year", metavar="FILE", help="上年度的台账或报告，用于核对上年结转")
    parser.add_argument("--json", action="store_true", help="以JSON输出")


def run(args: argparse.Namespace) -> int:
    try:
        report = load_project(args.apply) if args.apply else None
        year = args.year or (report.meta.year if report else None)
        if year is None:
            raise CommandError("请用 --year 指定报告年度，如 --year 2024")
        try:
            year = parse_year(year)
        except ValueError as error:
            raise CommandError(str(error)) from None
        if report is not None and year != report.meta.year:
            raise CommandError(f"报告是{report.meta.year}年度的，--year 却是{year}")
        result = _account(Path(args.file), year)
        previous = _last_year(args.last_year, result) if args.last_year else None
    except CommandError as error:
        return fail(str(error), error.code)
    found = compute.findings(report or Report.new("", "township", year), result, previous)
    incomplete = any(not_counted_lines(t) for t in result.tallies)
    if args.json:
        print(json.dumps(_as_json(result, found), ensure_ascii=False))
    else:
        _print(result, found)
    if report is not None:
        if incomplete:
            return fail("台账中有未计入的行（见上），未写入报告。请改正台账，或在窗口中确认对应关系后再写入", 1)
        values = [kv for t in result.tallies for kv in register_values(report, t)]
        edits.apply(report, edits.plan_many(report, values, "从台账计算"))
        try:
            save_report(report, args.apply)
        except CommandError as error:
            return fail(str(error), error.code)
        tables = "、".join(f"表{'三' if t.kind is Kind.APPLICATIONS else '四'}" for t in result.tallies)
        print(f"已将{tables}写入：{args.apply}")
        return 0
    return 1 if incomplete or found else 0


def _account(path: Path, year: int) -> compute.Account:
    from desktop.io.register_read import RegisterRefused, read_register

    try:
        sheets = read_register(path)
    except RegisterRefused as error:
        raise CommandError(str(error)) from None
    pairs = [(sheet, guess_mapping(sheet)) for sheet in sheets]
    for sheet, mapping in pairs:
        missing = mapping.missing_columns()
        if missing:
            raise CommandError(f"{sheet.source}中找不到{'、'.join(missing)}列；表头请用台账模板的写法")
    return compute.account(pairs, year)


def _last_year(path: str, result: compute.Account) -> PreviousYear | None:
    """Last year's report gives its 结转下年度 (R-03); last year's register its open applications (R-02)."""
    if Path(path).suffix.lower() == EXTENSION:
        return snapshot(load_project(path))
    last = _account(Path(path), result.year - 1)
    pair = last.sheet(Kind.APPLICATIONS)
    if pair is None:
        raise CommandError(f"“{Path(path).name}”中没有依申请公开的台账")
    compute.check_last_register(result, *pair)
    return None


def _print(result: compute.Account, found: list[Finding]) -> None:
    for sheet, mapping in result.sheets:
        columns = "；".join(mapping_lines(sheet, mapping))
        print(for_terminal(f"{sheet.source}（表头在第{sheet.header_line}行）：{columns}"))
    for tally in result.tallies:
        print(for_terminal(summary(tally)))
        for line in not_counted_lines(tally) + note_lines(tally):
            print(for_terminal(f"  {line}"))
        print()
        print("\n".join(table_lines(tally)))
        print()
    for finding in found:
        print(for_terminal(f"{finding.severity.label} [{finding.rule}] {finding.message}"))


def _as_json(result: compute.Account, found: list[Finding]) -> dict[str, object]:
    return {
        "year": result.year,
        "cells": result.values(),
        "sources": {k: v for t in result.tallies for k, v in t.sources.items() if v},
        "not_counted": [line for t in result.tallies for line in not_counted_lines(t)],
        "notes": [line for t in result.tallies for line in note_lines(t)],
        "findings": [f.as_json() for f in found],
    }
