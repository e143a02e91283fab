"""Regular expressions that skip ahead to where a match can begin.

Python's engine tries an alternation of words (「予以公开|部分公开|…」) at every position of a text, which
makes a search of a long section cost far more than its few matches. When the engine can tell the characters
a match starts with (a pattern that opens with a word or a class), it jumps from one such character to the
next on its own. For the other patterns, ``leading`` works the class out from the pattern itself, so it
cannot drift from the words, and gives the engine that class as the same hint it would have made itself: the
pattern is compiled as written, with the class in its info block. The matches are the same; the class only
tells where trying is worth it.

The class is read from the pattern's parse tree (``re._parser``, part of every Python 3.11+), and the hint is
placed with the engine's own compiler (``re._compiler``). Where that is not possible, the pattern gets a
look-ahead at the class, ``(?=[予部不…])``, which is slower than the hint but still skips most positions;
where a match may begin anywhere, it is compiled as it is.
"""

from __future__ import annotations

import importlib
import re
import weakref
from types import ModuleType
from typing import Any

from desktop import pattern_cache


def _module(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError:  # a Python without the parser: patterns stay as written
        return None


_parser: ModuleType | None = _module("re._parser")
_ops: Any = _module("re._constants")
_compiler: Any = _module("re._compiler")

_CATEGORIES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_SPACE": r"\s", "CATEGORY_WORD": r"\w"}


class _Anywhere(Exception):
    """A match may begin with any character: there is no class to lead with."""


def _items_first(items: object) -> tuple[set[str], bool]:
    """The class parts a sequence can begin with, and whether it can match nothing at all."""
    parts: set[str] = set()
    for op, argument in items:  # type: ignore[attr-defined]
        first, empty = _item_first(op, argument)
        parts |= first
        if not empty:
            return parts, False
    return parts, True


def _item_first(op: object, argument: object) -> tuple[set[str], bool]:  # noqa: PLR0911 - one case per op
    if op is _ops.LITERAL:
        return {re.escape(chr(argument))}, False  # type: ignore[arg-type]
    if op is _ops.IN:
        return _class_first(argument), False
    if op is _ops.BRANCH:
        parts: set[str] = set()
        empty = False
        for branch in argument[1]:  # type: ignore[index]
            first, branch_empty = _items_first(branch)
            parts |= first
            empty = empty or branch_empty
        return parts, empty
    if op is _ops.SUBPATTERN:
        return _items_first(argument[-1])  # type: ignore[index]
    if op in (_ops.MAX_REPEAT, _ops.MIN_REPEAT, getattr(_ops, "POSSESSIVE_REPEAT", None)):
        low: int = argument[0]  # type: ignore[index]
        first, empty = _items_first(argument[2])  # type: ignore[index]
        return first, empty or low == 0
    if op in (_ops.AT, _ops.ASSERT, _ops.ASSERT_NOT):
        return set(), True  # takes no character; a look-around only ever narrows the matches
    raise _Anywhere


def _class_first(items: object) -> set[str]:
    parts: set[str] = set()
    for op, argument in items:  # type: ignore[attr-defined]
        if op is _ops.LITERAL:
            parts.add(re.escape(chr(argument)))
        elif op is _ops.RANGE:
            low, high = argument
            parts.add(f"{re.escape(chr(low))}-{re.escape(chr(high))}")
        elif op is _ops.CATEGORY and getattr(argument, "name", "") in _CATEGORIES:
            parts.add(_CATEGORIES[argument.name])
        else:  # a negated class or category
            raise _Anywhere
    return parts


_GLOBAL_FLAGS = re.compile(r"^\(\?[aiLmsux]+\)")  # 「(?m)」, which must stay first


def leading_class(pattern: str, flags: int = 0) -> str | None:
    """``[…]`` of the characters a match of ``pattern`` can begin with; None when there is no such class."""
    if _parser is None or _ops is None:
        return None
    try:
        return _first_class(_parser.parse(pattern, flags))
    except (AttributeError, TypeError, ValueError, IndexError):
        return None


def _first_class(parsed: Any) -> str | None:
    if parsed.state.flags & re.IGNORECASE:
        return None
    try:
        first, empty = _items_first(parsed)
    except _Anywhere:
        return None
    return None if empty or not first else f"[{''.join(sorted(first))}]"


def leading(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern)``, told the class of the characters its matches begin with where there is one."""
    try:
        return _compiled(pattern, flags)
    except (AttributeError, TypeError, ValueError, IndexError, RuntimeError):  # another engine's internals
        first = leading_class(pattern, flags)
        return re.compile(pattern, flags) if first is None else looked_ahead(pattern, flags, first)


def looked_ahead(pattern: str, flags: int, first: str) -> re.Pattern[str]:
    """``pattern`` behind a look-ahead at ``first``: where the hint cannot be placed."""
    global_flags = _GLOBAL_FLAGS.match(pattern)
    head = global_flags.group() if global_flags else ""
    return re.compile(f"{head}(?={first})(?:{pattern[len(head):]})", flags)


_HINTED: weakref.WeakSet[re.Pattern[str]] = weakref.WeakSet()


def _compiled(pattern: str, flags: int) -> re.Pattern[str]:
    """What ``re.compile`` makes, with the hint where there is one; while the program loads, from the table
    of an earlier run (desktop/pattern_cache.py)."""
    def build(stored: tuple[bool, tuple[Any, ...]]) -> re.Pattern[str]:
        hinted, arguments = stored
        compiled: re.Pattern[str] = pattern_cache.engine_pattern(pattern, arguments)
        if hinted:
            _HINTED.add(compiled)
        return compiled

    return pattern_cache.compiled(("leading", pattern, int(flags)), lambda: _derived(pattern, flags), build)


def _derived(pattern: str, flags: int) -> tuple[bool, tuple[Any, ...]]:
    """Whether the pattern gets a hint, and the engine's arguments, from one parse: where the engine has no
    first word or class of its own (its info block, ``code[0:code[1] + 1]``, says so in ``code[2]``), the
    hint of the pattern's class goes into the info block."""
    parsed = _parser.parse(pattern, flags)  # type: ignore[union-attr]
    code = _compiler._code(parsed, flags)
    first = None if code[2] else _first_class(parsed)
    if first is not None:
        code = _hint(first, flags, code[3], code[4]) + code[code[1] + 1:]
    return first is not None, pattern_cache.engine_arguments(parsed, flags, code)


def _hint(first: str, flags: int, shortest: int, longest: int) -> list[int]:
    """The info block the engine makes for a pattern opening with the class ``first``, with the widths of
    the pattern itself: the class only tells where trying is worth it."""
    (op, argument), = _parser.parse(first).data  # type: ignore[union-attr]
    items = argument if op is _ops.IN else [(op, argument)]  # 「[中]」 parses as the one character
    charset, has_cased = _compiler._optimize_charset(items)
    if has_cased:
        raise ValueError(first)
    info = [_ops.INFO, 0, _ops.SRE_INFO_CHARSET, shortest, longest]
    _compiler._compile_charset(charset, flags, info)
    info[1] = len(info) - 1
    return info


def _own_prefix(pattern: str, flags: int) -> bool:
    """The engine finds a first word or class of its own."""
    try:
        return bool(_compiler._code(_parser.parse(pattern, flags), flags)[2])  # type: ignore[union-attr]
    except (AttributeError, TypeError, ValueError, IndexError):
        return False


def hinted(compiled: re.Pattern[str]) -> bool:
    """``leading`` placed the class of the first characters in the pattern's info block."""
    return compiled in _HINTED


def skips_ahead(compiled: re.Pattern[str]) -> bool:
    """The engine jumps to where a match of ``compiled`` can begin, by a hint of ``leading`` or its own."""
    return hinted(compiled) or compiled.pattern.startswith("(?=[") or _own_prefix(compiled.pattern, compiled.flags)
