"""Builds 年报助手 for offline office PCs: ``python packaging/build.py``.

Makes the PyInstaller folder ``DIST/nianbao`` from ``packaging/nianbao.spec``, then the installer of
the platform: on Linux ``DIST/nianbao_VERSION_ARCH.deb``, on Windows ``DIST/nianbao-VERSION-setup.exe``
when Inno Setup's ``iscc`` is found. Build on the oldest system you target (see README, "Packaging").
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from desktop import __version__  # noqa: E402
from desktop.cli import utf8_console  # noqa: E402

SPEC = HERE / "nianbao.spec"
ISS = HERE / "windows" / "nianbao.iss"


def build_bundle(dist: Path, work: Path) -> Path:
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", str(dist), "--workpath", str(work), str(SPEC),
    ]
    subprocess.run(command, check=True, cwd=ROOT)
    return dist / "nianbao"


def build_installer(bundle: Path, dist: Path) -> Path | None:
    if sys.platform.startswith("linux"):
        if shutil.which("dpkg-deb") is None:
            print("dpkg-deb not found: no .deb made")
            return None
        from deb_package import build_deb

        return build_deb(bundle, dist, __version__)
    if sys.platform == "win32":
        iscc = shutil.which("iscc") or _inno_setup_default()
        if iscc is None:
            print(f"Inno Setup not found: no installer made. Install it, then run: iscc {ISS}")
            return None
        subprocess.run(
            [iscc, f"/DAppVersion={__version__}", f"/DBundleDir={bundle}", f"/O{dist}", str(ISS)], check=True
        )
        return dist / f"nianbao-{__version__}-setup.exe"
    return None


def _inno_setup_default() -> str | None:
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        if base and (Path(base) / "Inno Setup 6" / "ISCC.exe").is_file():
            return str(Path(base) / "Inno Setup 6" / "ISCC.exe")
    return None


def folder_size(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*") if not p.is_dir())


def main(argv: list[str] | None = None) -> int:
    utf8_console()  # 年报助手 in the messages must not stop a piped build on a legacy code page
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    parser.add_argument("--work", type=Path, help="PyInstaller's work folder (default: build/ beside --dist)")
    parser.add_argument("--no-installer", action="store_true", help="only the folder, no .deb or setup.exe")
    args = parser.parse_args(argv)
    dist = args.dist.resolve()
    work = (args.work or dist.parent / "build").resolve()
    start = time.perf_counter()
    bundle = build_bundle(dist, work)
    print(f"{bundle}: {folder_size(bundle) / 1e6:.1f} MB")
    if not args.no_installer:
        installer = build_installer(bundle, dist)
        if installer is not None:
            print(f"{installer}: {installer.stat().st_size / 1e6:.1f} MB")
    print(f"年报助手 {__version__} built in {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
