"""The Windows installer, installed per user into a fresh Wine prefix, and the installed app at work.

Uses the setup.exe that packaging/windows/build_wine.py made (``dist/`` or ``$NIANBAO_WINDOWS_DIST``);
skips without one, unless $NIANBAO_WINDOWS_DIST is set, which makes a missing build or tool a
failure (.ci/windows.sh sets it). Everything runs under code page 936 from a folder with a Chinese
name, as on an office PC. About three minutes: Wine starts each program in a few seconds.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.fixtures.reports import REPO, SAMPLES
from tests.packaging.conftest import virtual_display

sys.path.insert(0, str(REPO / "packaging" / "windows"))
from windows_dist import VARIABLE, setup_exe, windows_dist  # noqa: E402
from wine import Wine, build_stubs, missing_tools  # noqa: E402

# Each test runs the installed app a few times, a few seconds each under Wine.
pytestmark = [pytest.mark.frozen, pytest.mark.timeout(600)]

APP_FOLDER = ("AppData", "Local", "Programs", "Nianbao")
START_MENU = ("AppData", "Roaming", "Microsoft", "Windows", "Start Menu", "Programs", "年报助手", "年报助手.lnk")
WORK_FOLDER = "年报 工作"  # C:\年报 工作, where the clerk keeps his reports
NEEDED = ["wine", "wineserver", "Xvfb", "x86_64-w64-mingw32-gcc", "pdftotext", "pdffonts"]


def unavailable(reason: str) -> None:
    if windows_dist()[1]:
        pytest.fail(f"${VARIABLE} is set, but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def setup_file() -> Path:
    dist, _ = windows_dist()
    setup = setup_exe(dist)
    if setup is None:
        unavailable(f"no nianbao-*-setup.exe in {dist}: run packaging/windows/build_wine.py")
    missing = missing_tools(NEEDED)
    if missing:
        unavailable(f"missing {', '.join(missing)} (.ci/windows.sh installs them)")
    assert setup is not None
    return setup


@pytest.fixture(scope="module")
def display(setup_file: Path) -> Iterator[str]:
    """Inno Setup's setup.exe needs a display even when silent."""
    with virtual_display() as name:
        yield name


@pytest.fixture(scope="module")
def wine(tmp_path_factory: pytest.TempPathFactory, display: str) -> Iterator[Wine]:
    """A new Windows 10 prefix in the Chinese locale (code page 936), with nothing of the build in it."""
    folder = tmp_path_factory.mktemp("wine")
    prefix = Wine(prefix=folder / "prefix", home=folder / "home", locale="zh_CN.UTF-8",
                  extra_env={"DISPLAY": display, "WINEQT_QPA_PLATFORM": "offscreen"})
    prefix.create(build_stubs(folder / "stubs"))
    yield prefix
    prefix.stop()


