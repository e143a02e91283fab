"""One function over many files on all the cores, for ``nianbao review`` and ``nianbao check``.

Results come back in the order of the input, and only a few files are in flight at once, so the memory
used does not grow with the number of files. Where processes cannot be started (a frozen program
that could only spawn itself again: the Windows bundle, and any bundle's window) the files are read one by
one in this process: slower, the same results.
"""

from __future__ import annotations

import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")
IN_FLIGHT_PER_WORKER = 3  # chunks queued per worker, so that none waits while results are collected
MIN_ITEMS_FOR_POOL = 4
MAX_CHUNK = 8  # files handed over at once: fewer round trips, and a 取消 still answered within a few files


class Cancelled(Exception):
    """The clerk pressed 取消; what was read so far is dropped."""


def worker_count() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def threads() -> int:
    """The process's threads, Qt's own included (a fork copies only the calling one)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Threads:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return threading.active_count()


def _context() -> Any:
    """fork for a single-threaded process such as the command line (fast, and the workers start with what
    is already loaded); a process with other threads (the window, whose Qt threads may hold locks) starts
    clean workers through forkserver or spawn, except when frozen: a frozen program would start itself."""
    try:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor  # noqa: F401
    except ImportError:
        return None
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and sys.platform != "darwin" and threads() == 1:
        return multiprocessing.get_context("fork")
    if getattr(sys, "frozen", False):
        return None
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def ordered_map(function: Callable[[T], R], items: Sequence[T], *, workers: int | None = None,
                cancel: threading.Event | None = None, initializer: Callable[..., object] | None = None,
                initargs: tuple[Any, ...] = (), on_crash: Callable[[T], R] | None = None) -> Iterator[R]:
    """``function`` over ``items``, in order. ``function`` and ``initializer`` are module-level (pickled by
    name). An exception of ``function`` is raised here, for that item. Raises Cancelled once ``cancel`` is set.

    A worker process that dies (a library crashing on a hostile file) takes the files in flight with it:
    each of those is then run alone, ``on_crash(item)`` stands for the one that kills its process again,
    and the others go on. Without ``on_crash`` the BrokenProcessPool is raised."""
    count = workers or worker_count()
    context = _context() if count > 1 and len(items) >= MIN_ITEMS_FOR_POOL else None
    if context is None:
        if initializer is not None:
            initializer(*initargs)
        for item in items:
            _stop_if(cancel)
            yield function(item)
        return
    size = max(1, min(MAX_CHUNK, len(items) // (count * IN_FLIGHT_PER_WORKER * 4)))
    chunks = deque(items[i:i + size] for i in range(0, len(items), size))
    pool = Pool(function, context, initializer, initargs)
    while chunks:
        suspects = yield from pool.run(chunks, count, cancel, on_crash is not None)
        for item in suspects:
            _stop_if(cancel)
            yield pool.alone(item, on_crash)  # type: ignore[arg-type]


def _stop_if(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled


class Pool:
    def __init__(self, function: Callable[[T], R], context: Any, initializer: Callable[..., object] | None,
                 initargs: tuple[Any, ...]) -> None:
        self.function, self.context, self.initializer, self.initargs = function, context, initializer, initargs

    def _executor(self, count: int) -> Any:
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(count, mp_context=self.context, initializer=self.initializer,
                                   initargs=self.initargs)

    def run(self, chunks: deque[Sequence[Any]], count: int, cancel: threading.Event | None,
            isolate: bool) -> Generator[Any, None, list[Any]]:
        """Yields results in order until the chunks are done ([] returned) or a process died (the items
        that were in flight returned, the rest left in ``chunks``)."""
        from concurrent.futures.process import BrokenProcessPool

        with self._executor(count) as executor:
            pending: deque[tuple[Sequence[Any], Any]] = deque()
            try:
                while chunks or pending:
                    try:
                        # A process may die while more work is handed over: submit() then raises too.
                        while chunks and len(pending) < count * IN_FLIGHT_PER_WORKER:
                            pending.append((chunks[0], executor.submit(_each, self.function, chunks[0])))
                            chunks.popleft()
                        _stop_if(cancel)
                        results = pending[0][1].result()
                    except BrokenProcessPool:
                        if not isolate:
                            raise
                        return [item for chunk, _ in pending for item in chunk]
                    pending.popleft()
                    for result in results:
                        _stop_if(cancel)
                        yield result
            finally:
                if pending:  # stopped early: an exception, a cancel, a dead process
                    # cancel_futures, not Future.cancel(): a future cancelled by hand stays on the pool's list
                    # of work until a worker asks for more, and Python 3.11.2's (Debian 12's) pool then waits
                    # for it in shutdown() for ever.
                    executor.shutdown(wait=True, cancel_futures=True)
        return []

    def alone(self, item: Any, on_crash: Callable[[Any], Any]) -> Any:
        from concurrent.futures.process import BrokenProcessPool

        with self._executor(1) as executor:
            try:
                return executor.submit(self.function, item).result()
            except BrokenProcessPool:
                return on_crash(item)


def _each(function: Callable[[T], R], chunk: Sequence[T]) -> list[R]:
    return [function(item) for item in chunk]
