"""Every unexpected error ends here: written to a log file in the user's data folder and shown in one
Chinese dialog that offers to copy the details. Refusals of bad input never come here; they are typed
errors shown where they happen. The windowed Windows program has no console, so without this funnel a
bug would vanish."""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import __version__

log = logging.getLogger("nianbao")
LOG_NAME = "nianbao.log"


def log_folder() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)) / "logs"


def configure_logging(folder: Path | None = None) -> Path | None:
    """A rotating log of at most 3 × 1 MB. None when the folder cannot be written: the app still runs."""
    folder = folder or log_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(folder / LOG_NAME, maxBytes=1_000_000, backupCount=2,
                                                       encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    log.info("年报助手 %s started", __version__)
    return folder / LOG_NAME


def details(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> str:
    return f"年报助手 {__version__}\n" + "".join(traceback.format_exception(kind, error, tb))


def report_unexpected(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    text = details(kind, error, tb)
    log.error("unexpected error\n%s", text)
    if QApplication.instance() is None:
        print(text, file=sys.stderr)
        return
    box = QMessageBox(QMessageBox.Icon.Critical, "年报助手出错了",
                      "程序遇到了意外错误。已输入的内容仍在窗口中，请先保存。\n\n"
                      "如需反馈，请复制详情发给技术支持；详情也已写入日志文件：\n" + str(log_folder() / LOG_NAME))
    box.setDetailedText(text)
    copy = box.addButton("复制详情", QMessageBox.ButtonRole.ActionRole)
    box.addButton("关闭", QMessageBox.ButtonRole.AcceptRole)
    box.exec()
    if box.clickedButton() is copy:
        QGuiApplication.clipboard().setText(text)


def install() -> None:
    """For the running app only; tests keep pytest's own handling so that a bug fails its test."""
    sys.excepthook = report_unexpected

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            log.error("unexpected error in thread %s\n%s", args.thread,
                      details(args.exc_type, args.exc_value, args.exc_traceback))

    threading.excepthook = thread_hook
