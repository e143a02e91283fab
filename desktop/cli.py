"""The command line: the same core as the window, headless. ``nianbao`` with no command opens the window."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import types
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from desktop import __version__, loading, process_exit
from desktop.commands import COMMANDS


def build_parser(args: Sequence[str] = ()) -> argparse.ArgumentParser:
    """Every command is listed, but only the one named in ``args`` is imported and given its arguments
    (all of them when ``args`` is empty)."""
    parser = argparse.ArgumentParser(
        prog="nianbao",
        description="年报助手：编写、校验和导出政府信息公开工作年度报告。不带命令时打开窗口。",
    )
    parser.add_argument("--version", action="version", version=f"年报助手 {__version__}", help="显示版本号并退出")
    sub = parser.add_subparsers(dest="command", metavar="命令")
    named = next((arg for arg in args if not arg.startswith("-")), None)
    for command in COMMANDS:
        command_parser = sub.add_parser(command.name, help=command.help)
        if named in (None, command.name):
            module = importlib.import_module(command.module)
            module.arguments(command_parser)
            command_parser.set_defaults(run=module.run)
    return parser


def utf8_console() -> None:
    """Chinese output must not crash a Windows console, or a pipe, with a legacy code page (also used by
    packaging/build.py)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(encoding="utf-8", errors="replace")
            except (ValueError, OSError):
                pass


# argparse's own words, for a command line that otherwise speaks Chinese.
_ARGPARSE_TEXT = {
    "usage: ": "用法：",
    "positional arguments": "参数",
    "options": "选项",
    "optional arguments": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的命令：%(value)r（可用：%(choices)s）",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "expected one argument": "需要一个值",
    "invalid %(type)s value: %(value)r": "无效的值：%(value)r",
}


def _chinese_argparse() -> None:
    """argparse looks its words up through the module's ``_`` at the time it prints them."""
    argparse._ = lambda text: _ARGPARSE_TEXT.get(text, text)  # type: ignore[attr-defined]


def without_pydantic_plugins() -> None:
    """pydantic looks for plugins when the first model class is built: it imports importlib.metadata and
    reads every installed package's metadata, about 20 ms of each start. The program uses no plugin, so
    before any model is built its plugin loader is one that finds none; child processes, which do not
    start here, are told to skip the search (PYDANTIC_DISABLE_PLUGINS)."""
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if "pydantic.plugin._loader" not in sys.modules:
        loader = types.ModuleType("pydantic.plugin._loader")
        loader.get_plugins = lambda: ()  # type: ignore[attr-defined]
        sys.modules["pydantic.plugin._loader"] = loader


def main(argv: Sequence[str] | None = None) -> int:
    """The window, or the command named in ``argv``; the code to exit with."""
    return _run(argv)[0]


def entry() -> NoReturn:
    """The installed program: the console script, ``python -m desktop`` and the frozen launcher. After a
    command, the process ends without tearing the interpreter down (desktop/process_exit.py)."""
    code, window = _run(None)
    if window:
        raise SystemExit(code)
    process_exit.leave(code)


def _run(argv: Sequence[str] | None) -> tuple[int, bool]:
    """The exit code, and whether it was the window's."""
    loading.begin()
    try:
        return _main(argv)
    finally:
        loading.done()


def _main(argv: Sequence[str] | None) -> tuple[int, bool]:
    without_pydantic_plugins()
    utf8_console()
    _chinese_argparse()
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (len(args_list) == 1 and Path(args_list[0]).is_file()):
        return _open_window(args_list), True
    if len(args_list) == 1 and _looks_like_a_file(args_list[0]):
        print(f"错误：找不到文件“{args_list[0]}”", file=sys.stderr)
        return 2, False
    args = build_parser(args_list).parse_args(args_list)
    if args.command is None:
        return _open_window([]), True
    loading.done()  # the command's module is loaded; what it loads while it runs is its work
    try:
        return int(args.run(args)), False
    except BrokenPipeError:
        return 0, False
    except KeyboardInterrupt:
        return 130, False


def _looks_like_a_file(arg: str) -> bool:
    """``nianbao 报告.nianbao`` with a mistyped name: say the file is missing, not that the command is."""
    shaped_like_a_path = Path(arg).suffix != "" or "/" in arg or "\\" in arg
    return shaped_like_a_path and not arg.startswith("-") and arg not in {command.name for command in COMMANDS}


# PySide6 reads the source of every module imported after it (looking for its __feature__ switch), so the
# window's largest Qt-free parts are imported first: the start is shorter and holds 5 MB less.
_CORE_BEFORE_QT = ("desktop.core.storage", "desktop.core.checks")


def _open_window(files: list[str]) -> int:
    if sys.platform.startswith("linux") and not any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    ):
        print("没有找到图形桌面，无法打开窗口。请在桌面中打开年报助手；在终端中可以使用命令，见 nianbao --help",
              file=sys.stderr)
        return 3
    for module in _CORE_BEFORE_QT:
        importlib.import_module(module)
    try:
        from desktop.ui.app import run
    except ImportError as error:
        print(f"无法启动窗口：{error}", file=sys.stderr)
        return 3
    loading.done()
    return run(files)
