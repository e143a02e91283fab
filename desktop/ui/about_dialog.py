"""帮助 → 关于年报助手: the version, and the fonts that ship with the app with their licences (which the
OFL and the GPL ask to be shown with the fonts)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.io.fonts import bundled_fonts_dir
from desktop.ui.export_fonts import BUNDLED_NAMES
from desktop.ui.screen_fit import resize_within_screen


@dataclass(frozen=True)
class BundledFont:
    name: str  # as the font settings show it
    file: Path
    licence_file: Path

    @property
    def licence(self) -> str:
        """The licence's name, read from its file rather than typed again here."""
        text = self.licence_file.read_text(encoding="utf-8")
        if "SIL Open Font License" in text or "SIL OPEN FONT LICENSE" in text:
            return "SIL Open Font License 1.1"
        if "GNU General Public License" in text:
            return "GNU GPL 3（附字体例外）" if "font exception" in text.lower() else "GNU GPL 3"
        return self.licence_file.name


def bundled_fonts() -> list[BundledFont]:
    folder = bundled_fonts_dir()
    fonts = []
    for file, name in BUNDLED_NAMES.items():
        family = file.split("-")[0]
        licence = next(iter(sorted(folder.glob(f"{family}-*.txt"))), None)
        if licence is not None and (folder / file).is_file():  # the Windows build ships only some
            fonts.append(BundledFont(name, folder / file, licence))
    return fonts


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("关于年报助手"))
        heading = QLabel(self.tr("年报助手 %1").replace("%1", __version__))
        heading.setObjectName("sectionHeading")
        summary = QLabel(self.tr("编写、校验和导出《政府信息公开工作年度报告》。"
                                 "完全离线运行，不收集、不上传任何数据。"))
        summary.setWordWrap(True)
        based_on = QLabel(self.tr("界面基于 Qt %1 与 PySide6 %2（LGPL 3）。").replace("%1", qVersion())
                          .replace("%2", pyside_version))
        self.fonts = bundled_fonts()
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("自带字体")), 0, 0)
        grid.addWidget(QLabel(self.tr("许可证")), 0, 1)
        self.licence_buttons: list[QPushButton] = []
        for row, font in enumerate(self.fonts, start=1):
            grid.addWidget(QLabel(f"{font.name}（{font.file.name}）"), row, 0)
            grid.addWidget(QLabel(font.licence), row, 1)
            button = QPushButton(self.tr("查看许可证"))
            button.clicked.connect(lambda _=False, font=font: self.show_licence(font))
            grid.addWidget(button, row, 2)
            self.licence_buttons.append(button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for label in (heading, summary, based_on):
            layout.addWidget(label)
        layout.addSpacing(8)
        layout.addLayout(grid)
        layout.addWidget(buttons)

    def show_licence(self, font: BundledFont) -> QDialog:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("%1 的许可证").replace("%1", font.name))
        text = QPlainTextEdit(font.licence_file.read_text(encoding="utf-8"))
        text.setReadOnly(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(text)
        layout.addWidget(close)
        resize_within_screen(dialog, 760, 700)
        dialog.show()
        return dialog
