"""OFD files written from a PDF's characters and ruling lines, the ways converters write them: a text object
per run of a line with its advances in millimetres, or with a matrix and sizes in points (one object per
character, as PDF-to-OFD converters do); a path object per ruling line."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

from desktop.io.importers.pdf_extract import Char, Page, read_pages

MM = 25.4 / 72  # millimetres per point
NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'


def _runs(chars: list[Char]) -> list[list[Char]]:
    runs: list[list[Char]] = []
    for char in chars:
        last = runs[-1][-1] if runs else None
        if last is not None and abs(last.top - char.top) < 0.5 and abs(last.size - char.size) < 0.1 \
                and 0 <= char.x0 - last.x0 < 3 * char.size:
            runs[-1].append(char)
        else:
            runs.append([char])
    return runs


def _deltas(values: list[float]) -> str:
    """Advances, repeats written 「g N d」."""
    out: list[str] = []
    index = 0
    while index < len(values):
        same = index
        while same + 1 < len(values) and abs(values[same + 1] - values[index]) < 1e-6:
            same += 1
        count = same - index + 1
        out.append(f"g {count} {values[index]:.4f}" if count > 2 else " ".join(f"{values[index]:.4f}"
                                                                              for _ in range(count)))
        index = same + 1
    return " ".join(out)


def _text_object(ident: int, run: list[Char], scaled: bool) -> str:
    left = run[0].x0 * MM
    top = min(c.top for c in run) * MM
    width = (run[-1].x1 - run[0].x0) * MM + 1
    size_mm = run[0].size * MM
    baseline = (run[0].bottom - 0.12 * run[0].size) * MM - top
    box = f"{left:.4f} {top:.4f} {width:.4f} {size_mm * 1.3:.4f}"
    advances = [(b.x0 - a.x0) * MM for a, b in zip(run, run[1:], strict=False)]
    text = escape("".join(c.text for c in run))
    if not scaled:
        return (f'<ofd:TextObject ID="{ident}" Boundary="{box}" Font="1" Size="{size_mm:.4f}">'
                f'<ofd:TextCode X="0" Y="{baseline:.4f}" DeltaX="{_deltas(advances)}">{text}</ofd:TextCode>'
                "</ofd:TextObject>")
    scale = 0.3528
    advances = [value / scale for value in advances]
    return (f'<ofd:TextObject ID="{ident}" CTM="{scale} 0 0 {scale} 0 0" Boundary="{box}" Font="1" '
            f'Size="{run[0].size:.4f}"><ofd:CGTransform CodePosition="0" CodeCount="1" GlyphCount="1">'
            f'<ofd:Glyphs>4460</ofd:Glyphs></ofd:CGTransform>'
            f'<ofd:TextCode X="0" Y="{baseline / scale:.4f}" DeltaX="{_deltas(advances)}">{text}</ofd:TextCode>'
            "</ofd:TextObject>")


def _path_object(ident: int, line: dict[str, float]) -> str:
    left, top = line["x0"] * MM, line["top"] * MM
    if line["orientation"] == "h":
        width = (line["x1"] - line["x0"]) * MM
        return (f'<ofd:PathObject ID="{ident}" Boundary="{left:.4f} {top:.4f} {width:.4f} 0.3" LineWidth="0.25">'
                f"<ofd:AbbreviatedData>M 0 0 L {width:.4f} 0</ofd:AbbreviatedData></ofd:PathObject>")
    height = (line["bottom"] - line["top"]) * MM
    return (f'<ofd:PathObject ID="{ident}" Boundary="{left:.4f} {top:.4f} 0.3 {height:.4f}" LineWidth="0.25">'
            f"<ofd:AbbreviatedData>M 0 0 L 0 {height:.4f}</ofd:AbbreviatedData></ofd:PathObject>")


def _content(page: Page, scaled: bool) -> str:
    objects: list[str] = []
    runs = [[c] for c in page.chars if not c.text.isspace()] if scaled else \
        _runs([c for c in page.chars if not c.text.isspace()])
    for run in runs:
        objects.append(_text_object(len(objects) + 10, run, scaled))
    for line in page.edges:
        objects.append(_path_object(len(objects) + 10, line))
    return (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {NS}><ofd:Area><ofd:PhysicalBox>0 0 '
            f'{page.width * MM:.3f} {page.height * MM:.3f}</ofd:PhysicalBox></ofd:Area><ofd:Content>'
            f'<ofd:Layer ID="2" Type="Body">{"".join(objects)}</ofd:Layer></ofd:Content></ofd:Page>')


def ofd_from_pages(pages: list[Page], scaled: bool = False) -> bytes:
    entries = "".join(f'<ofd:Page ID="{n + 100}" BaseLoc="Pages/Page_{n}/Content.xml"/>' for n in range(len(pages)))
    document = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {NS}><ofd:CommonData><ofd:MaxUnitID>9999'
                "</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>"
                f"<ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData><ofd:Pages>{entries}</ofd:Pages>"
                "</ofd:Document>")
    root = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {NS} Version="1.0" DocType="OFD"><ofd:DocBody>'
            "<ofd:DocInfo><ofd:DocID>0C1D4F7159954EEEDE517F7285E84DC4</ofd:DocID></ofd:DocInfo>"
            "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
    resources = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res {NS} BaseLoc="Res"><ofd:Fonts>'
                 '<ofd:Font ID="1" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("OFD.xml", root)
        archive.writestr("Doc_0/Document.xml", document)
        archive.writestr("Doc_0/PublicRes.xml", resources)
        for number, page in enumerate(pages):
            archive.writestr(f"Doc_0/Pages/Page_{number}/Content.xml", _content(page, scaled))
    return out.getvalue()


def ofd_from_pdf(pdf: bytes, scaled: bool = False) -> bytes:
    return ofd_from_pages(read_pages(pdf), scaled)
