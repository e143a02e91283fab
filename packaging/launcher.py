"""The frozen program's entry point: the same ``entry`` as the ``nianbao`` console script."""

from desktop.cli import entry

entry()
