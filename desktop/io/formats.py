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
# extension → (module, function). A renderer is ``render(report, fonts) -> bytes``, for the window, which
# writes the bytes itself and shows the PDF's pages from the very bytes written.
RENDERERS: dict[str, tuple[str, str]] = {
    ".pdf": ("desktop.io.pdf.export", "render_pdf_bytes"),
    ".docx": ("desktop.io.docx_export", "render_docx_bytes"),
    ".html": ("desktop.io.html_export", "render_html_bytes"),
    ".htm": ("desktop.io.html_export", "render_html_bytes"),
}
EXPORT_NAMES = {".pdf": "PDF", ".docx": "Word", ".html": "网页", ".htm": "网页"}


class UnsupportedFormat(Exception):
    """``str(error)`` is the message for the clerk."""


def exporter_for(path: str | Path) -> Callable[..., Any]:
    return _load(EXPORTERS, path)


def renderer_for(path: str | Path) -> Callable[..., bytes]:
    return _load(RENDERERS, path)


def _load(table: dict[str, tuple[str, str]], path: str | Path) -> Callable[..., Any]:
    suffix = Path(path).suffix.lower()
    if suffix not in table:
        known = "、".join(sorted({s for s in table if s != ".htm"}))
        raise UnsupportedFormat(f"无法导出为“{suffix or '无扩展名'}”格式，可选：{known}")
    module, function = table[suffix]
    try:
        return getattr(importlib.import_module(module), function)  # type: ignore[no-any-return]
    except (ImportError, AttributeError):
        raise UnsupportedFormat(f"本版本暂不支持导出{EXPORT_NAMES[suffix]}格式") from None
