"""The open and save dialogs speak Chinese, are big enough to read, and start in the last folder used;
the font settings name fonts as a clerk knows them."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QTreeView,
)

from desktop.core import storage
from desktop.io.fonts import FontRole
from desktop.ui.file_dialog import NATIVE, SIZE
from desktop.ui.font_dialog import FontDialog
from desktop.ui.main_window import MainWindow
from tests.fixtures.reports import SEED_FILE

pytestmark = pytest.mark.skipif(NATIVE, reason="Windows shows Explorer's own dialog")

LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
LONG_NAME = "耳口乡人民政府2023年政府信息公开工作年度报告.nianbao"  # on an 800×600 screen


def wait_for_listing(qtbot, dialog: QFileDialog) -> QTreeView:  # type: ignore[no-untyped-def]
    files = dialog.findChild(QTreeView, "treeView")
    assert files is not None
    qtbot.waitUntil(lambda: files.model().rowCount(files.rootIndex()) > 0, timeout=3000)
    return files


def shown_rows(files: QTreeView) -> list[list[QModelIndex]]:
    model, root = files.model(), files.rootIndex()
    return [[model.index(row, column, root) for column in range(4)] for row in range(model.rowCount(root))]


def assert_reads_in_chinese_and_fits(qtbot, dialog: QFileDialog) -> None:  # type: ignore[no-untyped-def]
    dialog.show()
    files = wait_for_listing(qtbot, dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
    texts += [button.text() or button.toolTip() for button in dialog.findChildren(QAbstractButton)
              if button.isVisible()]
    header = files.model()
    texts += [str(header.headerData(c, Qt.Orientation.Horizontal)) for c in range(4)]
    texts += [str(index.data()) for row in shown_rows(files) for index in row[2:3]]  # 类型: 文件夹, …
    assert "查找范围：" in texts and "文件类型：" in texts, texts
    assert [t for t in texts if LATIN_WORD.search(t.replace("nianbao", ""))] == [], texts
    screen = dialog.screen().availableGeometry()
    assert dialog.width() >= min(SIZE[0], screen.width()) and dialog.height() >= min(SIZE[1], screen.height() - 40)
    for column in range(4):  # the view's own measure of its widest entry, icon and margins included
        assert files.header().sectionSize(column) >= files.sizeHintForColumn(column), header.headerData(
            column, Qt.Orientation.Horizontal)


def test_open_dialog_reads_in_chinese_fits_its_names_and_remembers_the_folder(  # type: ignore[no-untyped-def]
        window: MainWindow, qtbot, tmp_path: Path) -> None:
    first, second = tmp_path / "2023年", tmp_path / "2024年"
    for folder in (first, second):
        (folder / "附件").mkdir(parents=True)
        shutil.copy(SEED_FILE, folder / LONG_NAME)
    window.settings.last_folder = str(first)
    seen: list[str] = []

    def choose(folder: Path):  # type: ignore[no-untyped-def]
        def answer(dialog: QFileDialog) -> bool:
            assert isinstance(dialog, QFileDialog)
            seen.append(Path(dialog.directory().absolutePath()).name)
            assert_reads_in_chinese_and_fits(qtbot, dialog)
            name = dialog.findChild(QLineEdit, "fileNameEdit")
            name.setText(str(folder / LONG_NAME))  # typed or picked: the dialog reads the file name box
            qtbot.mouseClick(dialog.findChild(QDialogButtonBox, "buttonBox").button(
                QDialogButtonBox.StandardButton.Open), Qt.MouseButton.LeftButton)
            assert dialog.result() == QFileDialog.DialogCode.Accepted and not dialog.isVisible()
            return True
        return answer

    window.host.run_dialog = choose(second)  # type: ignore[method-assign]
    window.files.open_dialog()
    assert window.document is not None and window.document.path == second / LONG_NAME
    window.files.close_report()
    window.host.run_dialog = choose(first)  # type: ignore[method-assign]
    window.files.open_dialog()
    assert seen == ["2023年", "2024年"]  # the second dialog starts where the first report was found


def test_save_dialog_is_chinese_and_suggests_the_name_in_the_last_folder(  # type: ignore[no-untyped-def]
        window: MainWindow, qtbot, tmp_path: Path) -> None:
    shutil.copy(SEED_FILE, tmp_path / LONG_NAME)
    window.settings.last_folder = str(tmp_path)
    seen: list[QFileDialog] = []

    def cancel(dialog: QFileDialog) -> bool:
        seen.append(dialog)
        assert_reads_in_chinese_and_fits(qtbot, dialog)
        assert dialog.acceptMode() is QFileDialog.AcceptMode.AcceptSave
        assert dialog.labelText(QFileDialog.DialogLabel.Accept) == "保存(&S)"
        combo = dialog.findChild(QComboBox, "fileTypeCombo")
        assert combo is not None and combo.currentText().startswith("PDF")
        dialog.hide()
        return False

    window.files.open_sample()
    window.host.run_dialog = cancel  # type: ignore[method-assign]
    assert window.exports.export(".pdf") is None
    assert len(seen) == 1 and seen[0].directory().absolutePath() == str(tmp_path)


def test_font_settings_name_fonts_as_a_clerk_knows_them(window: MainWindow, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = FontDialog(window.settings, window)
    qtbot.addWidget(dialog)
    shown = {role: dialog.labels[role].text() for role in FontRole}
    assert all("Nianbao" not in text and "Noto" not in text and "Fandol " not in text for text in shown.values())
    bundled = [text for text in shown.values() if text.endswith("内置字体")]
    assert bundled  # a bare test machine has no office fonts
    known = {"Fandol仿宋", "年报楷体（源自霞鹜文楷）", "思源黑体", "思源宋体", "思源宋体 粗体"}
    assert all(text.split(" — ")[0] in known for text in bundled), bundled


def test_font_file_dialog_is_chinese_and_remembers_its_folder(window: MainWindow, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fonts = tmp_path / "字体"
    fonts.mkdir()
    shutil.copy(Path(__file__).parents[2] / "resources" / "fonts" / "FandolFang-Regular.ttf", fonts / "仿宋.ttf")
    window.settings.last_folder = str(tmp_path)
    dialog = FontDialog(window.settings, window)
    qtbot.addWidget(dialog)

    def choose(files: QFileDialog) -> bool:
        assert files.directory().absolutePath() == str(tmp_path)
        assert_reads_in_chinese_and_fits(qtbot, files)
        files.selectFile(str(fonts / "仿宋.ttf"))
        files.hide()
        return True

    dialog.run_dialog = choose  # type: ignore[method-assign]
    dialog.choose(FontRole.FANGSONG)
    assert window.settings.font_override(FontRole.FANGSONG.value) == str(fonts / "仿宋.ttf")
    assert dialog.labels[FontRole.FANGSONG].text().endswith("自选字体")
    assert window.settings.last_folder == str(fonts)


def test_last_years_report_is_chosen_in_a_dialog_that_then_starts_there(  # type: ignore[no-untyped-def]
        window: MainWindow, qtbot, tmp_path: Path) -> None:
    archive = tmp_path / "档案" / "2022年"
    archive.mkdir(parents=True)
    last = storage.load(SEED_FILE)
    last.meta.year = 2022
    storage.save(last, archive / "耳口乡2022.nianbao")
    window.files.open_sample()
    window.settings.last_folder = str(tmp_path)
    starts: list[str] = []

    def choose(dialog: QFileDialog) -> bool:
        starts.append(dialog.directory().absolutePath())
        dialog.findChild(QLineEdit, "fileNameEdit").setText(str(archive / "耳口乡2022.nianbao"))
        dialog.accept()
        return True

    window.host.run_dialog = choose  # type: ignore[method-assign]
    assert window.files.link_last_year()
    assert window.settings.last_folder == str(archive)
    window.files.link_last_year()
    assert starts == [str(tmp_path), str(archive)]
