"""Subcommands of ``nianbao``. Each module has ``register(subparsers)`` that sets ``run`` on its parser."""

from desktop.commands import check, export, import_report, new, next_year, review, set_values

COMMANDS = [new, set_values, check, next_year, import_report, export, review]
