"""The few texts of Qt's own dialogs that its qtbase_zh_CN translation lacks (Qt 6 added accelerators to
some, which changed their source text). Installed when a file or print dialog first opens, not at start."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

MISSING_TRANSLATIONS = {
    ("QAbstractFileIconProvider", "Folder"): "文件夹",
    ("QAbstractFileIconProvider", "File Folder"): "文件夹",
    ("QAbstractFileIconProvider", "Drive"): "驱动器",
    ("QFileSystemModel", "Size"): "大小",  # qtbase_zh_CN says 体积
    ("QPrintSettingsOutput", "Page &Set:"): "打印页面(&S)：",
}


class MissingQtTexts(QTranslator):
    """Asked before qtbase_zh_CN (the translator installed last is asked first); answers only for its
    own texts and passes on every other."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        return MISSING_TRANSLATIONS.get((context, source))  # type: ignore[return-value]  # None: not ours

    def isEmpty(self) -> bool:
        return False


def install_missing_texts() -> None:
    app = QCoreApplication.instance()
    if app is not None and app.findChild(MissingQtTexts) is None:
        QCoreApplication.installTranslator(MissingQtTexts(app))
