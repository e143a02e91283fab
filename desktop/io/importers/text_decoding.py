"""Bytes of a text file or a saved page as text: UTF-8 or GB18030 (GBK and GB2312 are read as their
superset), a declared encoding first; what could not be read is named for the account."""

from __future__ import annotations

from desktop.io.importers.document import ImportRefused

ENCODINGS = ("utf-8-sig", "gb18030")


def _readable(text: str) -> bool:
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls <= len(text[:20000]) // 200


def decode(data: bytes, shown: str, declared: str = "") -> tuple[str, str]:
    """The text and, where some bytes could not be read, the account's note on them.

    A file cut off inside its last character (a download or a copy that stopped) loses that character
    with a note; a few unreadable bytes in the middle (a damaged save) show as 「�」 with their count.
    A file that is no text in any of the encodings is refused. A ``declared`` encoding (a saved page's
    label) is tried first."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates: tuple[str, ...] = ("utf-16",)
    elif declared and declared not in ("utf-8", "gb18030"):
        candidates = (declared, *ENCODINGS)
    else:
        candidates = ENCODINGS
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            if error.start < len(data) - 3 or error.end != len(data):
                continue
            text = data[:error.start].decode(encoding)  # the bytes before the first error read as they are
            if _readable(text):
                return text, "文件末尾有一个不完整的字符（文件可能未保存完整），已略去"
            continue
        if _readable(text):
            return text, ""
    # the fewest unreadable bytes, not counting 「�」 the page itself printed
    unreadable, text = min((t.count("\ufffd") - _printed_marks(data, encoding), t)
                           for encoding in candidates for t in [data.decode(encoding, errors="replace")])
    if unreadable <= max(3, len(text) // 500) and _readable(text):
        return text, f"文件中有{unreadable}处字节无法识别为文字（文件可能已损坏），已显示为“\ufffd”，请核对相应内容"
    raise ImportRefused(f"{shown}不是文本、网页、Word或PDF文件，无法导入")


def _printed_marks(data: bytes, encoding: str) -> int:
    """How many 「\ufffd」 the bytes hold as text, in an encoding that can write it."""
    try:
        return data.count("\ufffd".encode(encoding.removesuffix("-sig")))
    except UnicodeEncodeError:
        return 0
