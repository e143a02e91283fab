"""A report open in one window is locked against a second window or a second copy of the app, which
would otherwise save over each other's work. The lock knows its holder (process, computer), and one left
by a crashed process is stale and taken over. A file changed on disk since it was read is noticed
before it is saved over."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile


def lock_path(report: Path) -> Path:
    return report.with_name(f".~{report.name}.lock")


@dataclass(frozen=True)
class Holder:
    pid: int
    host: str


class ReportLock:
    def __init__(self, report: Path) -> None:
        self._lock = QLockFile(str(lock_path(report)))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, however long it was open

    def acquire(self) -> Holder | None:
        """None when the lock is ours (or cannot be made: a read-only folder); else who holds it."""
        if self._lock.tryLock(0):
            return None
        if self._lock.error() != QLockFile.LockError.LockFailedError:
            return None  # no permission to write the lock: nobody else can lock it either
        info = tuple(self._lock.getLockInfo())  # (pid, host, app), with a leading ok flag in some versions
        pid, host = (info[1], info[2]) if len(info) == 4 else (info[0], info[1])
        return Holder(int(pid or 0), str(host or ""))  # type: ignore[call-overload]

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()


@dataclass(frozen=True)
class DiskStamp:
    """What the file on disk looked like when it was read or last saved."""

    mtime_ns: int
    size: int

    @classmethod
    def of(cls, path: Path) -> DiskStamp | None:
        try:
            info = os.stat(path)
        except OSError:
            return None
        return cls(info.st_mtime_ns, info.st_size)
