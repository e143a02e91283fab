"""Real widgets under qtbot, with settings and recovery files isolated per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths

from desktop.ui.app import make_app
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings


@pytest.fixture(scope="session")
def qapp_cls():  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    return QApplication


@pytest.fixture(autouse=True)
def isolated_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    QStandardPaths.setTestModeEnabled(True)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    (tmp_path / "home").mkdir()
    yield


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot, qapp, settings: Settings) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    make_app()
    win = MainWindow(settings)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=2000)
    yield win
    if win.document is not None:  # closing must not stop at the unsaved-changes question
        win.document.undo_stack.setClean()
    win.close()
    win.deleteLater()
