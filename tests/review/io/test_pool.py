"""The pool behind review and check: the order of the input, 取消, and a file that kills its process."""

from __future__ import annotations

import os
import threading

import pytest

from desktop.io.review_pool import Cancelled, ordered_map


def doubled(n: int) -> int:
    return 2 * n


def dies_on_seven(n: int) -> int:
    if n == 7:
        os._exit(3)  # as a library crashing on a hostile file would
    return 2 * n


def fails_on_five(n: int) -> int:
    if n == 5:
        raise ValueError("five")
    return n


@pytest.mark.parametrize("workers", [1, 2])
def test_results_come_in_the_order_given(workers: int) -> None:
    assert list(ordered_map(doubled, list(range(500)), workers=workers)) == [2 * n for n in range(500)]


def test_a_process_that_dies_costs_only_its_own_file() -> None:
    results = list(ordered_map(dies_on_seven, list(range(40)), workers=2, on_crash=lambda n: -n))
    assert results == [-7 if n == 7 else 2 * n for n in range(40)]


def test_a_pool_found_broken_while_work_is_handed_over_keeps_every_file() -> None:
    # A process may die while more files are still being submitted: submit() itself then raises. The run
    # must end as for a death seen in a result, with no file lost from the queue.
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from desktop.io.review_pool import Pool, _context

    class BrokenOnce(Pool):
        def _executor(self, count: int) -> ProcessPoolExecutor:
            executor = ProcessPoolExecutor(1, mp_context=self.context)
            with pytest.raises(BrokenProcessPool):
                executor.submit(os._exit, 3).result()
            return executor

    chunks = deque([[0], [1], [2]])
    pool = BrokenOnce(doubled, _context(), None, ())
    run = pool.run(chunks, 2, None, True)
    with pytest.raises(StopIteration) as stop:
        next(run)
    assert stop.value.value == []
    assert list(chunks) == [[0], [1], [2]]


def test_without_on_crash_the_dead_process_is_raised() -> None:
    from concurrent.futures.process import BrokenProcessPool

    with pytest.raises(BrokenProcessPool):
        list(ordered_map(dies_on_seven, list(range(40)), workers=2))


def test_an_exception_is_raised_for_its_item() -> None:
    seen = []
    with pytest.raises(ValueError, match="five"):
        for result in ordered_map(fails_on_five, list(range(40)), workers=2):
            seen.append(result)
    assert seen == [0, 1, 2, 3, 4]


def test_cancel_is_answered_within_a_few_items() -> None:
    cancel = threading.Event()
    seen = []
    with pytest.raises(Cancelled):
        for result in ordered_map(doubled, list(range(10_000)), workers=2, cancel=cancel):
            seen.append(result)
            if len(seen) == 10:
                cancel.set()
    assert len(seen) == 10
