"""Subcommands of ``nianbao``: each one's name, its line in ``nianbao --help`` and the module that does it.

Only the module of the command being run is imported, so that ``nianbao new`` does not pay for the
checker, nor ``nianbao export`` for the importers or the review's spreadsheets. A command module has
``arguments(parser)``, which adds its arguments (and description) to its own parser, and
``run(args) -> int``; what only some runs need is imported inside ``run``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    module: str


COMMANDS = [
    Command("new", "新建报告", "desktop.commands.new"),
    Command("set", "填写单元格或栏目", "desktop.commands.set_values"),
    Command("check", "校验报告", "desktop.commands.check"),
    Command("next", "以本报告为基础新建下一年度报告", "desktop.commands.next_year"),
    Command("import", "导入已发布的报告", "desktop.commands.import_report"),
    Command("export", "导出PDF、Word或网页", "desktop.commands.export"),
    Command("review", "审核文件夹中收到的全部报告", "desktop.commands.review"),
    Command("register", "从依申请公开登记台账计算表三、表四", "desktop.commands.register"),
]
