"""Quick checks of the packaging files that need no build."""

from __future__ import annotations

import ast
import configparser
import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

from tests.fixtures.reports import REPO

PACKAGING = REPO / "packaging"


def spec_list(name: str) -> list[str]:
    tree = ast.parse((PACKAGING / "nianbao.spec").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == name for t in node.targets):
            return list(ast.literal_eval(node.value))
    raise AssertionError(f"{name} not found in nianbao.spec")


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_spec_lists_every_resource_file() -> None:
    resources = REPO / "resources"
    on_disk = sorted(p.relative_to(resources).as_posix() for p in resources.rglob("*") if p.is_file())
    assert sorted(spec_list("RESOURCES")) == on_disk


def test_every_bundled_font_ships_with_its_licence() -> None:
    listed = spec_list("RESOURCES")
    for font in (f for f in listed if f.endswith(".ttf")):
        family = Path(font).stem.split("-")[0]
        assert any(re.fullmatch(rf"fonts/{family}-(LICENSE|OFL)\.txt", f) for f in listed), font


@pytest.mark.parametrize(
    ("dest", "expected"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", ("platforms", "xcb")),
        ("PySide6/plugins/platforms/qwindows.dll", ("platforms", "windows")),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
         ("platforminputcontexts", "ibusplatforminputcontextplugin")),
        ("PySide6/plugins/styles/qmodernwindowsstyle.dll", ("styles", "modernwindowsstyle")),
        ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", ("iconengines", "svgicon")),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", ("printsupport", "cupsprintersupport")),
        ("PySide6/plugins/printsupport/windowsprintersupport.dll", ("printsupport", "windowsprintersupport")),
    ],
)
def test_plugin_names_match_on_linux_and_windows(dest: str, expected: tuple[str, str]) -> None:
    slimming = load("slimming")
    assert slimming.is_qt_plugin(dest)
    assert slimming.plugin_name(dest) == expected


def test_printing_and_qts_chinese_texts_stay_in_the_bundle() -> None:
    """打印 needs QtPrintSupport and a print plugin per platform; the file and print dialogs need Qt's
    Chinese translation. A slimmer bundle must not drop them."""
    assert "PrintSupport" in spec_list("QT_LIBRARIES")
    assert "PySide6.QtPrintSupport" not in spec_list("EXCLUDED_MODULES")
    tree = ast.parse((PACKAGING / "nianbao.spec").read_text(encoding="utf-8"))
    plugins = next(ast.literal_eval(node.value) for node in tree.body if isinstance(node, ast.Assign)
                   and getattr(node.targets[0], "id", None) == "QT_PLUGINS")
    assert plugins["printsupport"] == {"cupsprintersupport", "windowsprintersupport"}
    assert spec_list("QT_TRANSLATIONS") == ["qtbase_zh_CN.qm"]


def test_the_review_s_worker_processes_stay_in_the_bundle() -> None:
    """Without multiprocessing the frozen review and nianbao check read one file at a time
    (desktop/io/review_pool.py falls back to that quietly)."""
    excluded = spec_list("EXCLUDED_MODULES")
    assert "multiprocessing" not in excluded and "concurrent" not in excluded


def test_the_runtime_hooks_left_out_serve_nothing_the_bundle_does(monkeypatch: pytest.MonkeyPatch) -> None:
    """pyi_rth_pkgutil serves pkgutil.iter_modules and walk_packages, which no bundled module calls;
    pyi_rth_multiprocessing serves a frozen program that spawns itself, which the review pool never lets
    happen (it forks, or reads the files in the process)."""
    assert set(spec_list("UNUSED_RUNTIME_HOOKS")) == {"pyi_rth_pyside6", "pyi_rth_multiprocessing", "pyi_rth_pkgutil"}
    import docx
    import openpyxl
    import pydantic
    import pypdfium2
    import reportlab

    import desktop

    folders = [Path(module.__file__).parent for module in (desktop, docx, openpyxl, pydantic, pypdfium2, reportlab)]
    listing = [path for folder in folders for path in folder.rglob("*.py")
               if re.search(r"\b(iter_modules|walk_packages)\(", path.read_text(encoding="utf-8", errors="replace"))]
    assert listing == []
    from desktop.io import review_pool

    monkeypatch.setattr("sys.frozen", True, raising=False)
    monkeypatch.setattr(review_pool, "threads", lambda: 4)  # the window: no fork, and frozen: no spawn
    assert review_pool._context() is None
    monkeypatch.setattr(review_pool, "threads", lambda: 1)
    context = review_pool._context()
    assert context is None or context.get_start_method() == "fork"


def test_menu_entry_is_a_valid_desktop_file() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(PACKAGING / "linux" / "nianbao.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Name"] == "年报助手"
    assert section["Exec"] == "nianbao %f"
    assert section["Icon"] == "nianbao"
    assert (REPO / "resources" / "icons" / "nianbao.png").is_file()


def test_windows_installer_points_at_existing_files() -> None:
    script = (PACKAGING / "windows" / "nianbao.iss").read_text(encoding="utf-8")
    icon = re.search(r"^SetupIconFile=(.+)$", script, re.M)
    assert icon is not None
    assert (PACKAGING / "windows" / icon.group(1).replace("\\", "/")).resolve().is_file()
    assert "{#AppVersion}" in script
    assert re.search(r'Filename: "\{app\}\\nianbao\.exe"', script)
