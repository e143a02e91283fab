"""Regular expressions that skip ahead to where a match can begin.

Python's engine tries an alternation of words (「予以公开|部分公开|…」) at every position of a text, which
makes a search of a long section cost far more than its few matches. A pattern that opens with a
look-ahead at the characters its matches can start with, ``(?=[予部不…])``, lets the engine jump from one
such character to the next instead. The matches are the same; ``leading`` works the class out from the
pattern itself, so it cannot drift from the words.

The class is read from the pattern's parse tree (``re._parser``, part of every Python 3.11+). Where that is
not possible, or a match may begin anywhere, the pattern is compiled as it is: slower, never different.
"""

from __future__ import annotations

import importlib
import re
from types import ModuleType
from typing import Any


def _module(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError:  # a Python without the parser: patterns stay as written
        return None


_parser: ModuleType | None = _module("re._parser")
_ops: Any = _module("re._constants")

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
        parsed = _parser.parse(pattern, flags)
        if parsed.state.flags & re.IGNORECASE:
            return None
        first, empty = _items_first(parsed)
    except (_Anywhere, AttributeError, TypeError, ValueError, IndexError):
        return None
    return None if empty or not first else f"[{''.join(sorted(first))}]"


def leading(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern)``, with a look-ahead at the class of its first characters where there is one."""
    first = leading_class(pattern, flags)
    if first is None:
        return re.compile(pattern, flags)
    global_flags = _GLOBAL_FLAGS.match(pattern)
    head = global_flags.group() if global_flags else ""
    return re.compile(f"{head}(?={first})(?:{pattern[len(head):]})", flags)
