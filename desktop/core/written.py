"""What counts as written in a text field: its characters other than spaces and punctuation, so that 「。」
or 「、、」 is an empty field. A long field is not copied to find out: the first written character decides."""

from __future__ import annotations

import re
from itertools import islice

from desktop.core.leading import leading

_FILLER = r"\s。．.，,；;：:、"
_FILLER_RUN = leading(f"[{_FILLER}]+")
_WRITTEN = re.compile(f"[^{_FILLER}]")


def written(text: str) -> str:
    """The written characters."""
    return _FILLER_RUN.sub("", text)


def has_written(text: str) -> bool:
    return _WRITTEN.search(text) is not None


def written_at_least(text: str, count: int) -> bool:
    """At least ``count`` written characters; the text is read only as far as the count."""
    return sum(1 for _ in islice(_WRITTEN.finditer(text), count)) >= count
