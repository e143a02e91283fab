"""Python's cycle collector while the program loads.

Loading builds only objects that live as long as the program: classes, functions, pydantic's schemas,
reportlab's tables, Qt's wrappers. The collector would walk them again every few hundred allocations and
find almost nothing to free: some fifty collections in an export command and as many in the window's
start. So it is paused while the modules load; once they have, what they built is moved out of its reach
(``gc.freeze``) and it runs as usual on what the work creates. An export command takes about 7 % less.
desktop/loading.py says where loading begins and ends.
"""

from __future__ import annotations

import gc

_enabled_before: bool | None = None  # while paused: whether collections ran before the pause


def pause_for_loading() -> None:
    global _enabled_before
    if _enabled_before is None:
        _enabled_before = gc.isenabled()
    gc.disable()


def loading_done() -> None:
    """The modules are loaded: later collections skip what loading built, and collections run again if
    they did before the pause. Without a pause, nothing happens."""
    global _enabled_before
    if _enabled_before is None:
        return
    gc.freeze()
    if _enabled_before:
        gc.enable()
    _enabled_before = None
