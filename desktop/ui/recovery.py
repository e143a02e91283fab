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
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QStandardPaths, QTimer

from desktop.core import storage
from desktop.core.atomic_write import write_atomically
from desktop.core.report import Report
from desktop.ui.document import ReportDocument

AUTOSAVE_DELAY_MS = 2000


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

    def __init__(self, document: ReportDocument, parent: QObject | None = None) -> None:
        super().__init__(parent or document)
        self.document = document
        self.file = recovery_dir() / f"{_token()}{storage.EXTENSION}"
        self._lock = _lock_for(self.file)
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            self._lock.tryLock(0)
        except OSError:
            pass  # no recovery folder: autosave will fail quietly too, and the window still works
        self._timer = QTimer(self, singleShot=True, interval=AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        document.changed.connect(lambda _keys: self._timer.start())
        document.undo_stack.cleanChanged.connect(self._on_clean_changed)

    def save_now(self) -> None:
        self._timer.stop()
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


def pending_recoveries() -> list[Recovered]:
    found: list[Recovered] = []
    folder = recovery_dir()
    if not folder.is_dir():
        return found
    for lock in folder.glob("*.lock"):  # left by windows that closed or died with nothing to recover
        if not lock.with_suffix(storage.EXTENSION).exists():
            _in_use(lock)
    for file in sorted(folder.glob(f"*{storage.EXTENSION}")):
        if _in_use(file):
            continue
        try:
            report = storage.load(file)
            info = json.loads(file.with_suffix(".json").read_text(encoding="utf-8"))
        except (storage.ProjectFileError, OSError, ValueError):
            continue
        original = Path(info["original"]) if info.get("original") else None
        found.append(Recovered(report, original, float(info.get("saved_at", 0)), file))
    return found


def discard_recovery(item: Recovered) -> None:
    item.file.unlink(missing_ok=True)
    item.file.with_suffix(".json").unlink(missing_ok=True)
