"""Regular expressions compiled in an earlier run, kept in the user's cache folder.

Every process compiles the patterns of the program and of the libraries it loads (pydantic, reportlab)
again: Python parses each one and turns it into the engine's code, a list of numbers. That is about 15 ms
of an export command and of the window's start, and the list depends only on the pattern, its flags and
the Python that made it. So while the modules load (desktop/loading.py), what ``re`` compiles is looked
up in a table stored by an earlier run, and only the last step of ``re.compile``, the engine's own
``_sre.compile``, is done; ``leading`` (desktop/core/leading.py) keeps its hinted patterns in the same
table under keys of its own. When loading ends, a table that gained entries is written back.

The file is named for Python's version and the engine's magic number, so another Python never reads it,
and it carries a CRC of its content: a damaged file is ignored and rewritten. The engine refuses code it
cannot run, and such an entry is compiled again. Like the parsed fonts beside it, the table is written
only by the program, in the user's own folder. Where Python lacks the internals this relies on
(``re._compiler``, ``_sre.compile``), patterns are compiled as usual.
"""

from __future__ import annotations

import logging
import marshal
import re
import sys
import zlib
from array import array
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from desktop.cache_folder import cache_root

log = logging.getLogger(__name__)

T = TypeVar("T")
P = TypeVar("P")

FORMAT = 2
MAX_ENTRIES = 4000  # beyond this (patterns of older versions), the table starts again from this run's
_CHECKSUM = 4  # bytes of CRC-32 before the table
_WORD = "I"  # the engine's code words are 32 bits (SRE_CODE); array's "I" is on every platform Qt runs on

try:
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]

    _original_compile: Callable[..., Any] | None = _compiler.compile
    _MAGIC = _sre.MAGIC
    if array(_WORD).itemsize != 4:
        raise ImportError("no 32-bit array type")
except (ImportError, AttributeError):  # another Python: nothing is cached
    _sre = _compiler = _parser = None  # type: ignore[assignment]
    _original_compile = None
    _MAGIC = None


class _Table:
    """The stored patterns by key, and the shapes of those that change from run to run.

    A pattern joined from a set (reportlab's list of unsafe names, the tokenizer's string prefixes) comes
    in another order in every process, as Python seeds its string hashes anew. Stored, each order would be
    one more entry and one more write per run; so a pattern with the characters, length and flags of a
    stored one in another order marks that shape as varying, and a varying shape is compiled and never
    stored."""

    def __init__(self, entries: dict[Any, Any], varying: set[Any]) -> None:
        self.entries = entries
        self.varying = varying
        self.used: dict[Any, Any] = {}  # in this process
        self.changed = False  # since the table was last written
        self._shapes: dict[Any, Any] | None = None  # shape → key, worked out at the first miss

    def get(self, key: Any) -> Any:
        return self.entries.get(key)

    def note_used(self, key: Any, value: Any) -> None:
        self.used[key] = value

    def add(self, key: Any, value: Any) -> None:
        shape = _shape(key)
        if shape in self.varying:
            return
        if self._shapes is None:
            self._shapes = {_shape(stored): stored for stored in self.entries}
        other = self._shapes.get(shape)
        if other is not None and other != key:
            self.varying.add(shape)
            self.entries.pop(other, None)
            del self._shapes[shape]
        else:
            self.entries[key] = self.used[key] = value
            self._shapes[shape] = key
        self.changed = True

    def payload(self) -> dict[str, Any]:
        entries = self.entries if len(self.entries) <= MAX_ENTRIES else self.used
        return {"entries": entries, "varying": self.varying}


def _shape(key: Any) -> Any:
    kind, pattern, flags = key
    ordered = "".join(sorted(pattern)).encode("utf-8", "surrogatepass") if isinstance(pattern, str) \
        else bytes(sorted(pattern))
    return kind, isinstance(pattern, str), flags, len(pattern), zlib.crc32(ordered)


_table: _Table | None = None  # read once per process
_active = False
_path: Path | None = None


def table_file(folder: Path | None = None) -> Path:
    tag = repr((FORMAT, sys.version, sys.implementation.cache_tag, _MAGIC)).encode()
    return (folder or cache_root()) / f"patterns-{zlib.crc32(tag):08x}.table"


