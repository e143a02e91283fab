"""What the program does differently while its modules load, and where loading ends.

Loading builds what lives as long as the program; two costs of building it are avoided:
- the cycle collector is paused, and what loading built is then kept out of its reach
  (desktop/collector.py);
- regular expressions come from the table of an earlier run (desktop/pattern_cache.py).

``cli.main`` begins loading first thing. It is done before the window runs, and for a command once its
module is imported; the export command loads its exporter ``on_demand``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from desktop import collector, pattern_cache


def begin() -> None:
    collector.pause_for_loading()
    pattern_cache.activate()


def done() -> None:
    pattern_cache.deactivate()
    collector.loading_done()


@contextlib.contextmanager
def on_demand() -> Iterator[None]:
    """Modules a command loads while it runs, such as the exporter it picks by the output's extension. Not
    for the window: freezing there would keep the open report's objects from ever being collected."""
    begin()
    try:
        yield
    finally:
        done()
