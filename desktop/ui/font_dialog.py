"""设置 → 导出字体: which font each role uses, and a way to choose another."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.io.fonts import FontRole, UnsupportedFontError, load_font
from desktop.ui.export_fonts import export_fonts, font_description
from desktop.ui.file_dialog import chosen_path, file_dialog
from desktop.ui.settings import Settings


class FontDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("导出字体"))
        self.grid = QGridLayout()
        self.labels: dict[FontRole, QLabel] = {}
        for row, role in enumerate(FontRole):
            self.grid.addWidget(QLabel(role.display_name), row, 0)
            label = QLabel()
            self.labels[role] = label
            self.grid.addWidget(label, row, 1)
            choose = QPushButton(self.tr("选择…"))
            choose.clicked.connect(lambda _=False, role=role: self.choose(role))
            reset = QPushButton(self.tr("恢复默认"))
            reset.clicked.connect(lambda _=False, role=role: self.set_choice(role, ""))
            self.grid.addWidget(choose, row, 2)
            self.grid.addWidget(reset, row, 3)
        note = QLabel(self.tr("优先使用本机安装的公文字体（如仿宋_GB2312、方正小标宋简体），找不到时使用内置字体。"
                              "导出的PDF嵌入所用字体。"))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(self.grid)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        for role, face in export_fonts(self.settings).items():
            self.labels[role].setText(font_description(face))
            self.labels[role].setToolTip(str(face.path))

    def choose(self, role: FontRole) -> None:
        dialog = file_dialog(self, self.tr("选择字体"), self.settings.last_folder,
                             self.tr("TrueType 字体 (*.ttf *.ttc)"))
        path = chosen_path(dialog) if self.run_dialog(dialog) else ""
        if path and self.set_choice(role, path):
            self.settings.remember_folder_of(path)

    def run_dialog(self, dialog: QDialog) -> bool:
        """The file dialog opens here (tests answer it instead)."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def set_choice(self, role: FontRole, path: str) -> bool:
        if path:
            try:
                load_font(Path(path))
            except UnsupportedFontError as error:
                QMessageBox.warning(self, self.tr("无法使用该字体"), str(error))
                return False
        self.settings.set_font_override(role.value, path)
        self.refresh()
        return True
