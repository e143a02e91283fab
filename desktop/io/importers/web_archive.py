"""A page saved as one file (「网页，单个文件（*.mht）」 in IE and 360, 「网页，单个文件」 (.mhtml) in Chrome and
Edge, 「单个文件网页」 in Word and WPS): a MIME message whose parts are the page, its frames, pictures and
styles, each in its own transfer encoding and character set. The report is the page part with the most
Chinese text; a portal that shows the article in a frame keeps it in the second page part, not the first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.io.importers.document import ImportRefused
from desktop.io.importers.limits import check_archive_parts

_HEADERS = re.compile(rb"(?im)^content-type:\s*multipart/related")
# the character sets a Chinese page is written in; a page part labelled otherwise (a server's default of
# iso-8859-1) is read as a file of unknown encoding
_GB = {"gb2312", "gbk", "gb18030"}
_CHINESE = _GB | {"utf-8", "utf-16", "big5", "big5hkscs"}
_UNSHOWN = re.compile(r"(?is)<(script|style)\b.*?</\1\s*>|<[^>]*>")
_HAN = re.compile(r"[\u4e00-\u9fff]")
SUFFIXES = (".mht", ".mhtml")
# a second page part with this much Chinese text is more than a share button or a frame's footer
_SIZEABLE = 200


@dataclass
class Page:
    """A page part: its bytes as sent, the character set its header names ('' where none), how many other
    page parts with text of their own were left out, and whether the file ends inside it (a download or a
    copy that stopped)."""

    data: bytes
    charset: str
    others: int = 0
    cut: bool = False


def is_web_archive(head: bytes, suffix: str) -> bool:
    """Told by the message's headers; the extension alone only where the headers are cut short."""
    return bool(_HEADERS.search(head)) or (suffix in SUFFIXES and b"mime-version" in head.lower())


def page_of(data: bytes, shown: str) -> Page:
    import email
    import email.errors
    import email.policy

    check_archive_parts(data.lower().count(b"content-type:"))
    try:
        message = email.message_from_bytes(data, policy=email.policy.compat32)
        parts = list(message.walk())
    except RecursionError:  # parts nested deeper than any browser writes
        raise ImportRefused(f"{shown}已损坏或格式无法识别，无法导入") from None
    unclosed = any(isinstance(defect, email.errors.CloseBoundaryNotFoundDefect) for defect in message.defects)
    pages = []
    for index, part in enumerate(parts):
        if part.get_content_type() != "text/html":
            continue
        body = part.get_payload(decode=True)
        if isinstance(body, bytes) and body.strip():
            pages.append(Page(body, _charset(part.get_content_charset()), cut=unclosed and index == len(parts) - 1))
    if not pages:
        raise ImportRefused(f"{shown}是网页存档（.mht），但其中没有网页正文，无法导入")
    counts = [chinese_count(page_text(page.data, page.charset)) for page in pages]
    best = max(range(len(pages)), key=lambda index: (counts[index], -index))
    chosen = pages[best]
    chosen.others = sum(1 for index, count in enumerate(counts) if index != best and count >= _SIZEABLE)
    return chosen


def _charset(declared: str | None) -> str:
    """The declared character set as a codec name, GB2312 and GBK read as their superset GB18030; '' for
    none, one this program cannot decode, or one no Chinese page is written in."""
    import codecs

    if not declared:
        return ""
    try:
        name = codecs.lookup(declared).name
    except LookupError:  # unknown, or a codec the bundle leaves out (Big5: reports are UTF-8 or GB)
        return ""
    if name in _GB:
        return "gb18030"
    return name if name in _CHINESE else ""


def page_text(data: bytes, charset: str = "") -> str:
    """A page's bytes as text, in its declared character set, UTF-8 or GB18030, whichever reads best: for
    weighing pages against each other, not for importing."""
    encodings = [charset] if charset else []
    return min((data.decode(encoding, errors="replace") for encoding in [*encodings, "utf-8", "gb18030"]),
               key=lambda decoded: decoded.count("\ufffd"))


def chinese_count(text: str) -> int:
    """How many Chinese characters a page shows, its markup, scripts and styles left out."""
    return len(_HAN.findall(_UNSHOWN.sub(" ", text)))
