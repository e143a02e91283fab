"""WordprocessingML (the XML inside a .docx): its namespace and its ``w:val`` attributes."""

from __future__ import annotations

from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def val(element: Any, path: str, default: str | None = None) -> str | None:
    """The ``w:val`` of the element at ``path``: "" when the element has none (``<w:vMerge/>``), ``default``
    when there is no such element."""
    found = element.find(path)
    if found is None:
        return default
    return found.get(f"{W}val", "")