def activate(folder: Path | None = None) -> None:
    """Serve ``re``'s compiling from the table until ``deactivate``. ``folder``: another cache folder (the
    first activation in a process decides)."""
    global _table, _active, _path
    if _active or _original_compile is None:
        return
    if _table is None:
        try:
            _path = table_file(folder)
        except (OSError, RuntimeError, KeyError) as error:  # no home folder to find the cache folder in
            log.info("no cache folder for patterns: %s", error)
            _path = None
        _table = _read(_path) if _path is not None else _Table({}, set())
    _active = True
    _compiler.compile = _compile


def deactivate() -> None:
    """Compile as usual again, and store the table if it changed (best effort)."""
    global _active
    if not _active:
        return
    _compiler.compile = _original_compile
    _active = False
    if _table is not None and _table.changed and _path is not None:
        _write(_path, _table.payload())
        _table.changed = False


def compiled(key: Any, derive: Callable[[], T], build: Callable[[T], P]) -> P:
    """``build(derive())``, with ``derive``'s value (marshal-able) taken from the table while it is active.
    A stored value that ``build`` refuses is derived again."""
    if not _active or _table is None:
        return build(derive())
    value = _table.get(key)
    if value is not None:
        try:
            result = build(value)
        except (RuntimeError, TypeError, ValueError, IndexError, OverflowError) as error:
            log.info("stored pattern %r refused (%s); compiling it", key, error)
        else:
            _table.note_used(key, value)
            return result
    value = derive()
    result = build(value)
    _table.add(key, value)
    return result


def engine_arguments(parsed: Any, flags: int, code: list[int]) -> tuple[Any, ...]:
    """What ``re._compiler.compile`` gives ``_sre.compile`` after the pattern: the code as the engine's
    32-bit words (bytes unmarshal several times faster than a list of numbers)."""
    state = parsed.state
    index_group: list[str | None] = [None] * state.groups
    for name, index in state.groupdict.items():
        index_group[index] = name
    return (int(flags | state.flags), array(_WORD, code).tobytes(), state.groups - 1, dict(state.groupdict),
            tuple(index_group))


def engine_pattern(pattern: str | bytes, arguments: tuple[Any, ...]) -> re.Pattern[Any]:
    flags, code, groups, group_index, index_group = arguments
    return _sre.compile(pattern, flags, array(_WORD, code).tolist(), groups,  # type: ignore[no-any-return]
                        group_index, index_group)


def _compile(pattern: Any, flags: int = 0) -> Any:
    """``re._compiler.compile``, which ``re`` calls for a pattern it has not compiled in this process."""
    if not isinstance(pattern, (str, bytes)) or flags & re.DEBUG:
        return _original_compile(pattern, flags)  # type: ignore[misc]

    def derive() -> tuple[Any, ...]:
        parsed = _parser.parse(pattern, flags)
        return engine_arguments(parsed, flags, _compiler._code(parsed, flags))

    return compiled(("re", pattern, int(flags)), derive, lambda arguments: engine_pattern(pattern, arguments))


def _read(path: Path) -> _Table:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return _Table({}, set())
    except OSError as error:
        log.info("cannot read %s: %s", path, error)
        return _Table({}, set())
    try:
        if zlib.crc32(data[_CHECKSUM:]).to_bytes(_CHECKSUM, "big") != data[:_CHECKSUM]:
            raise ValueError("checksum")
        payload = marshal.loads(data[_CHECKSUM:])
        entries, varying = payload["entries"], payload["varying"]
        if not isinstance(entries, dict) or not isinstance(varying, set):
            raise TypeError("not a table")
    except (EOFError, ValueError, TypeError, KeyError) as error:
        log.info("pattern table %s is unusable (%s); compiling instead", path, error)
        return _Table({}, set())
    return _Table(entries, varying)


def _write(path: Path, table: dict[str, Any]) -> None:
    from desktop.core.atomic_write import write_atomically

    try:
        payload = marshal.dumps(table)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, zlib.crc32(payload).to_bytes(_CHECKSUM, "big") + payload)
    except (OSError, ValueError) as error:
        log.info("cannot store the pattern table in %s: %s", path, error)
