"""Autosave under continuous typing, recovery files left in odd states, and an unreadable folder."""

from __future__ import annotations

import json
import os

import pytest

from desktop.core import storage
from desktop.ui.app import offer_recovery
from desktop.ui.main_window import MainWindow
from desktop.ui.recovery import MAX_UNSAVED_S, Autosaver, RecoveryUnavailable, pending_recoveries, recovery_dir
from tests.fixtures.reports import seed


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_continuous_typing_is_saved_within_the_bound(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.files.open_sample()
    document = window.document
    assert document is not None and window.autosaver is not None
    window.autosaver.discard()
    clock = FakeClock()
    autosaver = Autosaver(document, clock=clock)
    typed = ""
    saved_at_keystroke: int | None = None
    for keystroke in range(100):  # 20 s of typing, one character every 0.2 s, never pausing 2 s
        typed += "字"
        document.set_text("text.s5", typed)
        clock.now += 0.2
        qtbot.wait(1)  # the event loop turns between keystrokes, as it does for a typing clerk
        if autosaver.file.exists() and saved_at_keystroke is None:
            saved_at_keystroke = keystroke
    assert saved_at_keystroke is not None, "nothing was saved during 20 s of typing"
    assert saved_at_keystroke * 0.2 <= MAX_UNSAVED_S + 0.2
    qtbot.waitUntil(lambda: len(storage.load(autosaver.file).text["text.s5"]) >= len(typed) - MAX_UNSAVED_S / 0.2,
                    timeout=3000)
    autosaver.discard()


def test_a_recovery_file_without_its_side_file_is_still_offered(window: MainWindow) -> None:
    folder = recovery_dir()
    folder.mkdir(parents=True, exist_ok=True)
    report = seed()
    report.text["text.s5"] = "停电前写的"
    storage.save(report, folder / "abc.nianbao", keep_backup=False)
    (folder / "empty.json").write_text("", encoding="utf-8")
    storage.save(report, folder / "empty.nianbao", keep_backup=False)
    (folder / "broken.nianbao").write_text('{"format": "nianbao-re', encoding="utf-8")
    (folder / "broken.json").write_text(json.dumps({"original": None}), encoding="utf-8")
    items = pending_recoveries()
    assert sorted(i.file.name for i in items) == ["abc.nianbao", "empty.nianbao"]
    assert all(i.original is None and i.report.text["text.s5"] == "停电前写的" for i in items)
    assert not (folder / "broken.nianbao").exists() and not (folder / "broken.json").exists()
    window.host.ask_yes_no = lambda title, text: True  # type: ignore[method-assign]
    assert offer_recovery(window)
    assert window.document is not None and window.document.report.text["text.s5"] == "停电前写的"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads every folder")
def test_an_unreadable_recovery_folder_starts_with_a_message(window: MainWindow) -> None:
    folder = recovery_dir()
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0)
    try:
        with pytest.raises(RecoveryUnavailable, match="无法读取自动保存文件夹"):
            pending_recoveries()
        assert not offer_recovery(window)
        assert "无法读取自动保存文件夹" in window.statusBar().currentMessage()
    finally:
        folder.chmod(0o755)


def test_two_starts_at_once_do_not_offer_the_same_edits_twice(window: MainWindow, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from desktop.ui.recovery import claim
    from desktop.ui.settings import Settings

    folder = recovery_dir()
    folder.mkdir(parents=True, exist_ok=True)
    storage.save(seed(), folder / "abc.nianbao", keep_backup=False)
    (item,) = pending_recoveries()
    held = claim(item)  # the first start is asking the clerk right now
    assert held is not None
    second = MainWindow(Settings(QSettings(str(tmp_path / "b.ini"), QSettings.Format.IniFormat)))
    qtbot.addWidget(second)
    asked: list[str] = []
    second.host.ask_yes_no = lambda title, text: asked.append(text) or True  # type: ignore[method-assign]
    assert not offer_recovery(second) and asked == []
    held.unlock()
    assert offer_recovery(second) and len(asked) == 1
    assert second.document is not None
    second.document.undo_stack.setClean()
    second.close()
