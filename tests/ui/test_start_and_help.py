"""The start page says when to import rather than create, recent files show their folder and date; 编辑
is not empty on the start page; 帮助 holds the manual (offline) and 关于 (version, fonts, licences);
the window uses a large screen."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit

from desktop import __version__
from desktop.ui.about_dialog import AboutDialog
from desktop.ui.help_dialog import HelpDialog
from desktop.ui.main_window import MainWindow
from tests.fixtures.reports import REPO, SEED_FILE


def menu_titles(window: MainWindow) -> dict[str, list[str]]:
    return {action.text(): [a.text() for a in action.menu().actions() if not a.isSeparator()]
            for action in window.menuBar().actions() if action.menu() is not None}


def test_start_page_says_when_to_import_rather_than_create(window: MainWindow) -> None:
    page = window.start_page
    assert "去年的报告已在网站发布？导入后修改" in page.hints["import"].text()
    assert "第一次" in page.hints["new"].text()
    assert all(label.isVisible() and label.text() for label in page.hints.values())
    buttons = [page.buttons[name] for name in ("new", "import", "open", "sample")]
    assert [b.y() for b in buttons] == sorted(b.y() for b in buttons)  # the hint sits beside its button
    for name, button in page.buttons.items():
        hint = page.hints[name]
        assert hint.x() > button.x() + button.width() and abs(hint.geometry().center().y()
                                                            - button.geometry().center().y()) < button.height()


def test_recent_files_show_their_folder_and_the_date_they_were_saved(window: MainWindow, tmp_path: Path) -> None:
    folder = tmp_path / "2023年报"
    folder.mkdir()
    report = folder / "耳口乡.nianbao"
    shutil.copy(SEED_FILE, report)
    saved = datetime(2024, 1, 4, 15, 30).timestamp()
    os.utime(report, (saved, saved))
    window.settings.add_recent(tmp_path / "已删除.nianbao")
    window.settings.add_recent(report)
    window.refresh_recent()
    items = [window.start_page.recent.item(row) for row in range(window.start_page.recent.count())]
    name, where = items[0].data(Qt.ItemDataRole.AccessibleTextRole).split("\n")
    assert name == "耳口乡.nianbao"
    assert where.startswith(str(folder)) and where.endswith("修改于2024年1月4日 15:30")
    assert items[1].data(Qt.ItemDataRole.AccessibleTextRole).endswith("文件已不在原处")
    shown = window.start_page.recent.itemWidget(items[0])
    assert isinstance(shown, QLabel)
    assert "<b>耳口乡.nianbao</b>" in shown.text() and "修改于2024年1月4日" in shown.text()
    opened: list[str] = []
    window.start_page.recent_requested.connect(opened.append)
    window.start_page.recent.itemClicked.emit(items[0])
    assert opened == [str(report)]


def test_edit_menu_on_the_start_page_shows_its_actions_greyed(window: MainWindow) -> None:
    edit = [a for a in window.edit_menu.actions() if not a.isSeparator()]
    assert [a.text() for a in edit] == ["撤销", "重做", "改正全文标点"]
    assert not any(a.isEnabled() for a in edit)
    window.files.open_sample()
    assert any(a.isEnabled() for a in window.edit_menu.actions() if a.text().startswith("改正"))
    window.files.close_report()
    assert not any(a.isEnabled() for a in window.edit_menu.actions() if not a.isSeparator())
    assert len([a for a in window.edit_menu.actions() if not a.isSeparator()]) == 3


def test_help_menu_opens_the_manual_shipped_with_the_app(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert menu_titles(window)["帮助(&H)"] == ["使用说明", "关于年报助手"]
    window.menus.help_action.trigger()
    dialog = window.menus.help
    assert isinstance(dialog, HelpDialog) and dialog.isVisible() and not dialog.isModal()
    text = dialog.browser.toPlainText()
    assert "年报助手 使用说明" in text and "导入已发布的报告" in text and "打开所在文件夹" in text
    assert dialog.browser.source().fileName() == "index.html"
    dialog.browser.anchorClicked.emit(QUrl("#export"))
    assert dialog.browser.verticalScrollBar().value() > 0  # jumped to 六、导出与打印
    dialog.browser.anchorClicked.emit(QUrl("https://www.gov.cn/"))
    assert dialog.browser.source().fileName() == "index.html"  # no page from the network
    window.menus.help_action.trigger()
    assert window.menus.help is dialog
    dialog.close()


def test_the_manual_links_only_inside_itself() -> None:
    page = (REPO / "resources" / "help" / "index.html").read_text(encoding="utf-8")
    assert "http://" not in page and "https://" not in page and "<img" not in page
    anchors = set(re.findall(r'id="([^"]+)"', page))
    assert anchors and set(re.findall(r'href="#([^"]+)"', page)) == anchors


def test_about_lists_the_version_and_every_bundled_font_with_its_licence(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = AboutDialog(window)
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert f"年报助手 {__version__}" in texts
    fonts = REPO / "resources" / "fonts"
    shipped = sorted(p.name for p in fonts.glob("*.ttf"))
    assert sorted(font.file.name for font in dialog.fonts) == shipped
    licences = {font.file.name: font.licence for font in dialog.fonts}
    assert licences["FandolFang-Regular.ttf"] == "GNU GPL 3（附字体例外）"
    ofl = [name for name in shipped if name.startswith(("Noto", "Nianbao"))]
    assert ofl and all(licences[name] == "SIL Open Font License 1.1" for name in ofl)
    for font in dialog.fonts:
        assert f"{font.name}（{font.file.name}）" in texts and font.licence in texts
    assert "年报楷体（源自霞鹜文楷）（NianbaoKai-Regular.ttf）" in texts
    shown = dialog.show_licence(dialog.fonts[0])
    assert shown.findChild(QPlainTextEdit).toPlainText() == dialog.fonts[0].licence_file.read_text(encoding="utf-8")
    shown.close()


LARGE_SCREEN = """
import json, sys
from PySide6.QtCore import QSettings
from desktop.ui.app import make_app
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
app = make_app()
window = MainWindow(Settings(QSettings(sys.argv[1], QSettings.Format.IniFormat)))
window.show()
app.processEvents()
free = window.screen().availableGeometry()
frame = window.frameGeometry()
print(json.dumps({"free": [free.width(), free.height()], "window": [frame.x(), frame.y(), window.width(),
                  window.height()], "recent": window.start_page.recent.width()}))
"""


def test_on_a_large_screen_the_window_uses_the_room(tmp_path: Path) -> None:
    """A 1920×1080 screen, in a process of its own (a screen's size is fixed when Qt starts)."""
    screens = tmp_path / "screens.json"
    screens.write_text(json.dumps({"screens": [{"name": "office", "x": 0, "y": 0, "width": 1920, "height": 1080,
                                                "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screens}", "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", LARGE_SCREEN, str(tmp_path / "s.ini")], cwd=REPO, env=env,
                            capture_output=True, text=True, timeout=60, check=True)
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    assert shown["free"] == [1920, 1080]
    x, y, width, height = shown["window"]
    assert width >= 1700 and height >= 900, shown  # not the 1200×820 of a laptop
    assert abs(x + width / 2 - 960) < 20 and y >= 0  # centred
    assert shown["recent"] > 600  # the start page spreads out with it


def test_on_the_test_screen_the_window_fits(window: MainWindow) -> None:
    free = window.screen().availableGeometry()
    assert window.width() <= free.width() and window.height() <= free.height()
    assert QApplication.primaryScreen() is window.screen()
