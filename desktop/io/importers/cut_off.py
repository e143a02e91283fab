"""A page saved only in part: where it ends inside a number, that number is left out with a note.

Portals and mirror sites serve, and clerks save, only the beginning of a page. A page that ends inside a
number would give a wrong value (「72」 cut to 「7」), so the number is taken off before the page is read,
and the import account says so.
"""

from __future__ import annotations

import re

from desktop.io.importers.document import PAGE_NUMBER

_TAIL = 4096  # characters at the end of a page that hold its last number and the tags around it
# The last number of the text, whole: not the end of a date, a phone number or a longer number.
_LAST_NUMBER = re.compile(r"(?<![0-9０-９.．\-－/])[0-9０-９][0-9０-９,，.．]*$")
# The heading of the report's last section, 「六、其他需要报告的事项」 (「七、」 in the 2019 format), at the start of a
# line: preambles name it too (「…以及其他需要报告的事项共六个部分」), and mirror pages put pinyin after 「其」.
_LAST_SECTION = re.compile(r"(?m)^[ \t\u3000]*[六七]\s*[、.．]\s*其")


def cut_off_number(text: str) -> tuple[str, str]:
    """A page saved only in part can end inside a number of a table or of the text: 「72」 cut to 「7」,
    or the numeral of a row label 「3.补正后…」 cut to 「3」. So a text that ends in a number is taken to
    have been cut there, and that number is left out with a note rather than read as a wrong value, where
    the page was cut before its last section or where every other line of the page with a 「|」 in it ends
    with one (its rows, or its cells one per line). A lone 「0」 is kept: no longer number begins with it."""
    lines = text.split("\n")
    last = lines[-1][-_TAIL:]
    number = _LAST_NUMBER.search(last)
    if number is None or number.group() in ("0", "０") or PAGE_NUMBER.match(last.strip()):
        return text, ""  # a page's number 「6 / 6」 ends a whole text copied from a PDF
    rows = [line.rstrip() for line in lines[:-1] if "|" in line]
    pipe_rows = len(rows) >= 3 and all(row.endswith("|") for row in rows)
    if not pipe_rows and _LAST_SECTION.search(text):
        return text, ""
    cut = number.group()
    kept = text[:len(text) - len(cut)]
    if cut[-1] not in ".．" and last[:number.start()].rstrip().endswith("|"):
        kept = kept.rstrip() + "  |"  # a row 「规章 | 3 | 2 | 1」 keeps its shape, its last cell blank
    return kept, _cut_note(cut)


# Inline tags inside a cell, where Word splits a number's digits into runs: 「<span>1</span><span>2」.
_INLINE = ("span", "font", "b", "strong", "i", "em", "u", "sup", "sub", "o:p")
_INLINE_TAGS = re.compile(r"(?:</?(?:" + "|".join(_INLINE) + r")\b[^<>]*>)*$", re.IGNORECASE)
_PARTIAL_TAG = re.compile(r"</?([A-Za-z:]*)[^<>]*$")


def cut_off_html_number(source: str) -> tuple[str, str]:
    """A web page saved only in part can end inside the number of a cell, 「<td>447228」 cut to 「<td>44」, or
    inside a tag of the runs Word splits a number into (「<span>2</span><span style=…」 of 「20」): a whole
    page never ends there. The number, with its digits in the runs before it, is left out with a note, as
    in a text page. Cut inside 「</td>」 or another tag that closes the cell, the number was whole."""
    head, tail = source[:-_TAIL], source[-_TAIL:]  # the end is all that is looked at: a page is long
    partial = _PARTIAL_TAG.search(tail)
    whole = head + tail[:partial.start()] if partial else source  # a tag cut short is no tag, on every Python
    if partial and partial.group(1) and not any(tag.startswith(partial.group(1).lower()) for tag in _INLINE):
        return whole, ""
    cut, kept = "", tail[:partial.start()] if partial else tail
    while (number := _LAST_NUMBER.search(kept[:_INLINE_TAGS.search(kept).start()])) is not None:  # type: ignore[union-attr]
        cut, kept = number.group() + cut, kept[:number.start()]
    if cut in ("", "0", "０"):
        return whole, ""
    return head + kept, _cut_note(cut)


def _cut_note(cut: str) -> str:
    if cut[-1] in ".．":
        return f"文件在“{cut}”处中断（可能只保存了一部分），末尾不完整的部分未导入"
    return f"文件在最后一个数“{cut}”处中断（可能只保存了一部分），这个数可能不完整，未导入"
