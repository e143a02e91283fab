"""The official tables in Word, placed cell by cell from the table spec.

Merges become real gridSpan/vMerge cells, exactly like the official template, so the recipient can
keep editing the table in Word or WPS and an importer can read it back.
"""

from __future__ import annotations

from typing import Any

from desktop.core.grid import LabelRole, Placed
from desktop.io.docx.styles import SONGTI, TABLE_TEXT, TWIPS_PER_MM, add_run, element, replace_child
from desktop.io.layout import CAPTION_FILL, TEXT_WIDTH_MM, cell_alignment, cell_text
from desktop.io.outline import Table

CELL_MARGIN_TWIPS = 57  # 1 mm: table 四's 15 columns keep two characters per line
BORDER_EIGHTHS = 4  # 0.5 pt rules

_TBL_PR_AFTER_BORDERS = ("shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription")
_TBL_PR_AFTER_LAYOUT = ("tblCellMar", "tblLook", "tblCaption", "tblDescription")
_TBL_PR_AFTER_MARGINS = ("tblLook", "tblCaption", "tblDescription")
_TR_PR_AFTER_CANT_SPLIT = ("trHeight", "tblHeader", "tblCellSpacing", "jc", "hidden", "ins", "del", "trPrChange")
_TR_PR_AFTER_HEADER = ("tblCellSpacing", "jc", "hidden", "ins", "del", "trPrChange")
_TC_PR_AFTER_SHADING = ("noWrap", "tcMar", "textDirection", "tcFitText", "vAlign", "hideMark")
_TC_PR_AFTER_DIRECTION = ("tcFitText", "vAlign", "hideMark", "headers", "cellIns", "cellDel", "cellMerge", "tcPrChange")


def column_widths(weights: tuple[float, ...]) -> list[int]:
    """Column widths in twips filling the text block, in proportion to the spec's weights."""
    total = round(TEXT_WIDTH_MM * TWIPS_PER_MM)
    widths = [round(total * weight / sum(weights)) for weight in weights]
    widths[-1] += total - sum(widths)
    return widths


def add_table(document: Any, block: Table) -> Any:
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.shared import Twips
    from docx.table import _Cell

    spec = block.spec
    table = document.add_table(rows=spec.n_rows, cols=spec.n_cols)
    widths = column_widths(spec.col_weights)
    _table_properties(table, sum(widths))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Twips(width)
    # The spec's rectangles never overlap, so each merge leaves the other rectangles' cells in place.
    grid = [[_Cell(tc, table) for tc in tr.tc_lst] for tr in table._tbl.tr_lst]
    for row in grid:
        for cell, width in zip(row, widths, strict=True):
            cell.width = Twips(width)
    for row_index, tr in enumerate(table._tbl.tr_lst):
        tr_pr = tr.get_or_add_trPr()
        if row_index < spec.header_rows:
            # No cantSplit here: LibreOffice drops the row after header rows that may not split when they
            # reach the foot of a page (table 四's row of numbers vanished from its PDF). Word keeps them
            # whole anyway, since every row but the last keeps with the next.
            replace_child(tr_pr, element("tblHeader"), _TR_PR_AFTER_HEADER)
        else:
            replace_child(tr_pr, element("cantSplit"), _TR_PR_AFTER_CANT_SPLIT)
    for placed in spec.placed:
        cell = grid[placed.row][placed.col]
        if placed.rowspan > 1 or placed.colspan > 1:
            cell = cell.merge(grid[placed.row + placed.rowspan - 1][placed.col + placed.colspan - 1])
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        _fill(cell, placed, cell_text(block.values, placed), keep_with_next=placed.row + placed.rowspan < spec.n_rows)
    style_id = document.styles[TABLE_TEXT].style_id
    for p in table._tbl.iter(element("p").tag):  # merged-away cells keep an empty paragraph, in body size
        p.style = style_id
    return table


def _fill(cell: Any, placed: Placed, text: str, keep_with_next: bool) -> None:
    """``keep_with_next`` on all but the last row keeps a table that fits on one page together."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    for extra in cell.paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    paragraph = cell.paragraphs[0]
    align = cell_alignment(placed)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if align == "center" else WD_ALIGN_PARAGRAPH.LEFT
    if keep_with_next:
        paragraph.paragraph_format.keep_with_next = True
    if text:
        add_run(paragraph, text, SONGTI)
    if placed.vertical:
        replace_child(cell._tc.get_or_add_tcPr(), element("textDirection", val="tbRlV"), _TC_PR_AFTER_DIRECTION)
    if placed.role is LabelRole.CAPTION:
        shading = element("shd", val="clear", color="auto", fill=CAPTION_FILL)
        replace_child(cell._tc.get_or_add_tcPr(), shading, _TC_PR_AFTER_SHADING)


def _table_properties(table: Any, width: int) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT

    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    replace_child(tbl_pr, element("tblW", w=str(width), type="dxa"), ("jc", "tblCellSpacing", "tblInd", "tblBorders",
                                                                      *_TBL_PR_AFTER_BORDERS))
    borders = element("tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(element(side, val="single", sz=str(BORDER_EIGHTHS), space="0", color="000000"))
    replace_child(tbl_pr, borders, _TBL_PR_AFTER_BORDERS)
    replace_child(tbl_pr, element("tblLayout", type="fixed"), _TBL_PR_AFTER_LAYOUT)
    margins = element("tblCellMar")
    for side in ("top", "left", "bottom", "right"):
        value = CELL_MARGIN_TWIPS if side in ("left", "right") else 0
        margins.append(element(side, w=str(value), type="dxa"))
    replace_child(tbl_pr, margins, _TBL_PR_AFTER_MARGINS)
