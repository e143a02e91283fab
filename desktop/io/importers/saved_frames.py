"""A page saved 「网页，全部」 whose article is in a frame: the browser keeps the frame's own page in the
folder beside it (报告_files/saved_resource.html), and the page itself holds only the portal's shell. The
frame showing the most Chinese text, more than the page itself, is the one to read."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

from desktop.io.importers.web_archive import chinese_count, page_text

_FRAME = re.compile(r"""(?is)<i?frame\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_REMOTE = re.compile(r"(?i)^(?:[a-z][a-z0-9+.-]*:|//)")  # http:, about:, javascript:, data:, //host
PAGE_SUFFIXES = (".html", ".htm", ".shtml")
MAX_FRAMES = 30
MAX_FRAME_BYTES = 8 * 1024 * 1024


def framed_article(path: Path, data: bytes) -> tuple[Path, bytes] | None:
    """The saved frame to read instead of the page at ``path``, with its bytes; None where the page
    itself shows more text than any frame saved with it, or has none."""
    text = page_text(data)
    sources = [next(group for group in match.groups() if group is not None) for match in _FRAME.finditer(text)]
    if not sources:
        return None
    best: tuple[int, Path, bytes] | None = None
    own = chinese_count(text)
    for source in sources[:MAX_FRAMES]:
        frame = _saved(path, source)
        if frame is None:
            continue
        frame_data = frame.read_bytes()
        count = chinese_count(page_text(frame_data))
        if count > own and (best is None or count > best[0]):
            best = (count, frame, frame_data)
    return (best[1], best[2]) if best is not None else None


def _saved(page: Path, source: str) -> Path | None:
    """The file a frame's address names beside the page, if the browser saved it there."""
    source = unquote(source.split("#")[0].split("?")[0]).strip()
    if not source or _REMOTE.match(source):
        return None
    frame = page.parent / source
    try:
        if frame.suffix.lower() in PAGE_SUFFIXES and frame.is_file() and frame.stat().st_size <= MAX_FRAME_BYTES:
            return frame
    except (OSError, ValueError):  # a name the file system cannot hold
        return None
    return None
