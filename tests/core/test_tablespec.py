"""The table spec against FORMAT.md and the official template's merged cells."""

from __future__ import annotations

import re
import zipfile
from xml.etree import ElementTree

import pytest

from desktop.core.grid import LabelRole
from desktop.core.tablespec import CELLS, T2, T3, T4, TABLES, TOTALS_IN_ORDER, cell_key
from tests.fixtures.reports import SAMPLES, SPEC

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_cell_counts_and_unique_keys() -> None:
    assert (len(T2.cells), len(T3.cells), len(T4.cells)) == (10, 175, 15)
    assert len(CELLS) == 200


def test_every_grid_position_is_covered_once() -> None:
    for table in TABLES:
        covered = [(r, c) for r in range(table.n_rows) for c in range(table.n_cols) if table.at(r, c)]
        assert len(covered) == table.n_rows * table.n_cols, table.id


def test_keys_match_format_md() -> None:
    text = (SPEC / "FORMAT.md").read_text(encoding="utf-8")
    t3_section = text[text.index("## Table 三"): text.index("## Table 四")]
    rows = set(re.findall(r"^\| `(\w+)`", t3_section, re.M))
    rows |= {f"{m[0]}_{i}" for m in re.findall(r"`(\w+)_1` … `\w+_(\d)`", t3_section) for i in range(1, int(m[1]) + 1)}
    assert rows == {c.row for c in T3.cells}
    t2_keys = set(re.findall(r"`(t2\.\w+\.\w+)`", text))
    assert t2_keys <= set(T2.keys)
    assert {"t2.regulations.repealed", "t2.normative_docs.in_force"} <= set(T2.keys)


def test_message_label_names_the_cell() -> None:
    assert CELLS["t3.new.natural"].label == "表三 一、本年新收政府信息公开申请数量 / 自然人"
    assert CELLS["t4.suit_direct.pending"].label == "表四 行政诉讼 未经复议直接起诉 / 尚未审结"
    assert T3.row("denied_3").label == "（三）不予公开 3.危及“三安全一稳定”"


def test_totals_declare_their_parts() -> None:
    assert CELLS["t3.new.total"].parts == tuple(f"t3.new.{c}" for c in
                                                ("natural", "business", "research", "nonprofit", "legal", "other_org"))
    assert len(CELLS["t3.total.natural"].parts) == 21  # RULES.md says 22; the listed rows are 21
    assert CELLS["t4.review.total"].parts == ("t4.review.upheld", "t4.review.corrected", "t4.review.other",
                                              "t4.review.pending")
    assert TOTALS_IN_ORDER[-1].key == "t3.total.total"
    assert not CELLS["t3.carried_out.natural"].is_total


def _template_tables() -> list[list[tuple[int, int, int, int, str]]]:
    """The template's tables as (row, col, rowspan, colspan, text) of each non-continued cell."""
    with zipfile.ZipFile(SAMPLES / "template-2021.docx") as z:
        root = ElementTree.fromstring(z.read("word/document.xml"))
    tables = []
    for tbl in root.iter(f"{W}tbl"):
        anchors: dict[tuple[int, int], list] = {}
        placed = []
        for r, tr in enumerate(tbl.findall(f"{W}tr")):
            col = 0
            for tc in tr.findall(f"{W}tc"):
                pr = tc.find(f"{W}tcPr")
                span_el = pr.find(f"{W}gridSpan") if pr is not None else None
                span = int(span_el.get(f"{W}val")) if span_el is not None else 1
                vm = pr.find(f"{W}vMerge") if pr is not None else None
                text = "".join(t.text or "" for t in tc.iter(f"{W}t")).strip()
                if vm is not None and vm.get(f"{W}val") != "restart":
                    anchors[(r - 1, col)][2] += 1
                    anchors[(r, col)] = anchors.pop((r - 1, col))
                else:
                    cell = [r, col, 1, span, text]
                    placed.append(cell)
                    anchors[(r, col)] = cell
                col += span
        tables.append([tuple(c) for c in placed])
    return tables


@pytest.mark.parametrize("index,table", [(0, T2), (1, T3), (2, T4)])
def test_merges_and_labels_match_the_official_template(index: int, table) -> None:  # type: ignore[no-untyped-def]
    template = _template_tables()[index]
    ours = sorted((p.row, p.col, p.rowspan, p.colspan, p.text or "") for p in table.placed)
    theirs = sorted(template)
    assert [c[:4] for c in ours] == [c[:4] for c in theirs]
    for mine, official in zip(ours, theirs, strict=True):
        if mine[4]:
            assert mine[4] == official[4]
        else:
            assert official[4] == "", f"value cell {mine} holds text in the template"


def test_vertical_label_and_note_corner() -> None:
    vertical = [p for p in T3.placed if p.vertical]
    assert [(p.text, p.rowspan) for p in vertical] == [("三、本年度办理结果", 22)]
    note = T3.at(0, 0)
    assert note is not None and note.role is LabelRole.NOTE and (note.rowspan, note.colspan) == (3, 3)
    assert T3.header_rows == 3 and T4.header_rows == 3


def test_statutory_labels_are_written_once() -> None:
    """Every other module reads them from the spec; a label typed twice is a label that can drift."""
    from tests.fixtures.reports import REPO

    for label in ("本年新收政府信息公开申请数量", "结转下年度继续办理", "未经复议直接起诉", "本年制发件数"):
        holders = sorted(str(p.relative_to(REPO)) for p in (REPO / "desktop").rglob("*.py")
                         if label in p.read_text(encoding="utf-8"))
        assert holders == ["desktop/core/tablespec.py"], (label, holders)


def test_one_way_to_make_a_key() -> None:
    assert cell_key("t3", "new", "total") == "t3.new.total"
    with pytest.raises(KeyError):
        cell_key("t3", "new", "nobody")
