"""Writes the old-format Word files (.doc, Word 97–2003) of the import corpus, and an old Excel workbook
(.xls), as LibreOffice saves them.

Run from the repository root, with LibreOffice installed: ``.venv/bin/python tests/io/corpus/word97/make_doc.py``.
Each file is first made as .docx (python-docx, or the app's own Word export) and then saved by
``soffice --convert-to doc`` with the 「MS Word 97」 filter, which writes the binary format with its
piece table, paragraph and character property pages, and merged cells.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[3]
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402
from docx.oxml.parser import parse_xml  # noqa: E402

from desktop.core.tablespec import TABLES  # noqa: E402
from desktop.io.docx_export import export_docx  # noqa: E402
from tests.fixtures.reports import SAMPLES, seed  # noqa: E402
from tests.io.corpus.make_corpus import corpus_cells, corpus_text  # noqa: E402

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def filled_template(path: Path) -> None:
    """The official template filled in by hand: the title typed over the heading, values in the cells."""
    cells = corpus_cells()
    document = docx.Document(str(SAMPLES / "template-2021.docx"))
    document.paragraphs[1].text = "耳口乡2023年政府信息公开工作年度报告"
    document.paragraphs[4].text = "2023年，耳口乡认真贯彻落实《条例》。"
    for table, spec in zip(document.tables, TABLES, strict=True):
        for placed in spec.placed:
            if placed.key is not None:
                table.cell(placed.row, placed.col).text = str(cells[placed.key])
    document.save(str(path))


def exported(path: Path) -> None:
    """The app's own Word export of the corpus report: every section's text and all three tables."""
    report = seed()
    report.cells.update(corpus_cells())
    report.text.update(corpus_text())
    export_docx(report, path)


def revised(path: Path) -> None:
    """A short report with what Word does not show: a deletion and an insertion tracked, hidden text, and a
    hyperlink field whose code is not text; a character beyond the basic plane before more hidden text."""
    document = docx.Document()
    document.add_paragraph("杨林镇2023年政府信息公开工作年度报告")
    document.add_paragraph("一、总体情况")
    body = document.add_paragraph("2023年，杨林镇")
    body._p.append(parse_xml(f'<w:del {W} w:id="1" w:author="审核" w:date="2024-01-10T09:00:00Z"><w:r>'
                             '<w:delText>（已删去的旧表述）</w:delText></w:r></w:del>'))
    body._p.append(parse_xml(f'<w:ins {W} w:id="2" w:author="审核" w:date="2024-01-10T09:00:00Z"><w:r>'
                             '<w:t>认真贯彻落实《条例》</w:t></w:r></w:ins>'))
    body._p.append(parse_xml(f'<w:r {W}><w:rPr><w:vanish/></w:rPr><w:t>（填写说明：此处不要删除）</w:t></w:r>'))
    body._p.append(parse_xml(f'<w:r {W}><w:t>，详见</w:t></w:r>'))
    body._p.append(parse_xml(f'<w:r {W}><w:fldChar w:fldCharType="begin"/></w:r>'))
    body._p.append(parse_xml(f'<w:r {W}><w:instrText xml:space="preserve"> HYPERLINK "http://www.hengdong.gov.cn/" '
                             '</w:instrText></w:r>'))
    body._p.append(parse_xml(f'<w:r {W}><w:fldChar w:fldCharType="separate"/></w:r>'))
    body._p.append(parse_xml(f'<w:r {W}><w:t>衡东县人民政府网站</w:t></w:r>'))
    body._p.append(parse_xml(f'<w:r {W}><w:fldChar w:fldCharType="end"/></w:r>'))
    body._p.append(parse_xml(f'<w:r {W}><w:t>。联系人：王𬌗（一个扩展区的字）</w:t></w:r>'))
    body._p.append(parse_xml(f'<w:r {W}><w:rPr><w:vanish/></w:rPr><w:t>（又一处隐藏）</w:t></w:r>'))
    body._p.append(parse_xml(f'<w:r {W}><w:t>。</w:t></w:r>'))
    document.add_paragraph("二、主动公开政府信息情况")
    document.save(str(path))


NUMBERING = f"""<w:numbering {W}>
  <w:abstractNum w:abstractNumId="7">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>
</w:numbering>"""


def numbered(path: Path) -> None:
    """The corpus report with its headings numbered by Word (「一、」 「（一）」 as list numbers, not text)."""
    text = corpus_text()
    document = docx.Document()
    document.part.numbering_part._element = parse_xml(NUMBERING)
    body = document.element.body

    def paragraph(words: str, level: int | None = None) -> None:
        numbering = f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr></w:pPr>' \
            if level is not None else ""
        body.insert(len(body) - 1, parse_xml(f"<w:p {W}>{numbering}<w:r><w:t>{words}</w:t></w:r></w:p>"))

    paragraph("耳口乡2023年政府信息公开工作年度报告")
    paragraph("总体情况", 0)
    paragraph(text["text.s1.intro"])
    for key, heading in (("text.s1.proactive", "主动公开"), ("text.s1.on_request", "依申请公开"),
                         ("text.s1.management", "政府信息管理"), ("text.s1.platform", "政府信息公开平台建设"),
                         ("text.s1.oversight", "监督保障")):
        paragraph(heading, 1)
        for line in text[key].split("\n"):
            paragraph(line)
    for heading, key in (("存在的主要问题及改进情况", "text.s5"), ("其他需要报告的事项", "text.s6")):
        paragraph(heading, 0)
        for line in text[key].split("\n"):
            paragraph(line)
    document.save(str(path))


def register(path: Path) -> None:
    """An Excel workbook (a register of applications), which is no report: saved as .xls."""
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["收到日期", "申请人", "申请内容"])
    book.active.append(["2023-03-01", "张三", "耳口乡2023年财政预算"])
    book.save(str(path))


# name → how the source is made, its suffix, LibreOffice's filter
MADE = {"filled-template.doc": (filled_template, ".docx", "doc:MS Word 97"),
        "exported.doc": (exported, ".docx", "doc:MS Word 97"),
        "revised.doc": (revised, ".docx", "doc:MS Word 97"),
        "numbered.doc": (numbered, ".docx", "doc:MS Word 97"),
        "register.xls": (register, ".xlsx", "xls:MS Excel 97")}


def main() -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) is needed to write the .doc files")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for name, (make, suffix, saved_as) in MADE.items():
            source = work / Path(name).with_suffix(suffix).name
            make(source)
            subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{work}/profile", "--convert-to",
                            saved_as, "--outdir", str(work), str(source)], check=True, capture_output=True,
                           timeout=300)
            shutil.copyfile(work / name, HERE / name)
            print(name, (HERE / name).stat().st_size, "bytes")


if __name__ == "__main__":
    main()
