"""Word export: the shared print outline set in GB/T 9704 styles, with the official tables.

Offices pass drafts around as Word files, so the result must stay editable: real styles, real merged
cells, and page numbers as a field.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

from desktop.core.atomic_write import write_atomically
from desktop.core.report import Report
from desktop.io.docx.page import set_up_page
from desktop.io.docx.styles import (
    BODY,
    FANGSONG,
    HEADING,
    HEITI,
    KAITI,
    LINE_PITCH_PT,
    RUN_IN,
    SIGNATURE,
    TITLE,
    XIAOBIAOSONG,
    add_run,
    apply_styles,
)
from desktop.io.docx.tables import add_table
from desktop.io.layout import printable
from desktop.io.outline import Heading, Paragraph, Signature, Table, Title, build_outline

HEADING_FACES = {1: HEITI, 2: KAITI}


def build_document(report: Report) -> Any:
    """The report as a python-docx Document, for saving or inspecting."""
    import docx
    from docx.shared import Pt

    document = docx.Document()
    apply_styles(document)
    set_up_page(document)
    _properties(document, report)
    after_table = False
    for block in build_outline(report):
        paragraphs_before = len(document.paragraphs)
        if isinstance(block, Title):
            for line in block.lines:
                last = document.add_paragraph(style=TITLE)
                add_run(last, printable(line), XIAOBIAOSONG)
            last.paragraph_format.space_after = Pt(LINE_PITCH_PT)
        elif isinstance(block, Heading):
            add_run(document.add_paragraph(style=HEADING[block.level]), printable(block.text),
                    HEADING_FACES[block.level])
        elif isinstance(block, Paragraph):
            paragraph = document.add_paragraph(style=BODY)
            if block.lead:
                add_run(paragraph, printable(block.lead), KAITI, RUN_IN)
            add_run(paragraph, printable(block.text), FANGSONG)
        elif isinstance(block, Table):
            add_table(document, block)
        elif isinstance(block, Signature):
            lines = [text for text in (block.agency, block.date) if text]
            for index, text in enumerate(lines):
                paragraph = document.add_paragraph(style=SIGNATURE)
                if index == 0:
                    paragraph.paragraph_format.space_before = Pt(2 * LINE_PITCH_PT)
                add_run(paragraph, printable(text), FANGSONG)
        if after_table and len(document.paragraphs) > paragraphs_before:
            document.paragraphs[paragraphs_before].paragraph_format.space_before = Pt(LINE_PITCH_PT / 2)
        after_table = isinstance(block, Table)
    return document


_APP_PROPERTIES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>年报助手</Application><DocSecurity>0</DocSecurity></Properties>"
)


def _properties(document: Any, report: Report) -> None:
    """Names the report in the file's properties, says which program wrote it (instead of the Word
    for Mac of python-docx's template), and drops the blank thumbnail that would preview it."""
    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype in (RELATIONSHIP_TYPE.THUMBNAIL, RELATIONSHIP_TYPE.EXTENDED_PROPERTIES):
            del package.rels[rel_id]
    app = Part(
        PackURI("/docProps/app.xml"), CONTENT_TYPE.OFC_EXTENDED_PROPERTIES, _APP_PROPERTIES.encode("utf-8"), package
    )
    package.relate_to(app, RELATIONSHIP_TYPE.EXTENDED_PROPERTIES)
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    props = document.core_properties
    props.title = printable(report.title)
    props.subject = printable(report.title)
    props.author = props.last_modified_by = printable(report.meta.agency)
    props.comments = ""
    props.keywords = "政府信息公开工作年度报告"
    props.created = props.modified = now
    props.revision = 1


def render_docx_bytes(report: Report, fonts: object = None) -> bytes:
    """The Word file in memory. Word embeds no fonts, so ``fonts`` is accepted and unused."""
    buffer = io.BytesIO()
    build_document(report).save(buffer)
    return buffer.getvalue()


def export_docx(report: Report, path: str | Path) -> None:
    write_atomically(path, render_docx_bytes(report))
