"""Starting the window: the application object, the bundled UI font, recovery after a crash."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from desktop import __version__
from desktop.resources import MissingResource, resources_dir
from desktop.ui import error_funnel
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import APPLICATION, ORGANIZATION

UI_POINT_SIZE = 10
STYLE = """
QLabel#startTitle { font-size: 26pt; font-weight: bold; }
QLabel#sectionHeading { font-size: 13pt; font-weight: bold; }
QLabel#partHeading { font-weight: bold; margin-top: 6px; }
QLabel#hint { color: #555; }
QLabel#error { color: #b3261e; }
QTableView { gridline-color: #777; }
"""


def ui_font_file() -> Path | None:
    """A bundled CJK font: a bare Linux machine has none, and Qt would draw boxes. None where the build
    leaves it out (Windows, whose own UI font has Chinese)."""
    from desktop.io.fonts import UI_FONT_ROLE, bundled_font, ships_substitute

    if not ships_substitute(UI_FONT_ROLE):
        return None
    try:
        return bundled_font(UI_FONT_ROLE).path
    except (OSError, ValueError, MissingResource):
        return None


def install_ui_font(app: QApplication) -> str | None:
    path = ui_font_file()
    if path is None or not path.is_file():
        font = app.font()  # the system's own family, at the size the layouts are made for
        font.setPointSize(UI_POINT_SIZE)
        app.setFont(font)
        return None
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return None
    font = QFont(families[0], UI_POINT_SIZE)
    app.setFont(font)
    return families[0]


def install_qt_translations(app: QApplication) -> None:
    """Qt's own texts in Chinese (保存, 取消, the file and print dialogs), whatever the system's language:
    the app speaks only Chinese. The file ships in the bundle (packaging/nianbao.spec, QT_TRANSLATIONS)."""
    if app.findChild(QTranslator, "qtbase_zh_CN") is not None:
        return
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))  # file types, paper names
    translator = QTranslator(app)
    translator.setObjectName("qtbase_zh_CN")
    if translator.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)


def utf8_locale_for_qt() -> None:
    """Qt needs a UTF-8 locale on Linux and warns on every start without one. A fresh system or a service
    may have no LANG at all; Python's own locale coercion does not run inside the frozen program."""
    if sys.platform == "win32":
        return
    import locale

    try:
        locale.setlocale(locale.LC_CTYPE, "")
    except locale.Error:
        pass
    if locale.nl_langinfo(locale.CODESET).replace("-", "").upper() != "UTF8":
        os.environ["LC_CTYPE"] = "C.UTF-8"
        os.environ.pop("LC_ALL", None)


def make_app(argv: list[str] | None = None) -> QApplication:
    utf8_locale_for_qt()
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationDisplayName("年报助手")
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "nianbao.png")))
    install_qt_translations(app)
    install_ui_font(app)
    app.setStyleSheet(STYLE)
    return app


def offer_recovery(window: MainWindow) -> bool:
    """After a crash, offer the autosaved edits back. True when one was restored."""
    from desktop.ui.recovery import RecoveryUnavailable, claim, discard_recovery, pending_recoveries

    try:
        pending = pending_recoveries()
    except RecoveryUnavailable as error:
        window.status(str(error))
        return False
    for item in pending:
        lock = claim(item)
        if lock is None:
            continue  # another start of the app is asking about these edits right now
        name = str(item.original) if item.original else item.report.title
        try:
            restore = window.host.ask_yes_no(
                window.tr("恢复未保存的修改"),
                window.tr("上次退出时“%1”有未保存的修改，是否恢复？").replace("%1", name),
            )
            if restore:
                window.files.restore(item.report, item.original)
            discard_recovery(item)
        finally:
            lock.unlock()
        if restore:
            return True
    return False


def run(files: list[str]) -> int:
    app = make_app()
    error_funnel.configure_logging()
    error_funnel.install()
    window = MainWindow()
    window.show()
    if not offer_recovery(window) and files:
        window.files.open_any(Path(files[0]))
    if os.environ.get("NIANBAO_SMOKE_TEST") == "1":
        return smoke_test(app, window)
    return app.exec()


def smoke_test(app: QApplication, window: MainWindow) -> int:
    """For the test of the frozen build: the window is up with the report open; say so and close."""
    app.processEvents()
    ok = window.isVisible() and window.document is not None
    print(f"NIANBAO_SMOKE_TEST {'ok' if ok else 'failed'}: {window.windowTitle()}", flush=True)
    printed = os.environ.get("NIANBAO_SMOKE_PRINT")  # a PDF file to print the report to, through Qt
    if ok and printed and window.document is not None:
        from desktop.ui.print_pages import print_to_pdf_file

        pages = print_to_pdf_file(window.document.report, Path(printed))
        print(f"NIANBAO_SMOKE_PRINT {pages} pages", flush=True)
    QTimer.singleShot(0, window.close)
    app.exec()
    return 0 if ok else 1
