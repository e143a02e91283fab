"""One function over many files on all the cores, for ``nianbao review`` and ``nianbao check``.

Results come back in the order of the input, and only a few files are in flight at once, so the memory
used does not grow with the number of files. Where processes cannot be started (the frozen bundle, which
ships without multiprocessing, or a spawned build that cannot re-enter itself) the files are read one by
one in this process: slower, the same results.
"""

from __future__ import annotations

import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
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


def _context() -> Any:
    """fork where the system has it (fast, and needs nothing of the entry point); spawn only when not
    frozen, since a frozen program would start itself again."""
    try:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor  # noqa: F401
    except ImportError:
        return None
    if "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin":
        return multiprocessing.get_context("fork")
    return None if getattr(sys, "frozen", False) else multiprocessing.get_context("spawn")


def ordered_map(function: Callable[[T], R], items: Sequence[T], *, workers: int | None = None,
                cancel: threading.Event | None = None, initializer: Callable[..., object] | None = None,
                initargs: tuple[Any, ...] = ()) -> Iterator[R]:
    """``function`` over ``items``, in order. ``function`` and ``initializer`` are module-level (pickled by
    name). An exception of ``function`` is raised here, for that item. Raises Cancelled once ``cancel`` is set."""
    count = workers or worker_count()
    context = _context() if count > 1 and len(items) >= MIN_ITEMS_FOR_POOL else None
    if context is None:
        if initializer is not None:
            initializer(*initargs)
        for item in items:
            if cancel is not None and cancel.is_set():
                raise Cancelled
            yield function(item)
        return
    from concurrent.futures import ProcessPoolExecutor

    size = max(1, min(MAX_CHUNK, len(items) // (count * IN_FLIGHT_PER_WORKER * 4)))
    chunks = iter([items[i:i + size] for i in range(0, len(items), size)])
    with ProcessPoolExecutor(count, mp_context=context, initializer=initializer, initargs=initargs) as pool:
        pending: deque[Any] = deque()
        try:
            for chunk in chunks:
                pending.append(pool.submit(_each, function, chunk))
                if len(pending) >= count * IN_FLIGHT_PER_WORKER:
                    break
            while pending:
                if cancel is not None and cancel.is_set():
                    raise Cancelled
                results = pending.popleft().result()
                for chunk in chunks:
                    pending.append(pool.submit(_each, function, chunk))
                    break
                for result in results:
                    if cancel is not None and cancel.is_set():
                        raise Cancelled
                    yield result
        finally:
            for future in pending:
                future.cancel()


def _each(function: Callable[[T], R], chunk: Sequence[T]) -> list[R]:
    return [function(item) for item in chunk]
