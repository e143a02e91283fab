"""The PyInstaller bundle does everything the app does, offline and from its own folder.

The folder and the .deb are built once per session (about two minutes); skip with ``-m "not frozen"``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop import __version__
from tests.fixtures.reports import PORTAL, REPO, SAMPLES, SEED_FILE
from tests.packaging.conftest import FrozenBuild, clean_environment, run_frozen, virtual_display

pytestmark = pytest.mark.frozen

LINUX = sys.platform.startswith("linux")


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """Inputs copied away from the checkout, so that any read of the checkout is the bundle's own doing."""
    shutil.copy(SAMPLES / "huaian-2024.pdf", tmp_path / "huaian-2024.pdf")
    shutil.copy(SEED_FILE, tmp_path / "erkou.nianbao")
    return tmp_path


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    return result.stdout


def pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def test_version_comes_from_the_package(frozen: FrozenBuild, tmp_path: Path) -> None:
    assert ok(run_frozen(frozen, "--version", cwd=tmp_path)).strip() == f"年报助手 {__version__}"


def test_command_line_imports_a_published_pdf_and_exports_a_pdf(frozen: FrozenBuild, workdir: Path) -> None:
    out = ok(run_frozen(frozen, "import", "huaian-2024.pdf", "-o", "huaian.nianbao", cwd=workdir))
    assert "表三：175个单元格全部导入" in out
    ok(run_frozen(frozen, "export", "huaian.nianbao", "-o", "huaian.pdf", "--force", cwd=workdir))
    text = pdf_text(workdir / "huaian.pdf")
    assert "淮安市人民政府" in text
    assert "2024年政府信息公开工作年度报告" in text
    for printed in ("3119", "1362", "447228", "3985758", "96171.6", "351"):
        assert printed in text
    assert "一、总体情况" in text


def test_command_line_writes_and_reads_word_and_html(frozen: FrozenBuild, workdir: Path) -> None:
    for suffix in ("docx", "html"):
        ok(run_frozen(frozen, "export", "erkou.nianbao", "-o", f"erkou.{suffix}", cwd=workdir))
        out = ok(run_frozen(frozen, "import", f"erkou.{suffix}", "-o", f"from-{suffix}.nianbao", cwd=workdir))
        assert "已导入：耳口乡" in out, out
    assert ok(run_frozen(frozen, "check", "from-docx.nianbao", "from-html.nianbao", cwd=workdir))


def test_command_line_reads_a_traditional_mirror_page(frozen: FrozenBuild, workdir: Path) -> None:
    """The bundle keeps OpenCC's traditional-to-simplified dictionaries (and only those)."""
    mirror = PORTAL / "20_fenghuang-zhen-zhashui-2021-traditional-mirror-PARTIAL.txt"
    shutil.copy(mirror, workdir / "mirror.txt")
    out = ok(run_frozen(frozen, "import", "mirror.txt", "-o", "mirror.nianbao", cwd=workdir))
    assert "原文为繁体字，已全文转换为简体字" in out and "柞水县凤凰镇人民政府" in out, out
    dictionaries = {p.name for p in (frozen.internal / "opencc" / "dictionary").iterdir()}
    assert dictionaries == {"TSPhrases.txt", "TSCharacters.txt"}


def test_command_line_reads_old_word_ofd_and_pages_saved_as_one_file(frozen: FrozenBuild, workdir: Path) -> None:
    """The bundle keeps what these readers need: the mail parser for .mht, the code pages for .doc, the
    XML parser for OFD."""
    corpus = REPO / "tests" / "io" / "corpus"
    for source in (corpus / "word97" / "exported.doc", corpus / "portal-page-ie.mht",
                   corpus / "portal-page-chrome.mhtml"):
        shutil.copy(source, workdir / source.name)
        out = ok(run_frozen(frozen, "import", source.name, "-o", f"{source.stem}.nianbao", cwd=workdir))
        assert "已导入：耳口乡" in out and "表三：175个单元格全部导入" in out, out
    from tests.io.ofd_writer import ofd_from_pdf

    (workdir / "huaian.ofd").write_bytes(ofd_from_pdf((workdir / "huaian-2024.pdf").read_bytes()))
    out = ok(run_frozen(frozen, "import", "huaian.ofd", "-o", "huaian-ofd.nianbao", cwd=workdir))
    assert "已读取OFD文件" in out and "表三：175个单元格全部导入" in out, out


