"""Where shipped files live: in a source checkout, in a frozen (PyInstaller) bundle, or in an installed
copy (``pip install .`` puts them under the environment's ``share/nianbao/resources``)."""

from __future__ import annotations

import site
import sys
import sysconfig
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent / "resources"
_INSTALLED = Path("share") / "nianbao" / "resources"


class MissingResource(Exception):
    """A file that ships with the app is not where it should be: the installation is incomplete."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"缺少年报助手自带的文件“{path}”，安装不完整。请重新安装年报助手")
        self.path = path


def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    if _CHECKOUT.is_dir():
        return _CHECKOUT
    for base in _install_bases():
        if (base / _INSTALLED).is_dir():
            return base / _INSTALLED
    return _CHECKOUT


def _install_bases() -> list[Path]:
    bases = [Path(sysconfig.get_path("data")), Path(sys.prefix)]
    user_base = site.getuserbase()
    if user_base:
        bases.append(Path(user_base))
    return bases


def resource(*parts: str) -> Path:
    """A shipped file; MissingResource names it when it is not there."""
    path = resources_dir().joinpath(*parts)
    if not path.is_file():
        raise MissingResource(path)
    return path


def sample_report() -> Path:
    return resources_dir() / "samples" / "erkou-2023.nianbao"
