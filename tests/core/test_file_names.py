"""Suggested file names stay in the chosen folder and are valid on Windows."""

from __future__ import annotations

import pytest

from desktop.core.file_names import FALLBACK, MAX_STEM, safe_stem


@pytest.mark.parametrize(("typed", "stem"), [
    ("耳口乡2023年政府信息公开工作年度报告", "耳口乡2023年政府信息公开工作年度报告"),
    ("../../etc/某乡", "_.._etc_某乡"),
    ("某局/办公室", "某局_办公室"),
    ('某局:"报告"?*<>|', "某局__报告______"),
    ("CON", "_CON"),
    ("nul.txt", "_nul.txt"),
    ("...", FALLBACK),
    ("", FALLBACK),
    ("某乡\u202e报告", "某乡报告"),
    ("某乡. ", "某乡"),
])
def test_safe_stem(typed: str, stem: str) -> None:
    assert safe_stem(typed) == stem


def test_long_names_are_cut() -> None:
    assert len(safe_stem("长" * 300)) == MAX_STEM
