"""Where the tests find the Windows build: ``$NIANBAO_WINDOWS_DIST``, else ``dist/`` of the checkout.

When the variable is set the build is expected (CI sets it), and a missing piece is a failure; without
it the Windows tests skip unless ``dist/`` holds a Windows build.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VARIABLE = "NIANBAO_WINDOWS_DIST"


def windows_dist() -> tuple[Path, bool]:
    """The dist folder, and whether the Windows build is required to be there."""
    given = os.environ.get(VARIABLE)
    return (Path(given).resolve(), True) if given else (ROOT / "dist", False)


def setup_exe(dist: Path) -> Path | None:
    return next(iter(sorted(dist.glob("nianbao-*-setup.exe"))), None)