@dataclass(frozen=True)
class Installed:
    wine: Wine
    app: Path
    log: str
    work: Path

    def cli(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        result = self.wine.run(self.wine.windows_path(self.app / "nianbao-cli.exe"), *args, cwd=self.work, timeout=180)
        assert "Traceback" not in result.stderr, result.stderr
        if check:
            assert result.returncode == 0, result.stdout + result.stderr
        return result

    def reg_query(self, key: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["wine", "reg", "query", key], env=self.wine.env(), input="", capture_output=True,
                              text=True, encoding="gbk", errors="replace", timeout=60)


@pytest.fixture(scope="module")
def installed(wine: Wine, setup_file: Path) -> Installed:
    """setup.exe /VERYSILENT /CURRENTUSER: the per-user install a clerk without administrator rights gets."""
    log = wine.drive_c / "setup.log"
    result = wine.run(wine.windows_path(setup_file), "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART", "/CURRENTUSER",
                      "/TASKS=desktopicon", f"/LOG={wine.windows_path(log)}")
    wine.wait()
    text = log.read_text(encoding="utf-8-sig", errors="replace") if log.exists() else ""
    assert result.returncode == 0, text[-3000:] + result.stderr
    work = wine.drive_c / WORK_FOLDER
    work.mkdir()
    for sample in ("huaian-2024.pdf", "erkou-2023.txt"):
        shutil.copy(SAMPLES / sample, work / sample)
    return Installed(wine, wine.user_folder().joinpath(*APP_FOLDER), text, work)


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def pdf_fonts(path: Path) -> list[tuple[str, str]]:
    """(font name without the subset tag, embedded yes/no) of each font in the PDF."""
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
    return [(row[0].split("+", 1)[-1], row[-5]) for row in rows]


def test_installs_for_the_user_alone_without_administrator_rights(installed: Installed, setup_file: Path) -> None:
    assert "Administrative install mode: No" in installed.log
    assert "Install mode root key: HKEY_CURRENT_USER" in installed.log
    assert "Installation process succeeded." in installed.log
    bundle = setup_file.parent / "nianbao"
    shipped = {p.relative_to(bundle) for p in bundle.rglob("*") if p.is_file()}
    on_disk = {p.relative_to(installed.app) for p in installed.app.rglob("*") if p.is_file()}
    assert on_disk - shipped == {Path("unins000.exe"), Path("unins000.dat")}
    assert shipped <= on_disk


def test_start_menu_desktop_and_file_type_are_the_users(installed: Installed) -> None:
    user = installed.wine.user_folder()
    assert user.joinpath(*START_MENU).is_file()
    assert (user / "Desktop" / "年报助手.lnk").is_file()
    association = installed.reg_query(r"HKCU\Software\Classes\.nianbao")
    assert "Nianbao.Report" in association.stdout, association.stdout + association.stderr
    command = installed.reg_query(r"HKCU\Software\Classes\Nianbao.Report\shell\open\command")
    assert re.search(r'"C:\\users\\[^\\]+\\AppData\\Local\\Programs\\Nianbao\\nianbao\.exe" "%1"', command.stdout), \
        command.stdout
    assert installed.reg_query(r"HKLM\Software\Classes\.nianbao").returncode != 0


def test_runs_under_code_page_936(installed: Installed) -> None:
    code_page = installed.reg_query(r"HKLM\System\CurrentControlSet\Control\Nls\CodePage")
    assert re.search(r"\bACP\s+REG_SZ\s+936\b", code_page.stdout), \
        f"Wine is not on code page 936: generate the zh_CN.UTF-8 locale (locale-gen)\n{code_page.stdout}"
    assert "\\年报 工作" in installed.wine.windows_path(installed.work)


def test_command_line_new_set_check(installed: Installed) -> None:
    installed.cli("new", "--agency", "耳口乡", "--level", "乡镇", "--year", "2024", "-o", "新报告.nianbao")
    installed.cli("set", "新报告.nianbao", "t4.review.upheld=2", "t4.review.corrected=0", "t4.review.other=0",
                  "t4.review.pending=0", "t4.review.total=3", "meta.date=2025-01-10")
    checked = installed.cli("check", "新报告.nianbao", "--json", check=False)
    assert checked.returncode == 1, checked.stdout + checked.stderr
    result = json.loads(checked.stdout)
    assert result["agency"] == "耳口乡" and result["year"] == 2024
    assert any(f["rule"] == "T4-01" and f["severity"] == "error" for f in result["findings"])


def test_imports_the_huaian_pdf_and_exports_pdf_word_and_html(installed: Installed) -> None:
    out = installed.cli("import", "huaian-2024.pdf", "-o", "淮安.nianbao").stdout
    assert "表三：175个单元格全部导入" in out
    exported = installed.cli("export", "淮安.nianbao", "-o", "淮安.pdf", "--force")
    text = pdf_text(installed.work / "淮安.pdf")
    assert "淮安市人民政府" in text and "2024年政府信息公开工作年度报告" in text and "一、总体情况" in text
    for printed in ("3119", "1362", "447228", "3985758", "96171.6", "351"):
        assert printed in text
    fonts = pdf_fonts(installed.work / "淮安.pdf")
    assert fonts and all(embedded == "yes" for _, embedded in fonts), fonts
    # Wine has no 仿宋, 黑体 or 楷体, which every Chinese Windows has: the bundled fallback stands in, and says so
    assert {name for name, _ in fonts} == {"NotoSerifSC-Regular", "NotoSerifSC-Bold"}, fonts
    notice = "注意：本机没有仿宋、黑体、楷体字体，导出的PDF中这些文字暂用内置的思源宋体"
    assert notice in exported.stderr, exported.stderr
    for suffix in ("docx", "html"):
        installed.cli("export", "淮安.nianbao", "-o", f"淮安.{suffix}", "--force")
        again = installed.cli("import", f"淮安.{suffix}", "-o", f"淮安-{suffix}.nianbao").stdout
        assert "已导入：淮安市人民政府" in again, again
    assert installed.cli("check", "淮安-docx.nianbao", "淮安-html.nianbao").stdout


def test_imports_old_word_ofd_and_a_page_saved_as_one_file(installed: Installed) -> None:
    """What a county's mail holds besides .docx and PDF, read by the Windows bundle: the code pages of .doc,
    the mail parser of .mht, the XML parser of OFD."""
    from tests.io.ofd_writer import ofd_from_pdf

    corpus = REPO / "tests" / "io" / "corpus"
    shutil.copy(corpus / "word97" / "exported.doc", installed.work / "耳口乡.doc")
    shutil.copy(corpus / "portal-page-ie.mht", installed.work / "耳口乡.mht")
    (installed.work / "淮安.ofd").write_bytes(ofd_from_pdf((SAMPLES / "huaian-2024.pdf").read_bytes()))
    for name, agency in (("耳口乡.doc", "耳口乡"), ("耳口乡.mht", "耳口乡"), ("淮安.ofd", "淮安市人民政府")):
        out = installed.cli("import", name, "-o", f"{name}.nianbao", "--force").stdout
        assert f"已导入：{agency}" in out and "表三：175个单元格全部导入" in out, out


def test_imports_the_erkou_text_and_starts_the_next_year(installed: Installed) -> None:
    out = installed.cli("import", "erkou-2023.txt", "-o", "耳口乡2023.nianbao").stdout
    assert "已导入：耳口乡2023年政府信息公开工作年度报告" in out, out
    installed.cli("next", "耳口乡2023.nianbao", "-o", "耳口乡2024.nianbao")
    report = json.loads(installed.cli("check", "耳口乡2024.nianbao", "--json", check=False).stdout)
    assert report["agency"] == "耳口乡" and report["year"] == 2024


def test_window_opens_a_report_and_quits(installed: Installed) -> None:
    installed.cli("import", "erkou-2023.txt", "-o", "窗口.nianbao", "--force")
    result = installed.wine.run(installed.wine.windows_path(installed.app / "nianbao.exe"), "窗口.nianbao",
                                cwd=installed.work, env={"NIANBAO_SMOKE_TEST": "1"}, timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("NIANBAO_SMOKE_TEST ok: 窗口.nianbao"), result.stdout + result.stderr
    assert "Could not load" not in result.stderr and "Cannot load library" not in result.stderr, result.stderr


def office_fangsong(source: Path, target: Path) -> None:
    """A stand-in for the PC's 仿宋_GB2312: the bundled 仿宋 under that family name, installable."""
    from fontTools.ttLib import TTFont

    font = TTFont(source)
    names = font["name"]
    names.removeNames(platformID=1)  # Mac Roman cannot spell 仿宋; Windows reads the Unicode records
    for record in list(names.names):
        if record.nameID in (1, 4, 16):
            names.setName("仿宋_GB2312", record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 6:  # the PostScript name, which pdffonts shows
            names.setName("FangSong_GB2312", record.nameID, record.platformID, record.platEncID, record.langID)
    font["OS/2"].fsType = 0
    font.save(target)


def test_pdf_prefers_the_office_fangsong_in_the_windows_fonts_folder(installed: Installed) -> None:
    font = installed.wine.drive_c / "windows" / "Fonts" / "simfang_gb2312.ttf"
    office_fangsong(REPO / "resources" / "fonts" / "FandolFang-Regular.ttf", font)
    try:
        installed.cli("import", "huaian-2024.pdf", "-o", "字体.nianbao", "--force")
        installed.cli("export", "字体.nianbao", "-o", "字体.pdf", "--force")
    finally:
        font.unlink()
    fonts = pdf_fonts(installed.work / "字体.pdf")
    assert ("FangSong_GB2312", "yes") in fonts, fonts
    assert "淮安市人民政府" in pdf_text(installed.work / "字体.pdf")


def test_the_installer_leaves_out_the_substitutes_windows_has_fonts_for(installed: Installed) -> None:
    shipped = {p.name for p in (installed.app / "_internal" / "resources" / "fonts").iterdir()}
    assert shipped == {"NotoSerifSC-Regular.ttf", "NotoSerifSC-Bold.ttf", "NotoSerifSC-OFL.txt"}


def test_uninstall_removes_every_program_file_and_keeps_the_users_files(installed: Installed) -> None:
    user = installed.wine.user_folder()
    settings_before = installed.reg_query(r"HKCU\Software\Nianbao").returncode == 0
    result = installed.wine.run(installed.wine.windows_path(installed.app / "unins000.exe"),
                                "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART")
    installed.wine.wait()  # the uninstaller runs on from a copy of itself after the first one returns
    assert result.returncode == 0, result.stdout + result.stderr
    left = sorted(str(p.relative_to(installed.app)) for p in installed.app.rglob("*")) if installed.app.exists() else []
    assert left == []
    assert not installed.app.exists()
    assert not user.joinpath(*START_MENU).exists()
    assert not (user / "Desktop" / "年报助手.lnk").exists()
    assert installed.reg_query(r"HKCU\Software\Classes\.nianbao").returncode != 0
    assert installed.reg_query(r"HKCU\Software\Classes\Nianbao.Report").returncode != 0
    # The clerk's reports, and the app's settings in his profile, stay.
    assert (installed.work / "淮安.nianbao").is_file() and (installed.work / "耳口乡2024.nianbao").is_file()
    assert (installed.reg_query(r"HKCU\Software\Nianbao").returncode == 0) == settings_before
