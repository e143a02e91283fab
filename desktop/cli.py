"""The command line: the same core as the window, headless. ``nianbao`` with no command opens the window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop import __version__
from desktop.commands import COMMANDS


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nianbao",
        description="年报助手：编写、校验和导出政府信息公开工作年度报告。不带命令时打开窗口。",
    )
    parser.add_argument("--version", action="version", version=f"年报助手 {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="命令")
    for command in COMMANDS:
        command.register(sub)
    return parser


def _utf8_console() -> None:
    """Chinese output must not crash a Windows console with a legacy code page."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(encoding="utf-8", errors="replace")
            except (ValueError, OSError):
                pass


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_console()
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not args_list or (len(args_list) == 1 and Path(args_list[0]).is_file()):
        return _open_window(args_list)
    args = parser.parse_args(args_list)
    if args.command is None:
        return _open_window([])
    try:
        return int(args.run(args))
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


def _open_window(files: list[str]) -> int:
    try:
        from desktop.ui.app import run
    except ImportError as error:
        print(f"无法启动窗口：{error}", file=sys.stderr)
        return 3
    return run(files)
