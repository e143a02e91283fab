"""Reviewing a folder of received reports: last year's folder first (each report kept as a snapshot),
then every received file on all the cores, with progress and 取消."""

from __future__ import annotations

import datetime as dt
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from desktop.core.review.agencies import Candidate
from desktop.core.review.outcome import ReportReview
from desktop.io.review_pool import ordered_map
from desktop.io.review_read import Unreadable, received_files
from desktop.io.review_worker import Setting, Snapshot, configure, crashed, read_last_year, review_path

MAX_FILES = 20_000  # a county receives some hundreds; a province's thousands
Progress = Callable[[int, int], None]  # (files done, files in all), both phases together


def review_folder(folder: Path, last_year_folder: Path | None = None, *, today: dt.date | None = None,
                  workers: int | None = None, cancel: threading.Event | None = None,
                  progress: Progress | None = None) -> list[ReportReview]:
    """One ReportReview per file of the folder and its subfolders, in name order, each named by its path
    inside the folder. Unreadable: a folder that cannot be listed. Raises
    review_pool.Cancelled once ``cancel`` is set."""
    received = _listed(folder)
    last_files = _listed(last_year_folder) if last_year_folder is not None else []
    total = len(received) + len(last_files)
    done = 0

    def advance() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total)

    with tempfile.TemporaryDirectory(prefix="nianbao-review-") as kept:
        candidates: tuple[Candidate[Snapshot], ...] | None = None
        if last_year_folder is not None:
            tasks = [(str(p), _shown(p, last_year_folder), str(Path(kept) / f"{i}.json"))
                     for i, p in enumerate(last_files)]
            found = []
            for candidate in ordered_map(read_last_year, tasks, workers=workers, cancel=cancel,
                                         on_crash=lambda task: None):
                advance()
                if candidate is not None:
                    found.append(candidate)
            candidates = tuple(found)
        setting = Setting(today or dt.date.today(), candidates)
        reviews = []
        received_tasks = [(str(p), _shown(p, folder)) for p in received]
        for review in ordered_map(review_path, received_tasks, workers=workers, cancel=cancel, initializer=configure,
                                  initargs=(setting,), on_crash=crashed):
            advance()
            reviews.append(review)
    return reviews


def _shown(path: Path, folder: Path) -> str:
    """A file's name in the rows: its path inside the folder (「乡镇\\耳口乡.docx」 on Windows)."""
    return str(path.relative_to(folder))


def _listed(folder: Path) -> list[Path]:
    from desktop.core.file_errors import describe

    if not folder.is_dir():
        raise Unreadable(f"“{folder}”不是文件夹" if folder.exists() else f"找不到文件夹“{folder}”")
    try:
        return received_files(folder, MAX_FILES)
    except OSError as error:
        raise Unreadable(f"无法读取文件夹“{folder.name}”：{describe(error)}") from None
