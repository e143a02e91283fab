"""Every file the app writes goes through here: a temporary file in the target's folder, flushed to disk,
then renamed over the target. A full disk or a power cut leaves the earlier file as it was."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

STALE_AFTER_S = 600  # no save of a report takes this long: an older temporary was left by a crash
MAX_STALE_REMOVED = 10_000


def write_atomically(path: str | os.PathLike[str], data: bytes, *, mode_of: Path | None = None) -> None:
    """Replace ``path`` with ``data``. The new file gets the mode of ``mode_of`` (default: the file it
    replaces) or, for a new file, what the system gives new files. OSError propagates; the target is then
    untouched and no temporary file is left."""
    path = Path(path)
    remove_stale_temporaries(path)
    _replace(path, lambda out: out.write(data), mode_of or path)


def copy_atomically(src: Path, dst: Path) -> None:
    """A copy that is either whole or absent, with the source's mode (for ``FILE.bak``)."""
    def copy(out: BinaryIO) -> None:
        with open(src, "rb") as source:
            shutil.copyfileobj(source, out)

    _replace(dst, copy, src)


def _replace(path: Path, write: Callable[[BinaryIO], object], mode_of: Path) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        _ordinary_mode(fd, mode_of)
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        raise
    fsync_folder(folder)


def remove_stale_temporaries(path: Path, now: float | None = None) -> int:
    """Temporary files of earlier writes of this very file that a crash or a power cut left behind.
    Recent ones may belong to a save still running in another window and are left alone."""
    now = time.time() if now is None else now
    removed = 0
    try:
        candidates = list(path.parent.glob(f".{glob_escape(path.name)}.*.tmp"))[:MAX_STALE_REMOVED]
    except OSError:
        return 0
    for candidate in candidates:
        try:
            if now - candidate.stat().st_mtime > STALE_AFTER_S:
                candidate.unlink()
                removed += 1
        except OSError:
            continue
    return removed


def glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


def _ordinary_mode(fd: int, like: Path) -> None:
    """mkstemp makes a file private to its owner; the written file instead gets the mode of the file it
    replaces, or what the system gives new files, so that colleagues can open it as they could before."""
    if not hasattr(os, "fchmod"):
        return  # Windows: access follows the folder
    try:
        mode = stat.S_IMODE(like.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.fchmod(fd, mode | stat.S_IWUSR)  # the owner can always write it again


def fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
