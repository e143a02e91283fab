"""reportlab.platypus.paragraph compiles, when it is imported, a pattern for breaking long URLs that only
its ``uriWasteReduce`` option uses, which is off here. Compiling it (a case-insensitive class reaching
U+FFFF) takes about 20 ms, a twentieth of an export command; imported through ``import_paragraph_module``
the pattern is compiled only if it is ever matched, and behaves the same then."""

from __future__ import annotations

import importlib
import re
import sys
from typing import Any

PARAGRAPH_MODULE = "reportlab.platypus.paragraph"
# The start of reportlab's uri_pat, which no other pattern it compiles shares.
URI_PATTERN_START = "(^(?:[a-z0-9\\.\\-\\+]*)://)"


class LazyPattern:
    """A compiled pattern made on first use: every attribute (match, search, pattern, ...) is the real
    pattern's."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._source = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self._compiled is None:
            self._compiled = re.compile(*self._source)
        return getattr(self._compiled, name)


def import_paragraph_module() -> None:
    """Import reportlab's paragraph module, with its URL pattern left to be compiled on first use. Only the
    first import is affected; compiling any other pattern meanwhile (from another thread too) is unchanged."""
    if PARAGRAPH_MODULE in sys.modules:
        return
    compile_now = re.compile

    def compile_unless_uri(pattern: Any, flags: int = 0) -> Any:
        if isinstance(pattern, str) and pattern.startswith(URI_PATTERN_START):
            return LazyPattern(pattern, flags)
        return compile_now(pattern, flags)

    re.compile = compile_unless_uri  # type: ignore[assignment]
    try:
        importlib.import_module(PARAGRAPH_MODULE)
    finally:
        re.compile = compile_now
