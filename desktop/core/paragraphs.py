"""Where a paragraph generated from the tables goes in a text the clerk is writing: over the line it was
generated as before, or after what the clerk wrote. Never a second copy."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

Outcome = Literal["same", "replaced", "added"]


def merge_paragraph(current: str, paragraph: str, replaces: Callable[[str], bool]) -> tuple[str, Outcome]:
    """The new text and what happened to it. ``replaces`` recognises the earlier generated line."""
    current = current.rstrip("\n")
    lines = current.split("\n")
    earlier = next((i for i, line in enumerate(lines) if replaces(line)), None)
    if earlier is not None and lines[earlier].strip() == paragraph:
        return current, "same"
    if earlier is not None:
        lines[earlier] = paragraph
        return "\n".join(lines), "replaced"
    return (f"{current}\n{paragraph}" if current else paragraph), "added"
