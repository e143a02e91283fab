"""The frozen program's entry point: the same ``main`` as the ``nianbao`` console script."""

from desktop.cli import main

raise SystemExit(main())
