"""Characters a page holds that nobody sees: zero-width spaces, soft hyphens, direction marks.

Mirror sites sprinkle zero-width spaces through copied text, inside numbers too, and editors leave soft
hyphens and direction marks behind. A reader that kept them would find no year in 「20·23年」 and no number
in 「16·91」 (· a zero-width space), so they are removed before anything is read, and the account counts
them.
"""

from __future__ import annotations

import re

# Unicode's format characters (category Cf), as of Unicode 15.1.
_FORMAT = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)


def without_invisible(text: str) -> tuple[str, int]:
    """The text without format characters, and how many there were."""
    return _FORMAT.subn("", text)


def invisible_note(count: int) -> str:
    return f"原文中夹有{count}个看不见的字符（零宽空格、软连字符等），已去除" if count else ""
