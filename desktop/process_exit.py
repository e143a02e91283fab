"""How a finished command leaves the process: without freeing, one by one, every object it built.

At a normal exit Python tears the interpreter down: it clears every module and frees what they hold,
pydantic's schemas, reportlab's tables, the font faces' maps of thirty thousand characters. No file and
no message depends on that, and it is about 18 ms of a 0.26 s export. So once a command has returned,
``leave`` runs what a normal exit runs that does matter, the atexit callbacks (logging's flush, the
removal of temporary folders, multiprocessing's clean-up) and the flushing of stdout and stderr, and ends
the process with ``os._exit``.

Where that would not be the same as a normal exit, the process exits as usual: while another thread
still runs (a normal exit waits for it), and on a Python without ``atexit._run_exitfuncs``. The window
never leaves this way: Qt saves settings and removes its locks as its objects are destroyed.

A file object written and left open would lose its buffer; every command closes what it writes (``with``
blocks, ``write_atomically``), and tests/test_process_exit.py runs each writing command this way.
"""

from __future__ import annotations

import atexit
import os
import sys
import threading
from typing import NoReturn

_EXIT_FAILED = 120  # what Python returns when flushing stdout fails at exit


def leave(code: int) -> NoReturn:
    run_callbacks = getattr(atexit, "_run_exitfuncs", None)
    if run_callbacks is None or threading.active_count() > 1:
        raise SystemExit(code)
    run_callbacks()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except BrokenPipeError:  # the reader is gone (nianbao check … | head): nothing more to say
            pass
        except (OSError, ValueError):
            code = code or _EXIT_FAILED
    os._exit(code)
