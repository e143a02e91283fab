"""Autosave to a recovery file shortly after each change, so a crash or a power cut loses at most a
few seconds of typing. The recovery file is an ordinary project file in the app's data folder.

A window holds a lock beside its recovery file for as long as it runs, so a second copy of the app never
offers, or deletes, the edits of a window that is still open. The lock of a process that died is stale
and is taken over.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QStandardPaths, QTimer

from desktop.core import storage
from desktop.core.atomic_write import write_atomically
from desktop.core.file_errors import describe
from desktop.core.report import Report
from desktop.ui.document import ReportDocument

AUTOSAVE_DELAY_MS = 2000
MAX_UNSAVED_S = 4.0  # however continuously the clerk types, a save starts within this (promised: 5 s lost)


def recovery_dir() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".nianbao") / "recovery"


@dataclass(frozen=True)
class Recovered:
    report: Report
    original: Path | None
    saved_at: float
    file: Path


class Autosaver(QObject):
    """Follows one document. Removes its recovery file when the document is saved or closed cleanly."""

    def __init__(self, document: ReportDocument, parent: QObject | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent or document)
        self.document = document
        self._clock = clock
        self._unsaved_since: float | None = None
        self.file = recovery_dir() / f"{_token()}{storage.EXTENSION}"
        self._lock = _lock_for(self.file)
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            self._lock.tryLock(0)
        except OSError:
            pass  # no recovery folder: autosave will fail quietly too, and the window still works
        self._timer = QTimer(self, singleShot=True, interval=AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        document.changed.connect(self._on_changed)
        document.undo_stack.cleanChanged.connect(self._on_clean_changed)

    def _on_changed(self, _keys: tuple[str, ...]) -> None:
        """Save a short pause after the last change, but never later than MAX_UNSAVED_S after the first
        unsaved one: a clerk who types without pausing for a minute must not lose that minute."""
        now = self._clock()
        if self._unsaved_since is None:
            self._unsaved_since = now
        left_ms = int((MAX_UNSAVED_S - (now - self._unsaved_since)) * 1000)
        self._timer.start(max(0, min(self._timer.interval(), left_ms)))

    def save_now(self) -> None:
        self._timer.stop()
        self._unsaved_since = None
        if self.document.undo_stack.isClean():
            return
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            storage.save(self.document.report, self.file, keep_backup=False)
            info = {"original": str(self.document.path) if self.document.path else None, "saved_at": time.time()}
            write_atomically(self._info_file(), json.dumps(info, ensure_ascii=False).encode("utf-8"))
        except (OSError, storage.ProjectFileError):
            pass  # the edits are still in the window; the next change tries again

    def discard(self) -> None:
        self._timer.stop()
        self._unsaved_since = None
        for path in (self.file, self._info_file()):
            path.unlink(missing_ok=True)

    def _on_clean_changed(self, clean: bool) -> None:
        if clean:
            self.discard()

    def _info_file(self) -> Path:
        return self.file.with_suffix(".json")


def _lock_for(file: Path) -> QLockFile:
    lock = QLockFile(str(file.with_suffix(".lock")))
    lock.setStaleLockTime(0)  # stale only when its process is gone, however long a window stays open
    return lock


def _in_use(file: Path) -> bool:
    """Whether a running window still follows this recovery file."""
    lock = _lock_for(file)
    if not lock.tryLock(0):
        return lock.error() == QLockFile.LockError.LockFailedError
    lock.unlock()
    return False


def _token() -> str:
    return hashlib.sha1(f"{time.time_ns()}".encode()).hexdigest()[:12]


class RecoveryUnavailable(Exception):
    """The recovery folder cannot be read; the app starts without offering anything and says so."""


def pending_recoveries() -> list[Recovered]:
    folder = recovery_dir()
    try:
        if not folder.is_dir():
            return []
        locks = list(folder.glob("*.lock"))
        files = sorted(folder.glob(f"*{storage.EXTENSION}"))
    except OSError as error:
        raise RecoveryUnavailable(f"无法读取自动保存文件夹“{folder}”：{describe(error)}") from None
    for lock in locks:  # left by windows that closed or died with nothing to recover
        if not lock.with_suffix(storage.EXTENSION).exists():
            _in_use(lock)
    found: list[Recovered] = []
    for file in files:
        if _in_use(file):
            continue
        try:
            report = storage.load(file)
        except storage.ProjectFileError:
            _remove(file)  # half-written or damaged: nothing in it can be offered
            continue
        original, saved_at = _info(file)
        found.append(Recovered(report, original, saved_at, file))
    return found


def _info(file: Path) -> tuple[Path | None, float]:
    """Where the edits came from and when they were saved. A side file that is missing or empty (a power
    cut between the two writes) still lets the edits be offered, as an unsaved report."""
    try:
        info = json.loads(file.with_suffix(".json").read_text(encoding="utf-8"))
        original = Path(info["original"]) if isinstance(info, dict) and info.get("original") else None
        return original, float(info.get("saved_at", 0)) if isinstance(info, dict) else 0.0
    except (OSError, ValueError, TypeError):
        try:
            return None, file.stat().st_mtime
        except OSError:
            return None, 0.0


def _remove(file: Path) -> None:
    for path in (file, file.with_suffix(".json"), file.with_suffix(".lock")):
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass


def discard_recovery(item: Recovered) -> None:
    item.file.unlink(missing_ok=True)
    item.file.with_suffix(".json").unlink(missing_ok=True)


def claim(item: Recovered) -> QLockFile | None:
    """Hold a recovery file while the clerk is asked about it, so a second start at the same time does
    not offer the same edits again. None when another start holds it."""
    lock = _lock_for(item.file)
    return lock if lock.tryLock(0) else None
