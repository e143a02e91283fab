"""The .deb made from the frozen build: what it installs, where, and that the installed copy runs.

It is unpacked, or installed with dpkg into a folder with its own package database, so the tests never
change the machine.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import __version__
from tests.packaging.conftest import FrozenBuild, clean_environment

pytestmark = [
    pytest.mark.frozen,
    pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("dpkg-deb") is None,
                       reason="needs dpkg-deb on Linux"),
]


@pytest.fixture(scope="module")
def deb(frozen: FrozenBuild) -> Path:
    assert frozen.deb is not None, "packaging/build.py made no .deb"
    return frozen.deb


def dpkg_deb(*args: str) -> str:
    return subprocess.run(["dpkg-deb", *args], check=True, capture_output=True, text=True).stdout


def test_control_fields(deb: Path) -> None:
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True).stdout.strip()
    assert deb.name == f"nianbao_{__version__}_{arch}.deb"
    fields = dict(re.findall(r"^(\S+): (.*)$", dpkg_deb("-f", str(deb)), re.M))
    assert fields["Package"] == "nianbao"
    assert fields["Version"] == __version__
    assert fields["Architecture"] == arch
    depends = [d.strip() for d in fields["Depends"].split(",")]
    assert re.fullmatch(r"libc6 \(>= 2\.\d+\)", depends[0])
    assert {"libfontconfig1", "libx11-6", "libxcb1"} <= {d.split(" ")[0] for d in depends}


def test_contents_and_layout(deb: Path) -> None:
    listing = dpkg_deb("-c", str(deb)).splitlines()
    paths = {line.split()[5].removeprefix(".") for line in listing}
    assert {"/usr/lib/nianbao/nianbao", "/usr/share/applications/nianbao.desktop",
            "/usr/share/icons/hicolor/256x256/apps/nianbao.png", "/usr/share/mime/packages/nianbao.xml"} <= paths
    assert any(re.search(r"\./usr/bin/nianbao -> /usr/lib/nianbao/nianbao$", line) for line in listing)
    assert all(line.split()[1] == "root/root" for line in listing)
    top = {p for p in paths if p.rstrip("/") and not p.startswith(("/usr/lib/nianbao", "/usr/bin/", "/usr/share/"))}
    assert top <= {"/", "/usr/", "/usr/lib/"}, top


def test_menu_entry(deb: Path, tmp_path: Path) -> None:
    dpkg_deb("-x", str(deb), str(tmp_path))
    entry = (tmp_path / "usr/share/applications/nianbao.desktop").read_text(encoding="utf-8")
    assert re.search(r"^Name=年报助手$", entry, re.M)
    assert re.search(r"^Exec=nianbao %f$", entry, re.M)
    assert re.search(r"^Icon=nianbao$", entry, re.M)
    assert "MimeType=application/x-nianbao;" in entry


def test_unpacked_package_runs(deb: Path, tmp_path: Path) -> None:
    dpkg_deb("-x", str(deb), str(tmp_path / "root"))
    result = subprocess.run(
        [str(tmp_path / "root/usr/lib/nianbao/nianbao"), "--version"], env=clean_environment(tmp_path / "home"),
        capture_output=True, text=True, encoding="utf-8", timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"年报助手 {__version__}"


def dpkg(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """dpkg acting on its own database under `root`; the system's packages are not touched.

    The package's dependencies are not in that database, hence --force-depends.
    """
    return subprocess.run(
        ["dpkg", f"--root={root}", "--log=/dev/null", "--force-not-root", "--force-script-chrootless",
         "--force-depends", *args],
        capture_output=True, text=True, encoding="utf-8",
    )


def test_installs_with_dpkg_and_removes_cleanly(deb: Path, tmp_path: Path) -> None:
    root = tmp_path / "root"
    admin = root / "var/lib/dpkg"
    for folder in ("info", "updates", "triggers"):
        (admin / folder).mkdir(parents=True)
    (admin / "status").touch()
    (admin / "available").touch()
    (root / "opt").mkdir()  # an empty /opt, as a fresh system has; it must survive the removal
    for other in ("usr/lib/x86_64-linux-gnu/libother.so", "usr/share/applications/other.desktop"):
        (root / other).parent.mkdir(parents=True, exist_ok=True)
        (root / other).touch()  # another package's files beside ours
    before = sorted(str(p.relative_to(root)) for p in root.rglob("*") if not p.is_relative_to(admin))

    installed = dpkg(root, "-i", str(deb))
    assert installed.returncode == 0, installed.stderr
    assert "Status: install ok installed" in dpkg(root, "-s", "nianbao").stdout
    assert (root / "usr/bin/nianbao").readlink() == Path("/usr/lib/nianbao/nianbao")
    result = subprocess.run(
        [str(root / "usr/lib/nianbao/nianbao"), "--version"], env=clean_environment(tmp_path / "home"),
        capture_output=True, text=True, encoding="utf-8", timeout=60,
    )
    assert result.stdout.strip() == f"年报助手 {__version__}"

    removed = dpkg(root, "-r", "nianbao")
    assert removed.returncode == 0, removed.stderr
    left = sorted(str(p.relative_to(root)) for p in root.rglob("*") if not p.is_relative_to(admin))
    assert left == before, "dpkg -r must remove exactly what the package added"
    assert dpkg(root, "-s", "nianbao").returncode != 0
