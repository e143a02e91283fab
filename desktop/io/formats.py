"""Which module reads or writes which kind of file, chosen by extension and imported only when used,
so that starting the app or the command line does not pay for reportlab or python-docx."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

# extension → (module, function). An exporter is ``export(report, path) -> None``.
EXPORTERS: dict[str, tuple[str, str]] = {
    ".pdf": ("desktop.io.pdf.export", "export_pdf"),
    ".docx": ("desktop.io.docx_export", "export_docx"),
    ".html": ("desktop.io.html_export", "export_html"),
    ".htm": ("desktop.io.html_export", "export_html"),
}
EXPORT_NAMES = {".pdf": "PDF", ".docx": "Word", ".html": "网页", ".htm": "网页"}


class UnsupportedFormat(Exception):
    """``str(error)`` is the message for the clerk."""


def exporter_for(path: str | Path) -> Callable[..., Any]:
    suffix = Path(path).suffix.lower()
    if suffix not in EXPORTERS:
        known = "、".join(sorted({s for s in EXPORTERS if s != ".htm"}))
        raise UnsupportedFormat(f"无法导出为“{suffix or '无扩展名'}”格式，可选：{known}")
    module, function = EXPORTERS[suffix]
    try:
        return getattr(importlib.import_module(module), function)  # type: ignore[no-any-return]
    except (ImportError, AttributeError):
        raise UnsupportedFormat(f"本版本暂不支持导出{EXPORT_NAMES[suffix]}格式") from None
