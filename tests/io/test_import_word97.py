"""Old-format Word files (.doc, Word 97–2003, as WPS also saves them) are imported like .docx: every value
in its cell through the merged headers, every section's text, nothing Word does not show (a tracked
deletion, hidden text, a field's code). A damaged, encrypted or foreign compound file is refused with the
reason. The files are LibreOffice's (corpus/word97/make_doc.py)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from desktop.core.values import parse_cell
from desktop.io.importing import ImportRefused, import_bytes, import_file
from desktop.io.review_run import review_folder
from tests.review.folders import TODAY

CORPUS = Path(__file__).parent / "corpus"
WORD97 = CORPUS / "word97"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
CELLS = {key: parse_cell(key, value) for key, value in EXPECTED["cells"].items()}


def _refused(data: bytes, name: str) -> str:
    with pytest.raises(ImportRefused) as caught:
        import_bytes(data, name)
    return str(caught.value)


def test_the_fixtures_are_word_97_binaries() -> None:
    for name in ("filled-template.doc", "exported.doc", "revised.doc", "numbered.doc"):
        data = (WORD97 / name).read_bytes()
        assert data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
        assert "WordDocument".encode("utf-16-le") in data
        assert "耳口乡".encode("utf-16-le") not in data[:512]


def test_the_apps_export_saved_as_doc_imports_whole() -> None:
    result = import_file(WORD97 / "exported.doc")
    report = result.report
    assert report.cells == CELLS
    assert report.text == EXPECTED["text"]
    assert (report.meta.agency, report.meta.year, str(report.meta.date)) == ("耳口乡", 2023, "2024-01-04")
    assert report.meta.level.value == "township"
    assert result.missing == frozenset()
    assert report.provenance.missing_parts == []
    assert result.account[0] == "已读取Word文档“exported.doc”"


def test_the_official_template_filled_and_saved_as_doc() -> None:
    report = import_file(WORD97 / "filled-template.doc").report
    assert report.cells == CELLS  # through the merged header cells of all three tables
    assert (report.meta.agency, report.meta.year) == ("耳口乡", 2023)
    assert report.text["text.s1.intro"] == "2023年，耳口乡认真贯彻落实《条例》。"


def test_what_word_does_not_show_is_left_out() -> None:
    report = import_file(WORD97 / "revised.doc").report
    # deleted 「（已删去的旧表述）」, inserted 「认真贯彻落实《条例》」, hidden 「（填写说明…）」 and 「（又一处隐藏）」
    # after 「𬌗」 (two UTF-16 units), the HYPERLINK code
    assert report.text["text.s1.intro"] == ("2023年，杨林镇认真贯彻落实《条例》，详见衡东县人民政府网站。"
                                            "联系人：王𬌗（一个扩展区的字）。")
    assert report.meta.agency == "杨林镇"


def test_headings_numbered_by_word_are_found_by_their_words() -> None:
    """「一、」 and 「（一）」 are Word's list numbers here, not text: the headings are found as printed."""
    result = import_file(WORD97 / "numbered.doc")
    assert result.report.text == EXPECTED["text"]
    assert result.report.provenance.missing_parts == [  # the file has no tables
        "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"]


def test_an_old_excel_workbook_is_named() -> None:
    data = (WORD97 / "register.xls").read_bytes()
    told = _refused(data, "台账.xls")
    assert told == "此文件是旧版Excel工作簿（.xls），不是年度报告全文；请导入报告的网页、Word或PDF"


def test_an_encrypted_doc_is_refused_with_the_reason() -> None:
    data = bytearray((WORD97 / "exported.doc").read_bytes())
    fib = data.index(b"\xec\xa5", 512)  # the FIB's wIdent, at the start of the WordDocument stream
    assert fib % 512 == 0
    data[fib + 0x0B] |= 0x01  # fEncrypted
    assert "设有打开密码" in _refused(bytes(data), "加密.doc")


@pytest.mark.parametrize("cut", [600, 5000, 20000, 40000, 60000])
def test_a_cut_doc_is_refused_or_read_never_a_crash(cut: int) -> None:
    data = (WORD97 / "exported.doc").read_bytes()[:cut]
    try:
        import_bytes(data, "cut.doc")
    except ImportRefused as refused:
        assert "已损坏" in str(refused)


def test_flipped_bytes_are_refused_or_read_never_a_crash() -> None:
    source = (WORD97 / "exported.doc").read_bytes()
    rng = random.Random(11)
    outcomes = set()
    for _ in range(150):
        data = bytearray(source)
        for _ in range(rng.randint(1, 30)):
            data[rng.randrange(512, len(data))] = rng.randrange(256)
        try:
            import_bytes(bytes(data), "flipped.doc")
            outcomes.add("read")
        except ImportRefused:
            outcomes.add("refused")
    assert outcomes <= {"read", "refused"}


def test_an_old_wps_file_that_is_no_word_binary_is_named() -> None:
    data = bytearray((WORD97 / "register.xls").read_bytes())
    assert _refused(bytes(data), "年报.wps") == "“年报.wps”是旧版WPS文字文件（.wps），请在WPS中另存为.docx后再导入"


def test_a_county_review_reads_a_doc(tmp_path: Path) -> None:
    folder = tmp_path / "收到的报告"
    folder.mkdir()
    (folder / "耳口乡.doc").write_bytes((WORD97 / "exported.doc").read_bytes())
    [review] = review_folder(folder, today=TODAY, workers=1)
    assert (review.file, review.agency, review.year, review.readable) == ("耳口乡.doc", "耳口乡", 2023, True)


def test_merges_given_after_the_row_definition_join_the_cells() -> None:
    """Word writes some merges as their own properties after the row's cell boundaries (sprmTVertMerge,
    sprmTMerge) rather than in the cells' flags; they join the cells as the flags do."""
    from desktop.io.importers.word97_properties import MERGE, VERT_MERGE
    from desktop.io.importers.word97_rows import Paragraph, RowDef, blocks, merge

    def row(edges: list[int], cells: list[str], merges: list[tuple[int, int, int]]) -> list[Paragraph]:
        definition = RowDef(edges, [(0, 0)] * (len(edges) - 1))
        for sprm, first, second in merges:
            merge(definition, sprm, first, second)
        out = [Paragraph(text, "\x07", in_table=True, depth=1) for text in cells]
        return [*out, Paragraph("", "\x07", in_table=True, row_end=True, depth=1, row=definition)]

    paragraphs = [*row([0, 1000, 2000, 3000], ["信息内容", "本年制发件数", "本年废止件数"], [(VERT_MERGE, 0, 3)]),
                  *row([0, 1000, 2000, 3000], ["", "5", "6"], [(VERT_MERGE, 0, 1)]),
                  *row([0, 1000, 2000, 3000], ["合计", "", "11"], [(MERGE, 0, 2)])]
    [grid] = blocks(paragraphs)
    cells = [(cell.text, cell.row, cell.col, cell.rowspan, cell.colspan) for cell in grid.cells]
    assert cells == [("信息内容", 0, 0, 2, 1), ("本年制发件数", 0, 1, 1, 1), ("本年废止件数", 0, 2, 1, 1),
                     ("5", 1, 1, 1, 1), ("6", 1, 2, 1, 1), ("合计", 2, 0, 1, 2), ("11", 2, 2, 1, 1)]
