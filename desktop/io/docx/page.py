"""The page of the Word export: A4 with the GB/T 9704 margins, and 「— N —」 page numbers as fields."""

from __future__ import annotations

from typing import Any

from desktop.io.docx.styles import SONGTI, TWIPS_PER_PT, add_run, element
from desktop.io.layout import FOOTER_DISTANCE_MM, MARGINS_MM, PAGE_MM, PAGE_NUMBER_PT


def set_up_page(document: Any) -> None:
    """A4 portrait, GB/T 9704 margins, and 「— N —」 page numbers: odd pages right, even pages left."""
    from docx.shared import Mm

    section = document.sections[0]
    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    section.top_margin = Mm(MARGINS_MM.top)
    section.bottom_margin = Mm(MARGINS_MM.bottom)
    section.left_margin = Mm(MARGINS_MM.left)
    section.right_margin = Mm(MARGINS_MM.right)
    section.footer_distance = Mm(FOOTER_DISTANCE_MM)
    document.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer, "right")
    _page_number(section.even_page_footer, "left")


def _page_number(footer: Any, side: str) -> None:
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    ppr = paragraph._p.get_or_add_pPr()
    one_char = str(round(PAGE_NUMBER_PT * TWIPS_PER_PT))
    ppr._remove_ind()
    ppr._insert_ind(element("ind", **{side: one_char, f"{side}Chars": "100", "firstLine": "0", "firstLineChars": "0"}))
    ppr._remove_jc()
    ppr._insert_jc(element("jc", val=side))
    _page_run(paragraph, "— ")
    _page_run(paragraph, None, "begin")
    _page_run(paragraph, " PAGE ", "instr")
    _page_run(paragraph, None, "separate")
    _page_run(paragraph, "1")
    _page_run(paragraph, None, "end")
    _page_run(paragraph, " —")


def _page_run(paragraph: Any, text: str | None, field: str | None = None) -> None:
    from docx.shared import Pt

    run = add_run(paragraph, "", SONGTI)
    run.font.size = Pt(PAGE_NUMBER_PT)
    if field == "instr":
        node = element("instrText")
        node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        node.text = text
        run._r.append(node)
    elif field:
        run._r.append(element("fldChar", fldCharType=field))
    elif text:
        run.text = text
