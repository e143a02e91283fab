"""reportlab, imported without two costs of its import that this program never needs to pay.

- ``reportlab.platypus.paragraph`` compiles a pattern for breaking long URLs that only its
  ``uriWasteReduce`` option uses, which is off here. Compiling it (a case-insensitive class reaching
  U+FFFF) takes about 20 ms, a fifteenth of an export command; here it is compiled when first matched.
- ``reportlab.lib.utils`` imports ``PIL.Image`` for pictures, which no PDF of this program holds (7 ms,
  with Pillow's EXIF and TIFF tag tables). The module is loaded lazily: it runs the first time one of its
  names is used, by reportlab or anyone else. The bundle relies on this: it leaves out Pillow's C core,
  which that code needs (packaging/nianbao.spec).

Either behaves as it would have once used. Only the first import is affected.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import sys
from typing import Any

PARAGRAPH_MODULE = "reportlab.platypus.paragraph"
PICTURE_MODULE = "PIL.Image"
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


def import_reportlab() -> None:
    """Import reportlab's paragraph module (and with it the rest of platypus) as the module text says."""
    if PARAGRAPH_MODULE in sys.modules:
        return
    _load_lazily(PICTURE_MODULE)
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


def _load_lazily(name: str) -> None:
    """The standard library's lazy loader: the module object is in place, its code runs on first use."""
    if name in sys.modules:
        return
    package, _, attribute = name.rpartition(".")
    parent = importlib.import_module(package)
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        return  # reportlab's own import then fails as it would have
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    setattr(parent, attribute, module)
