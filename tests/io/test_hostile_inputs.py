"""Small hostile files are imported or refused within 5 s and 500 MB, each in a fresh process, with the
limit passed named in Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.io.hostile import HOSTILE, MAX_MEGABYTES, MAX_SECONDS, edited_template, import_measured

EXPECTED = {"deep-span.docx": "横跨或纵跨", "huge-grid.html": "覆盖超过", "ruled-grid.pdf": "交点",
            "row-flood.txt": "表格超过", "tag-flood.html": "标签超过", "line-flood.txt": "段落和表格超过",
            "part-flood.mht": "网页存档中的文件超过", "deep-parts.mht": "已损坏"}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_is_refused_within_bounds(name: str, tmp_path: Path) -> None:
    data = HOSTILE[name]()
    assert len(data) < 8 * 1024 * 1024
    measured = import_measured(data, name, tmp_path)
    outcome = str(measured["outcome"])
    assert outcome.startswith("refused: ") and EXPECTED[name] in outcome, outcome
    assert float(measured["seconds"]) < MAX_SECONDS  # type: ignore[arg-type]
    assert float(measured["peak_mb"]) < MAX_MEGABYTES  # type: ignore[arg-type]


def test_a_pdf_whose_page_count_is_damaged_is_called_damaged(tmp_path: Path) -> None:
    data = HOSTILE["ruled-grid.pdf"](4).replace(b"/Count 1", b"/Count 999999")
    outcome = str(import_measured(data, "count.pdf", tmp_path)["outcome"])
    assert "损坏" in outcome and "页数过多" not in outcome, outcome


def test_a_word_relationship_without_a_target_is_called_damaged() -> None:
    """Found by benchmarks/fuzz_import.py: python-docx stopped with a TypeError."""
    import re

    from desktop.io.importing import ImportRefused, import_bytes

    data = edited_template("word/_rels/document.xml.rels", lambda rels: re.sub(rb' Target="[^"]*"', b"", rels, count=1))
    with pytest.raises(ImportRefused, match="已损坏"):
        import_bytes(data, "t.docx")
