"""A paragraph that runs over many pages: its lines are broken once, not again for every page it continues
on (37 s for a report of 100 KB per section), and the pages are those the lines broken afresh give."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import ImageChops

from desktop.io.pdf import linebreak
from desktop.io.pdf.export import export_pdf
from desktop.io.pdf.linebreak import CJKParagraph
from tests.fixtures.reports import huaian
from tests.io.pdf_helpers import page_fragments, render

SENTENCE = "本机关坚持以公开为常态、不公开为例外，全年主动公开政府信息3119条，依申请公开办结率百分之百。"
REPEATS = 300  # about 14,000 characters in one paragraph: a dozen pages


def _report():  # type: ignore[no-untyped-def]
    report = huaian()
    report.text["text.s6"] = SENTENCE * REPEATS
    return report


def test_a_long_paragraph_is_broken_into_lines_once(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    broken: list[int] = []
    original = linebreak.break_lines

    def counted(frags, max_widths, calc_bounds):  # type: ignore[no-untyped-def]
        broken.append(sum(len(getattr(frag, "text", "") or "") for frag in frags))
        return original(frags, max_widths, calc_bounds)

    monkeypatch.setattr(linebreak, "break_lines", counted)
    export_pdf(_report(), tmp_path / "long.pdf")
    length = len(SENTENCE * REPEATS)
    in_the_paragraph = sum(n for n in broken if n > 1000)
    assert length <= in_the_paragraph < 2 * length  # once, and the first page's trial


def test_the_continued_lines_are_those_broken_afresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    export_pdf(_report(), tmp_path / "kept.pdf")
    monkeypatch.setattr(CJKParagraph, "split", CJKParagraph.__mro__[1].split)  # reportlab's own: no lines kept
    export_pdf(_report(), tmp_path / "afresh.pdf")
    kept, afresh = (tmp_path / "kept.pdf").read_bytes(), (tmp_path / "afresh.pdf").read_bytes()
    assert page_fragments(kept) == page_fragments(afresh)
    assert len(page_fragments(kept)) >= 10
    (tmp_path / "k").mkdir()
    (tmp_path / "a").mkdir()
    for one, other in zip(render(tmp_path / "kept.pdf", tmp_path / "k", 40),
                          render(tmp_path / "afresh.pdf", tmp_path / "a", 40), strict=True):
        assert ImageChops.difference(one.convert("L"), other.convert("L")).getbbox() is None