def test_command_line_reviews_a_folder_on_both_cores(frozen: FrozenBuild, workdir: Path) -> None:
    """The county's review from the bundle: openpyxl's workbook, the reports read by worker processes, a
    damaged file in its own row."""
    received = workdir / "received"
    received.mkdir()
    for name in ("huaian-2024.pdf", "erkou.nianbao"):
        shutil.copy(workdir / name, received / name)
    shutil.copy(workdir / "erkou.nianbao", received / "erkou-copy.nianbao")
    (received / "damaged.pdf").write_bytes(b"%PDF-1.4 damaged")
    log = workdir / "trace"
    strace = ("strace", "-f", "-qq", "-e", "trace=clone,clone3,fork,vfork", "-o", str(log)) \
        if LINUX and shutil.which("strace") else ()
    ok(run_frozen(frozen, "review", "received", "-o", "审核汇总.xlsx", "--jobs", "2", cwd=workdir, prefix=strace))
    if strace:  # the workers are forked (without PyInstaller's multiprocessing hook, spawning could not work)
        forks = [c for c in log.read_text(encoding="utf-8").splitlines() if "clone" in c and "CLONE_THREAD" not in c
                 and re.search(r"= \d+$", c)]
        assert len(forks) >= 2, forks
    from openpyxl import load_workbook

    sheet = load_workbook(workdir / "审核汇总.xlsx").worksheets[0]
    rows = [" ".join(str(c) for c in row if c is not None) for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert len([r for r in rows if r.strip()]) == 4, rows
    assert any("淮安市人民政府" in r for r in rows) and any("耳口乡" in r for r in rows), rows


def test_window_opens_a_report_and_quits(frozen: FrozenBuild, workdir: Path) -> None:
    env = clean_environment(workdir / "home", NIANBAO_SMOKE_TEST="1")
    result = run_frozen(frozen, "erkou.nianbao", cwd=workdir, env=env)
    assert ok(result).startswith("NIANBAO_SMOKE_TEST ok: erkou.nianbao"), result.stdout
    assert "Could not load" not in result.stderr and "Cannot load library" not in result.stderr, result.stderr


def test_window_prints_the_report_through_qt(frozen: FrozenBuild, workdir: Path) -> None:
    """QtPrintSupport and its plugins are in the bundle: 打印 sends every page (here into a PDF file)."""
    env = clean_environment(workdir / "home", NIANBAO_SMOKE_TEST="1", NIANBAO_SMOKE_PRINT=str(workdir / "打印.pdf"))
    out = ok(run_frozen(frozen, "erkou.nianbao", cwd=workdir, env=env))
    pages = PdfReader(workdir / "打印.pdf").pages
    assert f"NIANBAO_SMOKE_PRINT {len(pages)} pages" in out and len(pages) >= 3
    assert all(len(page.images) == 1 and abs(float(page.mediabox.width) - 595.3) < 1 for page in pages)


@pytest.mark.skipif(not LINUX, reason="LANG is a Unix variable")
def test_window_starts_quietly_without_lang(frozen: FrozenBuild, workdir: Path) -> None:
    """A fresh system or a service has no LANG at all; Qt must not warn about the locale on every start."""
    env = clean_environment(workdir / "home", NIANBAO_SMOKE_TEST="1")
    del env["LANG"]
    result = run_frozen(frozen, "erkou.nianbao", cwd=workdir, env=env)
    assert ok(result).startswith("NIANBAO_SMOKE_TEST ok: erkou.nianbao"), result.stdout
    assert "locale" not in result.stderr.lower(), result.stderr


@pytest.mark.skipif(not LINUX or shutil.which("Xvfb") is None, reason="needs Xvfb on Linux")
def test_window_opens_on_x11(frozen: FrozenBuild, workdir: Path) -> None:
    """The platform plugin offices use, with the libraries it links to, on a virtual X server."""
    with virtual_display() as display:
        env = clean_environment(workdir / "home", NIANBAO_SMOKE_TEST="1", QT_QPA_PLATFORM="xcb", DISPLAY=display)
        assert ok(run_frozen(frozen, "erkou.nianbao", cwd=workdir, env=env)).startswith("NIANBAO_SMOKE_TEST ok")


def test_bundle_holds_every_shipped_resource(frozen: FrozenBuild) -> None:
    shipped = {p.relative_to(REPO) for p in (REPO / "resources").rglob("*") if p.is_file()}
    for relative in shipped:
        bundled = frozen.internal / relative
        assert bundled.is_file(), f"{relative} is not in the bundle: add it to RESOURCES in packaging/nianbao.spec"
        assert bundled.read_bytes() == (REPO / relative).read_bytes()
    translations = {p.name for p in frozen.internal.rglob("*.qm")}
    assert translations == {"qtbase_zh_CN.qm"}


def test_bundle_leaves_out_what_the_app_does_not_use(frozen: FrozenBuild) -> None:
    names = {p.name for p in frozen.bundle.rglob("*")}
    unwanted = re.compile(
        r"Qt6(Network|OpenGL|Pdf|Qml|Quick|WaylandClient)|libgtk|libgdk|libcairo|libpango|libkrb5|libssl|libcrypto\."
        r"|libstdc\+\+|_ssl\.|_hashlib\.|_tkinter|hypothesis|mypy|qwayland|qeglfs|qtls|qopenssl|qgtk3|opengl32sw"
        r"|^_imaging|^pillow\.libs$",
        re.I,
    )
    assert sorted(n for n in names if unwanted.search(n)) == []
    plugins = sorted(p.relative_to(frozen.internal).as_posix() for p in frozen.internal.rglob("plugins/*/*"))
    kinds = r"/(platforms|platforminputcontexts|imageformats|iconengines|styles|printsupport)/"
    assert plugins and all(re.search(kinds, p)
                           for p in plugins), plugins


@pytest.mark.skipif(not LINUX, reason="ldd is Linux's")
def test_every_library_finds_what_it_links_to(frozen: FrozenBuild) -> None:
    """Including the X11 plugin, which needs a display to start: what it loads is in the bundle or the system."""
    env = {"LD_LIBRARY_PATH": str(frozen.internal), "PATH": "/usr/bin:/bin"}
    missing = {}
    for path in frozen.bundle.rglob("*.so*"):
        if path.is_file() and not path.is_symlink():
            out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env).stdout
            if "not found" in out:
                missing[path.name] = [line.strip() for line in out.splitlines() if "not found" in line]
    assert missing == {}


