"""The app killed with SIGKILL while the clerk types without a pause: at most 5 s of typing is lost.

A second process runs the real window offscreen and types one character every 0.1 s into section 五 with
key events; this test kills it after several seconds and reads the recovery file it left.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.core import storage

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is a POSIX signal")

TYPIST = r"""
import sys, time
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from desktop.ui.app import make_app
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
from PySide6.QtCore import QSettings

app = make_app()
window = MainWindow(Settings(QSettings(sys.argv[1], QSettings.Format.IniFormat)))
window.show()
window.files.open_sample()
window.editor.tabs.setCurrentIndex(5)
editor = window.editor.section5.editor
editor.setFocus()
editor.moveCursor(editor.textCursor().MoveOperation.End)
start = len(window.document.report.text["text.s5"])
print("start", start, flush=True)
typed = 0

def type_one():
    global typed
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(editor, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, "字"))
    typed += 1
    print("typed", typed, flush=True)

timer = QTimer(interval=100)
timer.timeout.connect(type_one)
timer.start()
app.exec()
"""

TYPING_S = 9.0
PROMISED_LOSS_S = 5.0


def test_at_most_five_seconds_of_typing_are_lost(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(data), XDG_CONFIG_HOME=str(tmp_path / "c"),
               HOME=str(tmp_path))
    typist = subprocess.Popen([sys.executable, "-c", TYPIST, str(tmp_path / "s.ini")], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, encoding="utf-8")
    assert typist.stdout is not None
    first = typist.stdout.readline().split()
    assert first[0] == "start", first
    start_length = int(first[1])
    typed_at: dict[int, float] = {}
    began = None
    try:
        for line in typist.stdout:
            count = int(line.split()[1])
            typed_at[count] = time.monotonic()
            began = began or typed_at[count]
            if typed_at[count] - began >= TYPING_S:
                break
    finally:
        os.kill(typist.pid, signal.SIGKILL)
        typist.wait(timeout=30)
        typist.stdout.close()
    killed_at = time.monotonic()
    recoveries = list(data.rglob("recovery/*.nianbao"))
    assert len(recoveries) == 1, f"no recovery file after {TYPING_S} s of typing"
    recovery = recoveries[0]
    saved = len(storage.load(recovery).text["text.s5"]) - start_length
    assert saved > 0, "nothing of the typing was saved"
    lost_s = killed_at - typed_at[saved]
    assert lost_s <= PROMISED_LOSS_S, f"{max(typed_at) - saved} characters, {lost_s:.1f} s of typing lost"
