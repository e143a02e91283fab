"""OFD files (the national fixed-layout format WPS, 数科 and 福昕 write on 信创 machines) are imported like
PDFs: the same characters and ruling lines, placed by each text object's box, matrix and advances, feed
the same table reader. The files are written from the app's own PDF the two ways converters write them
(tests/io/ofd_writer.py): runs of a line in millimetres, or one object per character with a matrix and
sizes in points."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from desktop.core.report import Report
from desktop.core.values import parse_cell
from desktop.io.importing import ImportRefused, import_bytes, import_file
from desktop.io.pdf.export import export_pdf
from desktop.io.review_run import review_folder
from tests.fixtures.reports import huaian, seed
from tests.io.corpus.make_corpus import corpus_cells, corpus_text
from tests.io.ofd_writer import ofd_from_pdf
from tests.review.folders import TODAY

CORPUS = Path(__file__).parent / "corpus"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
CELLS = {key: parse_cell(key, value) for key, value in EXPECTED["cells"].items()}


def _corpus_report() -> Report:
    report = seed()
    report.cells.update(corpus_cells())
    report.text.update(corpus_text())
    return report


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("pdf")
    out = {}
    for name, report in (("township", _corpus_report()), ("city", huaian())):
        export_pdf(report, folder / f"{name}.pdf")
        out[name] = (folder / f"{name}.pdf").read_bytes()
    return out


def _squeezed(text: dict[str, str]) -> dict[str, str]:
    """Text without line breaks and spaces: where a fixed-layout line ends a paragraph is a judgement."""
    return {key: "".join(value.split()) for key, value in text.items()}


@pytest.mark.parametrize("scaled", [False, True], ids=["runs-in-mm", "characters-in-points"])
def test_a_township_report_as_ofd_imports_every_value(pdfs: dict[str, bytes], scaled: bool) -> None:
    result = import_bytes(ofd_from_pdf(pdfs["township"], scaled), "耳口乡.ofd")
    report = result.report
    assert report.cells == CELLS
    assert _squeezed(report.text) == _squeezed(EXPECTED["text"])
    assert (report.meta.agency, report.meta.year, report.meta.level.value) == ("耳口乡", 2023, "township")
    assert report.provenance.missing_parts == []
    assert result.account[0] == "已读取OFD文件“耳口乡.ofd”"


@pytest.mark.parametrize("scaled", [False, True], ids=["runs-in-mm", "characters-in-points"])
def test_an_ofd_reads_as_its_pdf_does(pdfs: dict[str, bytes], scaled: bool) -> None:
    from_pdf = import_bytes(pdfs["city"], "淮安.pdf").report
    from_ofd = import_bytes(ofd_from_pdf(pdfs["city"], scaled), "淮安.ofd").report
    assert from_ofd.cells == from_pdf.cells == huaian().cells
    assert _squeezed(from_ofd.text) == _squeezed(from_pdf.text)
    assert (from_ofd.meta.agency, from_ofd.meta.year) == ("淮安市人民政府", 2024)


def _package(parts: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return out.getvalue()


NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'
ROOT = f"<ofd:OFD {NS}><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"
DOCUMENT = (f"<ofd:Document {NS}><ofd:Pages><ofd:Page ID=\"1\" BaseLoc=\"Pages/Page_0/Content.xml\"/></ofd:Pages>"
            "</ofd:Document>")


def test_a_scanned_ofd_is_refused_with_the_reason() -> None:
    page = (f'<ofd:Page {NS}><ofd:Content><ofd:Layer><ofd:ImageObject ID="5" Boundary="0 0 210 297" '
            'ResourceID="9"/></ofd:Layer></ofd:Content></ofd:Page>')
    data = _package({"OFD.xml": ROOT, "Doc_0/Document.xml": DOCUMENT, "Doc_0/Pages/Page_0/Content.xml": page})
    with pytest.raises(ImportRefused, match="此OFD文件没有文字（可能是扫描件或图片）"):
        import_bytes(data, "扫描.ofd")


@pytest.mark.parametrize("parts", [
    {"OFD.xml": ROOT},  # the document it names is missing
    {"OFD.xml": ROOT, "Doc_0/Document.xml": DOCUMENT},  # the page it names is missing
    {"OFD.xml": ROOT, "Doc_0/Document.xml": "<ofd:Document"},  # XML cut off
], ids=["no-document", "no-page", "bad-xml"])
def test_a_damaged_ofd_is_refused(parts: dict[str, str]) -> None:
    with pytest.raises(ImportRefused, match="此OFD文件已损坏"):
        import_bytes(_package(parts), "坏.ofd")


def test_runaway_advances_are_bounded() -> None:
    page = (f'<ofd:Page {NS}><ofd:Content><ofd:Layer><ofd:TextObject ID="5" Boundary="0 0 100 10" Size="4">'
            '<ofd:TextCode X="0" Y="4" DeltaX="g 999999999 4">某某乡2023年政府信息公开工作年度报告</ofd:TextCode>'
            "</ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>")
    data = _package({"OFD.xml": ROOT, "Doc_0/Document.xml": DOCUMENT, "Doc_0/Pages/Page_0/Content.xml": page})
    with pytest.raises(ImportRefused):  # too little text for a report; quickly, not after a billion steps
        import_bytes(data, "x.ofd")


def test_a_county_review_reads_an_ofd(pdfs: dict[str, bytes], tmp_path: Path) -> None:
    folder = tmp_path / "收到的报告"
    folder.mkdir()
    (folder / "耳口乡.ofd").write_bytes(ofd_from_pdf(pdfs["township"]))
    [review] = review_folder(folder, today=TODAY, workers=1)
    assert (review.agency, review.year, review.readable) == ("耳口乡", 2023, True)
    assert import_file(folder / "耳口乡.ofd").report.cells == CELLS
