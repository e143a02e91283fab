"""Wraps the PyInstaller folder in a .deb for Debian, Ubuntu, UOS and Kylin.

The package installs the folder under /usr/lib/nianbao (not /opt, which no package owns, so dpkg would
remove an empty /opt with it), a ``nianbao`` command on PATH, a menu entry, an
icon and the .nianbao file type. It has no maintainer scripts: dpkg's triggers refresh the menu, icon
and file-type caches, so ``dpkg -r`` leaves nothing behind. ``Depends`` lists the packages of the
system libraries the bundle links against (those the spec leaves out), as found on the build machine,
with the glibc version the bundle needs.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PACKAGE = "nianbao"
INSTALL_DIR = Path("usr") / "lib" / PACKAGE
MAINTAINER = "Nianbao maintainers <maintainers@nianbao.invalid>"
DESCRIPTION = """\
年报助手：政府信息公开工作年度报告的编写、校验与导出
 Writes and checks the annual report on government information disclosure
 (format of 国办公开办函〔2021〕30号) and exports it as PDF, Word and HTML.
 Runs fully offline; fonts are included."""

_ELF_MAGIC = b"\x7fELF"
# How ldconfig -p tags libraries of each machine's own ABI.
_LDCONFIG_ABI = {"x86_64": "x86-64", "aarch64": "AArch64"}  # other machines: the first match


def build_deb(bundle: Path, out_dir: Path, version: str) -> Path:
    arch = _run("dpkg", "--print-architecture").strip()
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{PACKAGE}_{version}_{arch}.deb"
    with tempfile.TemporaryDirectory(prefix="nianbao-deb-") as temporary:
        root = Path(temporary) / "root"
        _stage(bundle, root)
        control = root / "DEBIAN" / "control"
        control.parent.mkdir(mode=0o755)
        control.write_text(_control(root, bundle, version, arch), encoding="utf-8")
        control.chmod(0o644)
        for folder, dirs, _ in os.walk(root):
            for name in dirs:
                Path(folder, name).chmod(0o755)
        root.chmod(0o755)
        subprocess.run(
            ["dpkg-deb", "--build", "--root-owner-group", "-Zxz", str(root), str(target)],
            check=True, stdout=subprocess.DEVNULL,
        )
    return target


# Installed beside the folder: source → path under /usr/share.
SHARED_FILES = {
    HERE / "linux" / "nianbao.desktop": "applications/nianbao.desktop",
    HERE / "linux" / "nianbao-mime.xml": "mime/packages/nianbao.xml",
    ROOT / "resources" / "icons" / "nianbao.png": "icons/hicolor/256x256/apps/nianbao.png",
}


def _stage(bundle: Path, root: Path) -> None:
    shutil.copytree(bundle, root / INSTALL_DIR, symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / PACKAGE).symlink_to(Path("/") / INSTALL_DIR / PACKAGE)
    for source, target in SHARED_FILES.items():
        _copy(source, root / "usr" / "share" / target)


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    target.chmod(0o644)


def _control(root: Path, bundle: Path, version: str, arch: str) -> str:
    installed_kib = sum(p.lstat().st_size for p in root.rglob("*")) // 1024 + 1
    return (
        f"Package: {PACKAGE}\n"
        f"Version: {version}\n"
        f"Architecture: {arch}\n"
        f"Maintainer: {MAINTAINER}\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {', '.join(system_dependencies(bundle))}\n"
        "Section: office\n"
        "Priority: optional\n"
        f"Description: {DESCRIPTION}\n"
    )


def system_dependencies(bundle: Path) -> list[str]:
    """The packages providing the libraries the bundle needs and does not contain."""
    needed: set[str] = set()
    glibc = (0, 0)
    for path in _elf_files(bundle):
        dynamic = _run("objdump", "-p", str(path))
        needed.update(re.findall(r"^\s+NEEDED\s+(\S+)$", dynamic, re.M))
        for version in re.findall(r"\bGLIBC_(\d+)\.(\d+)\b", dynamic):
            glibc = max(glibc, (int(version[0]), int(version[1])))
    provided = {p.name for p in bundle.rglob("*")}
    packages: set[str] = set()
    system = _system_libraries()
    for library in sorted(needed - provided):
        path = system.get(library)
        package = _package_of(path) if path else None
        if package is None:
            raise RuntimeError(f"{library} is needed by the bundle but no installed package provides it")
        packages.add(package)
    packages.discard("libc6")
    return [f"libc6 (>= {glibc[0]}.{glibc[1]})", *sorted(packages)]


def _elf_files(bundle: Path) -> Iterable[Path]:
    for path in sorted(bundle.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as fh:
                if fh.read(4) == _ELF_MAGIC:
                    yield path


def _system_libraries() -> dict[str, str]:
    """soname → path for the machine's own architecture, from the dynamic linker's cache."""
    abi = _LDCONFIG_ABI.get(os.uname().machine, "")
    found: dict[str, str] = {}
    for line in _run("/sbin/ldconfig", "-p").splitlines():
        match = re.match(r"^\s+(\S+) \(([^)]*)\) => (\S+)$", line)
        if match and abi in match.group(2):
            found.setdefault(match.group(1), match.group(3))
    return found


def _package_of(path: str) -> str | None:
    """dpkg may record a library under /lib or /usr/lib, whichever the package shipped."""
    real = os.path.realpath(path)
    candidates = [path, real] + [p[4:] if p.startswith("/usr/") else "/usr" + p for p in (path, real)]
    for candidate in dict.fromkeys(candidates):
        result = subprocess.run(["dpkg-query", "-S", candidate], capture_output=True, text=True)
        if result.returncode == 0:
            return result.stdout.split(":")[0].split(",")[0].strip()
    return None


def _run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout
