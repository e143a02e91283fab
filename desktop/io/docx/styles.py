"""Fonts and styles of the Word export, after GB/T 9704-2012.

Word cannot embed these fonts, so the document names the ones office PCs carry and lists look-alikes
in the font table; the recipient's machine decides the final look. ``font.name`` alone sets only the
Latin font, so every style and every run also gets ``w:eastAsia``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from desktop.io import layout
from desktop.io.fonts import PREFERRED_FAMILIES, FontRole

LATIN_FONT = "Times New Roman"
TWIPS_PER_PT = 20
TWIPS_PER_MM = 1440 / 25.4


@dataclass(frozen=True)
class Face:
    name: str  # East Asian font name written into the document
    alternates: str  # the font table's altName, for machines without it
    family: str  # font table hints Word uses to pick a substitute
    pitch: str


def _face(role: FontRole, family: str, pitch: str, *fallbacks: str) -> Face:
    """The first family office PCs carry for ``role``; the others become the alternates."""
    first, *others = PREFERRED_FAMILIES[role]
    return Face(first, ",".join((*others, *fallbacks)), family, pitch)


FANGSONG = _face(FontRole.FANGSONG, "modern", "fixed")
HEITI = _face(FontRole.HEITI, "modern", "fixed")
KAITI = _face(FontRole.KAITI, "modern", "fixed")
XIAOBIAOSONG = _face(FontRole.XIAOBIAOSONG, "script", "variable", "华文中宋", "宋体")
SONGTI = _face(FontRole.SONGTI, "auto", "variable")
FACES = (FANGSONG, HEITI, KAITI, XIAOBIAOSONG, SONGTI)

BODY_PT = layout.BODY_PT
TITLE_PT = layout.TITLE_PT
TABLE_PT = layout.CELL_PT
LINE_PITCH_PT = math.floor(layout.LINE_PITCH_PT * 10) / 10  # 28.9: rounded down, so 22 lines still fit
TITLE_PITCH_PT = 36
TABLE_PITCH_PT = layout.CELL_LEADING_PT

# Style names: built-in ones where Word has them, so the navigation pane shows the headings.
BODY = "Normal"
TITLE = "Title"
HEADING = {1: "Heading 1", 2: "Heading 2"}
TABLE_TEXT = "Table Text"
SIGNATURE = "Signature"
RUN_IN = "Run-in Heading"


@dataclass(frozen=True)
class ParagraphLook:
    face: Face
    size: float
    align: str  # w:jc value
    indent_chars: int  # first-line indent, in characters of this size
    pitch: float  # exact line pitch in pt
    after: float = 0
    outline: int | None = None


LOOKS: dict[str, ParagraphLook] = {
    BODY: ParagraphLook(FANGSONG, BODY_PT, "both", 2, LINE_PITCH_PT),
    TITLE: ParagraphLook(XIAOBIAOSONG, TITLE_PT, "center", 0, TITLE_PITCH_PT),
    HEADING[1]: ParagraphLook(HEITI, BODY_PT, "both", 2, LINE_PITCH_PT, outline=0),
    HEADING[2]: ParagraphLook(KAITI, BODY_PT, "both", 2, LINE_PITCH_PT, outline=1),
    TABLE_TEXT: ParagraphLook(SONGTI, TABLE_PT, "center", 0, TABLE_PITCH_PT),
    SIGNATURE: ParagraphLook(FANGSONG, BODY_PT, "right", 0, LINE_PITCH_PT),
}
SIGNATURE_RIGHT_CHARS = layout.SIGNATURE_INDENT_CHARS


def w(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(f"w:{tag}")


def element(tag: str, **attrs: str) -> Any:
    from docx.oxml import OxmlElement

    node = OxmlElement(f"w:{tag}")
    for name, value in attrs.items():
        node.set(w(name), value)
    return node


def replace_child(parent: Any, child: Any, successors: tuple[str, ...]) -> Any:
    """Put ``child`` where the schema wants it, replacing any element of the same tag."""
    for old in parent.findall(child.tag):
        parent.remove(old)
    parent.insert_element_before(child, *(f"w:{s}" for s in successors))
    return child


def set_fonts(rpr: Any, face: Face) -> None:
    """Latin digits in Times New Roman, Chinese in ``face``; theme fonts would override both."""
    rpr._remove_rFonts()
    fonts = rpr._add_rFonts()
    for attr in ("ascii", "hAnsi", "cs"):
        fonts.set(w(attr), LATIN_FONT)
    fonts.set(w("eastAsia"), face.name)
    fonts.set(w("hint"), "eastAsia")


def add_run(paragraph: Any, text: str, face: Face, style: str | None = None) -> Any:
    run = paragraph.add_run(text, style)
    set_fonts(run._r.get_or_add_rPr(), face)
    return run


def _paragraph_style(document: Any, name: str, look: ParagraphLook) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt, RGBColor

    styles = document.styles
    style = styles[name] if name in [s.name for s in styles] else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    node = style.element
    node._remove_pPr()
    node._remove_rPr()
    if name != BODY:
        style.base_style = styles[BODY]
    style.font.bold = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    style.font.size = Pt(look.size)
    set_fonts(node.get_or_add_rPr(), look.face)
    form = style.paragraph_format
    form.space_before = Pt(0)
    form.space_after = Pt(look.after)
    form.widow_control = True
    form.line_spacing = Pt(look.pitch)  # a Length means an exact pitch
    ppr = node.get_or_add_pPr()
    indent = round(look.indent_chars * look.size * TWIPS_PER_PT)
    ind = element("ind", firstLine=str(indent), firstLineChars=str(look.indent_chars * 100))
    if name == SIGNATURE:
        right = round(SIGNATURE_RIGHT_CHARS * look.size * TWIPS_PER_PT)
        ind = element(
            "ind", right=str(right), rightChars=str(SIGNATURE_RIGHT_CHARS * 100), firstLine="0", firstLineChars="0"
        )
    ppr._remove_ind()
    ppr._insert_ind(ind)
    ppr._remove_jc()
    ppr._insert_jc(element("jc", val=look.align))
    if look.outline is not None:
        form.keep_with_next = True
        ppr._remove_outlineLvl()
        ppr._insert_outlineLvl(element("outlineLvl", val=str(look.outline)))


def _character_style(document: Any, name: str, face: Face) -> None:
    from docx.enum.style import WD_STYLE_TYPE

    style = document.styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
    set_fonts(style.element.get_or_add_rPr(), face)


def _defaults(document: Any) -> None:
    """docDefaults carry the body font too, so text outside any style is never Calibri."""
    root = document.styles.element
    defaults = root.find(w("docDefaults"))
    rpr_default = defaults.find(w("rPrDefault")) if defaults is not None else None
    if rpr_default is None:
        return
    for old in rpr_default.findall(w("rPr")):
        rpr_default.remove(old)
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    rpr = parse_xml(f'<w:rPr {nsdecls("w")}/>')
    rpr_default.append(rpr)
    set_fonts(rpr, FANGSONG)
    rpr.append(element("sz", val=str(BODY_PT * 2)))
    rpr.append(element("lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA"))


def _font_table(document: Any) -> None:
    """Entries with altName, charset GB2312 and family hints, so a PC without 仿宋_GB2312 finds 仿宋."""
    from lxml import etree

    part = next(p for p in document.part.package.iter_parts() if str(p.partname) == "/word/fontTable.xml")
    root = etree.fromstring(part.blob)
    ns = root.nsmap["w"]

    def q(tag: str) -> str:
        return f"{{{ns}}}{tag}"

    for face in FACES:
        for old in root.findall(q("font")):
            if old.get(q("name")) == face.name:
                root.remove(old)
        font = etree.SubElement(root, q("font"), {q("name"): face.name})
        etree.SubElement(font, q("altName"), {q("val"): face.alternates})
        etree.SubElement(font, q("charset"), {q("val"): "86"})
        etree.SubElement(font, q("family"), {q("val"): face.family})
        etree.SubElement(font, q("pitch"), {q("val"): face.pitch})
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def apply_styles(document: Any) -> None:
    _defaults(document)
    for name, look in LOOKS.items():
        _paragraph_style(document, name, look)
    _character_style(document, RUN_IN, KAITI)
    _font_table(document)
