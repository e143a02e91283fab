"""Report → PDF, following the shared print outline, with every font embedded."""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path

from reportlab.platypus import CondPageBreak, Flowable, Spacer

from desktop.core.atomic_write import write_atomically
from desktop.core.report import Report
from desktop.io.fonts import FontFace, FontRole
from desktop.io.outline import Block, Heading, Signature, Table, Title, build_outline
from desktop.io.outline import Paragraph as TextParagraph
from desktop.io.pdf.fontset import FontSet, font_set
from desktop.io.pdf.markup import clean, lines_paragraph, paragraph
from desktop.io.pdf.page import make_document
from desktop.io.pdf.signature import SignatureBlock
from desktop.io.pdf.styles import LINE_PITCH, Styles, make_styles
from desktop.io.pdf.tables import CellMaker, SpecTable

# Room a heading needs so that it never ends a page alone: two lines of text, or a table's first rows.
# (reportlab's keepWithNext would move a heading and its whole paragraph or table to the next page.)
TEXT_START_ROOM = 3 * LINE_PITCH - 1
TABLE_START_ROOM = LINE_PITCH + 120


def render_pdf_bytes(report: Report, fonts: Mapping[FontRole, FontFace] | None = None) -> bytes:
    """The PDF in memory, for the in-app preview and for export."""
    font_faces = font_set(fonts)
    buffer = io.BytesIO()
    document = make_document(buffer, font_faces, clean(report.title), clean(report.meta.agency))
    document.build(story(report, font_faces))
    return buffer.getvalue()


def export_pdf(report: Report, path: str | Path, fonts: Mapping[FontRole, FontFace] | None = None) -> None:
    write_atomically(path, render_pdf_bytes(report, fonts))


def story(report: Report, fonts: FontSet) -> list[Flowable]:
    styles = make_styles(fonts)
    cells = CellMaker(fonts, styles)
    blocks = build_outline(report)
    flowables: list[Flowable] = []
    for block, following in zip(blocks, [*blocks[1:], None], strict=True):
        if isinstance(block, Heading):
            flowables.append(CondPageBreak(TABLE_START_ROOM if isinstance(following, Table) else TEXT_START_ROOM))
        flowables += _flowables(block, fonts, styles, cells)
    return flowables


def _flowables(block: Block, fonts: FontSet, styles: Styles, cells: CellMaker) -> list[Flowable]:
    if isinstance(block, Title):
        return [lines_paragraph(fonts, styles.title, FontRole.XIAOBIAOSONG, block.lines)]
    if isinstance(block, Heading):
        if block.level == 1:
            return [paragraph(fonts, styles.heading1, (FontRole.HEITI, block.text))]
        return [paragraph(fonts, styles.heading2, (FontRole.KAITI, block.text))]
    if isinstance(block, TextParagraph):
        lead = ((FontRole.KAITI, block.lead),) if block.lead else ()
        return [paragraph(fonts, styles.body, *lead, (FontRole.FANGSONG, block.text))]
    if isinstance(block, Table):
        return [SpecTable(block.spec, block.values, cells), Spacer(0, LINE_PITCH / 2)]
    if isinstance(block, Signature):
        return [SignatureBlock(block, fonts, styles)]
    raise TypeError(f"unknown outline block: {block!r}")