@pytest.mark.skipif(not LINUX or shutil.which("strace") is None, reason="needs strace on Linux")
def test_stays_offline_and_inside_its_folder(frozen: FrozenBuild, workdir: Path) -> None:
    """A copy of the folder elsewhere works alone: no network, nothing read from Python or the checkout."""
    copy = workdir / "usb-stick" / "nianbao"
    shutil.copytree(frozen.bundle, copy, symlinks=True)
    moved = FrozenBuild(copy.parent)
    log = workdir / "trace"
    strace = ("strace", "-f", "-qq", "-e", "trace=socket,connect,openat,execve", "-o", str(log))
    runs = [
        ("import", "huaian-2024.pdf", "-o", "huaian.nianbao"),
        ("export", "huaian.nianbao", "-o", "huaian.pdf", "--force"),
        ("export", "huaian.nianbao", "-o", "huaian.docx", "--force"),
        ("erkou.nianbao",),
    ]
    calls = []
    for args in runs:
        env = clean_environment(workdir / "home", NIANBAO_SMOKE_TEST="1")
        ok(run_frozen(moved, *args, cwd=workdir, env=env, prefix=strace))
        calls += log.read_text(encoding="utf-8", errors="replace").splitlines()
    assert [c for c in calls if re.search(r"socket\(AF_INET6?\b|connect\(.*AF_INET", c)] == []
    opened = [m.group(1) for c in calls if (m := re.search(r'openat\([^"]*"([^"]+)".*= \d+$', c))]
    python = re.compile(r"/(lib|Lib)/python3|site-packages|dist-packages")
    leaks = [path for path in opened if not path.startswith(str(copy)) and (
        path.startswith((str(REPO), str(frozen.bundle))) or python.search(path))]
    assert leaks == []
    assert [c for c in calls if "execve(" in c and str(copy) not in c] == []


@pytest.mark.skipif(not LINUX or shutil.which("strace") is None, reason="needs strace on Linux")
def test_an_export_from_the_command_line_loads_no_qt(frozen: FrozenBuild, workdir: Path) -> None:
    """PyInstaller's PySide6 hook would load Qt at every start (packaging/runtime_hooks/qt_plugins.py), its
    multiprocessing hook multiprocessing (packaging/nianbao.spec)."""
    log = workdir / "trace"
    strace = ("strace", "-f", "-qq", "-e", "trace=openat", "-o", str(log))
    ok(run_frozen(frozen, "export", "erkou.nianbao", "-o", "erkou.pdf", "--force", cwd=workdir, prefix=strace))
    assert pdf_text(workdir / "erkou.pdf").count("耳口乡") > 3
    opened = [m.group(1) for c in log.read_text(encoding="utf-8", errors="replace").splitlines()
              if (m := re.search(r'openat\([^"]*"([^"]+)".*= \d+$', c))]
    assert [path for path in opened if "Qt6" in path or "shiboken" in path or "_multiprocessing" in path] == []
    assert any(path.endswith("NotoSerifSC-Regular.ttf") for path in opened)  # the trace did see the export
