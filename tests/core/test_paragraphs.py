"""A generated paragraph replaces its earlier version or follows the clerk's text, never doubles."""

from __future__ import annotations

from desktop.core.paragraphs import merge_paragraph


def generated(line: str) -> bool:
    return line.startswith("2024年，我乡共收到")


def test_added_after_the_clerks_text() -> None:
    assert merge_paragraph("我乡重视依申请公开。\n", "2024年，我乡共收到3件。", generated) == (
        "我乡重视依申请公开。\n2024年，我乡共收到3件。", "added")
    assert merge_paragraph("", "2024年，我乡共收到3件。", generated) == ("2024年，我乡共收到3件。", "added")


def test_replaces_the_earlier_version_in_place() -> None:
    text = "开头。\n2024年，我乡共收到3件。\n结尾。"
    assert merge_paragraph(text, "2024年，我乡共收到5件。", generated) == (
        "开头。\n2024年，我乡共收到5件。\n结尾。", "replaced")
    assert merge_paragraph(text, "2024年，我乡共收到3件。", generated)[1] == "same"
