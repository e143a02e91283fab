"""帮助 → 使用说明: the manual shipped in resources/help, shown in the app; links outside it are not
followed (the app opens no connection)."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from desktop.resources import MissingResource, resources_dir
from desktop.ui.screen_fit import resize_within_screen

HELP_PAGE = "index.html"


def help_folder() -> str:
    folder = resources_dir() / "help"
    if not (folder / HELP_PAGE).is_file():
        raise MissingResource(folder / HELP_PAGE)
    return str(folder)


class HelpDialog(QDialog):
    """Not modal: the clerk can read and type in the report at once."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("使用说明 — 年报助手"))
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setSearchPaths([help_folder()])
        self.browser.setSource(QUrl(HELP_PAGE))
        self.browser.anchorClicked.connect(self._follow)
        self.browser.setOpenLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        resize_within_screen(self, 820, 900)

    def _follow(self, url: QUrl) -> None:
        """Anchors inside the manual only; a web address stays a piece of text."""
        if url.scheme() in ("", "file") and (not url.path() or url.path().endswith(HELP_PAGE)):
            if url.fragment():
                self.browser.scrollToAnchor(url.fragment())
            else:
                self.browser.setSource(QUrl(HELP_PAGE))
