"""Running Windows programs of the build and of the tests under Wine, from Linux.

Shared by ``packaging/windows/build_wine.py`` (the build prefix) and ``tests/packaging/test_windows.py``
(a fresh prefix per test run). What Wine 8 needs beyond Debian's packages, and why, is in
docs/windows.md; every workaround here stays inside the Wine prefix and never reaches the bundle.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath

HERE = Path(__file__).resolve().parent
STUBS = HERE / "stubs"

# The Debian packages the build and the tests use (.ci/windows.sh installs them).
TOOLS = {
    "wine": "wine wine64 wine32:i386",
    "wineserver": "wine",
    "x86_64-w64-mingw32-gcc": "gcc-mingw-w64-x86-64-win32",
    "Xvfb": "xvfb",
}


def missing_tools(names: Sequence[str] = tuple(TOOLS)) -> list[str]:
    return [name for name in names if shutil.which(name) is None]


def build_stubs(out: Path) -> list[Path]:
    """Stand-ins for DLLs Wine 8 lacks (stubs/*.c, each with its .def), built with mingw-w64."""
    out.mkdir(parents=True, exist_ok=True)
    built = []
    for source in sorted(STUBS.glob("*.c")):
        dll = out / f"{source.stem}.dll"
        definitions = source.with_suffix(".def")
        if not dll.exists() or dll.stat().st_mtime < max(source.stat().st_mtime, definitions.stat().st_mtime):
            subprocess.run(
                ["x86_64-w64-mingw32-gcc", "-O2", "-shared", "-s", "-o", str(dll), str(source), str(definitions),
                 "-ladvapi32"],
                check=True,
            )
        built.append(dll)
    return built


@dataclass
class Wine:
    """One Wine prefix (a Windows 10 x64 installation in a folder) and how to run programs in it."""

    prefix: Path
    home: Path
    locale: str = "C.UTF-8"
    extra_env: dict[str, str] = field(default_factory=dict)

    @property
    def drive_c(self) -> Path:
        return self.prefix / "drive_c"

    def env(self, extra: Mapping[str, str] | None = None) -> dict[str, str]:
        env = {
            "PATH": os.environ.get("PATH", os.defpath),
            "HOME": str(self.home),
            "USER": os.environ.get("USER", "root"),
            "WINEPREFIX": str(self.prefix),
            "WINEARCH": "win64",
            "WINEDEBUG": "-all",
            # No .NET or Internet Explorer engine: nothing here uses them, and Wine would offer to download them.
            "WINEDLLOVERRIDES": "mscoree,mshtml=",
            # Wine picks the Windows code page from the Unix locale: zh_CN.UTF-8 gives ACP 936 (GBK).
            "LANG": self.locale,
            "LC_ALL": self.locale,
        }
        if "DISPLAY" in os.environ:
            env["DISPLAY"] = os.environ["DISPLAY"]
        env.update(self.extra_env)
        env.update(extra or {})
        return env

    def run(
        self, program: str | Path, *args: str, cwd: Path | None = None, env: Mapping[str, str] | None = None,
        timeout: float = 600, check: bool = False,
    ) -> subprocess.CompletedProcess[str]:
        """Runs a Windows program; its output is decoded as UTF-8 (the app's CLI writes UTF-8).

        Standard input, output and error are pipes: Python in Wine dies at start when one of them
        is a plain file ("init_sys_streams ... Invalid handle").
        """
        result = subprocess.run(
            ["wine", str(program), *args], cwd=cwd or self.home, env=self.env(env), input="",
            capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=timeout,
        )
        if check and result.returncode != 0:
            raise subprocess.CalledProcessError(result.returncode, result.args, result.stdout, result.stderr)
        return result

    def stream(self, program: str | Path, *args: str, cwd: Path | None = None) -> None:
        """Runs a Windows program, printing its output as it comes; raises when it fails."""
        with subprocess.Popen(
            ["wine", str(program), *args], cwd=cwd or self.home, env=self.env(), stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8", errors="replace",
        ) as process:
            assert process.stdin is not None and process.stdout is not None
            process.stdin.close()
            for line in process.stdout:
                print(line, end="", flush=True)
        if process.returncode != 0:
            raise subprocess.CalledProcessError(process.returncode, process.args)

    def create(self, stubs: Sequence[Path] = ()) -> None:
        """A new prefix that says it is Windows 10 (Wine 8's default is Windows 7), with the stand-in DLLs."""
        self.home.mkdir(parents=True, exist_ok=True)
        self.prefix.parent.mkdir(parents=True, exist_ok=True)
        # Wine marks Unix dot files hidden, and Inno Setup leaves hidden files out of setup.exe
        # (python-docx's templates/…/_rels/.rels); Windows does not hide them, so neither does the prefix.
        show_dot_files = ["wine", "reg", "add", r"HKCU\Software\Wine", "/v", "ShowDotFiles", "/d", "Y", "/f"]
        for command in (["wineboot", "--init"], ["winecfg", "/v", "win10"], show_dot_files):
            subprocess.run(command, env=self.env(), input="", capture_output=True, check=True, timeout=300)
        self.wait()
        system32 = self.drive_c / "windows" / "system32"
        for dll in stubs:
            shutil.copy(dll, system32 / dll.name)

    def wait(self) -> None:
        """Waits until every program of this prefix has ended (an uninstaller goes on after its parent)."""
        subprocess.run(["wineserver", "--wait"], env=self.env(), check=False, timeout=600)

    def stop(self) -> None:
        """Ends this prefix's programs and its wineserver (only this prefix's)."""
        subprocess.run(["wineserver", "--kill"], env=self.env(), check=False, timeout=60)

    def user_folder(self) -> Path:
        """C:\\users\\NAME of the prefix's one user."""
        users = [p for p in (self.drive_c / "users").iterdir() if p.is_dir() and p.name.lower() != "public"]
        assert len(users) == 1, users
        return users[0]

    def windows_path(self, path: Path) -> str:
        """The path as a Windows program sees it: C:\\… inside the prefix, Z:\\… (the Unix root) elsewhere."""
        path = path.resolve()
        try:
            relative = path.relative_to(self.drive_c.resolve())
            return str(PureWindowsPath("C:\\", *relative.parts))
        except ValueError:
            return str(PureWindowsPath("Z:\\", *PurePosixPath(path).parts[1:]))
