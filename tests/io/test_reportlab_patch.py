"""desktop/io/pdf/fontset.py mends reportlab's ToUnicode map for characters above U+FFFF. This test
fails once reportlab writes them correctly itself: then the patch can go."""

from __future__ import annotations

from desktop.io.pdf import fontset


def test_reportlab_still_writes_five_hex_digits_above_ffff() -> None:
    cmap = fontset._reportlab_to_unicode_cmap("X", [0x41, 0x1D11E])
    assert "<01> <1D11E>" in cmap, "reportlab now maps U+1D11E itself: remove _to_unicode_cmap"


def test_the_patched_map_writes_utf16() -> None:
    cmap = fontset._to_unicode_cmap("X", [0x41, 0x1D11E])
    assert "<01> <D834DD1E>" in cmap and "<00> <0041>" in cmap
