"""OFD (GB/T 33190, the national fixed-layout format that WPS, 数科 and 福昕 write): each page's characters
and ruling lines, in points, top-down, as the PDF reader gives them, so that the same table reader runs.

An OFD file is a zip of XML parts: OFD.xml names the document, the document lists its pages, and each
page holds text objects (a box, an optional matrix, a font size, and runs of text with their positions
and the advance of each character) and path objects (a box, a matrix and an abbreviated path). Lengths
are millimetres.
"""

from __future__ import annotations

import io
import math
import posixpath
import re
import zipfile
from typing import Any

from desktop.io.importers.document import ImportRefused
from desktop.io.importers.limits import MAX_PDF_CHARS, packed_too_large, within
from desktop.io.importers.pdf_extract import MAX_PAGES, Char, Page, edge

POINTS_PER_MM = 72 / 25.4
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_PATH_TOKEN = re.compile(r"[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_ARGUMENTS = {"S": 2, "M": 2, "L": 2, "Q": 4, "B": 6, "A": 7, "C": 0}
Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


class Damaged(Exception):
    """The package is inconsistent: a part named that is not there, XML that does not parse."""


def read_ofd_pages(data: bytes) -> list[Page]:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if packed_too_large(archive.infolist()):
            raise ImportRefused("此OFD文件解压后过大，可能是伪装的压缩炸弹，未导入")

        def xml(name: str) -> Any:
            try:
                return etree.fromstring(archive.read(name), parser)
            except KeyError:
                raise Damaged(f"no part {name}") from None
            except etree.XMLSyntaxError as error:
                raise Damaged(str(error)) from None

        root = xml("OFD.xml")
        document_name = _text(root, "DocRoot").lstrip("/")
        document = xml(document_name)
        folder = posixpath.dirname(document_name)
        default_box = _box(_text(document, "PhysicalBox")) or (0.0, 0.0, 210.0, 297.0)
        names = [page.get("BaseLoc", "") for page in document.iter("{*}Page")]
        if len(names) > MAX_PAGES:
            raise OverflowError(len(names))
        pages: list[Page] = []
        characters = 0
        for number, name in enumerate(names):
            content = xml(_resolve(folder, name))
            box = _box(_text(content, "PhysicalBox")) or default_box
            page = Page(number, box[2] * POINTS_PER_MM, box[3] * POINTS_PER_MM)
            for element in content.iter("{*}TextObject", "{*}PathObject"):
                if element.tag.endswith("TextObject"):
                    found = _characters(element)
                    characters += len(found)
                    within(characters, MAX_PDF_CHARS, f"OFD文件中的文字超过{MAX_PDF_CHARS}个字符")
                    page.chars += found
                else:
                    page.edges += _edges(element)
            pages.append(page)
    return pages


def _text(element: Any, tag: str) -> str:
    found = next(element.iter(f"{{*}}{tag}"), None)
    return (found.text or "").strip() if found is not None else ""


def _resolve(folder: str, name: str) -> str:
    """A part's name, relative to the document's folder or, with a leading 「/」, to the package's root."""
    name = name.replace("\\", "/")
    return posixpath.normpath(name.lstrip("/") if name.startswith("/") else posixpath.join(folder, name))


def _numbers(text: str | None) -> list[float]:
    return [float(n) for n in _NUMBER.findall(text or "")]


def _box(text: str | None) -> tuple[float, float, float, float] | None:
    values = _numbers(text)
    return (values[0], values[1], values[2], values[3]) if len(values) == 4 else None


def _matrix(element: Any) -> Matrix:
    values = _numbers(element.get("CTM"))
    return (values[0], values[1], values[2], values[3], values[4], values[5]) if len(values) == 6 else _IDENTITY


def _deltas(text: str | None) -> list[float]:
    """DeltaX or DeltaY: numbers, and 「g N d」 for N advances of d."""
    tokens = (text or "").split()
    out: list[float] = []
    index = 0
    while index < len(tokens) and len(out) < 100_000:
        if tokens[index] == "g" and index + 2 < len(tokens):
            try:
                out += [float(tokens[index + 2])] * min(int(tokens[index + 1]), 100_000)
            except ValueError:
                pass
            index += 3
            continue
        try:
            out.append(float(tokens[index]))
        except ValueError:
            pass
        index += 1
    return out


def _place(box: tuple[float, float, float, float], matrix: Matrix, x: float, y: float) -> tuple[float, float]:
    """A point of an object, in points on the page: the object's matrix, then its box's corner."""
    a, b, c, d, e, f = matrix
    return ((box[0] + a * x + c * y + e) * POINTS_PER_MM, (box[1] + b * x + d * y + f) * POINTS_PER_MM)


def _characters(element: Any) -> list[Char]:
    box = _box(element.get("Boundary"))
    if box is None:
        return []
    matrix = _matrix(element)
    a, b, c, d = matrix[:4]
    scale = math.sqrt(abs(a * d - b * c)) or 1.0
    size = float(_numbers(element.get("Size"))[0]) if _numbers(element.get("Size")) else 3.5
    chars: list[Char] = []
    x = y = 0.0
    for code in element.iter("{*}TextCode"):
        text = code.text or ""
        x = _numbers(code.get("X"))[0] if _numbers(code.get("X")) else x
        y = _numbers(code.get("Y"))[0] if _numbers(code.get("Y")) else y
        advances, drops = _deltas(code.get("DeltaX")), _deltas(code.get("DeltaY"))
        height = size * scale * POINTS_PER_MM
        for index, ch in enumerate(text):
            glyph = size * (1.0 if ord(ch) > 0x2E7F else 0.5)  # a Chinese character is square, a digit half
            step = advances[index] if index < len(advances) else glyph
            width = min(step, glyph) if step > 0 else step  # an advance may span a gap to the next cell
            left, baseline = _place(box, matrix, x, y)
            right, _ = _place(box, matrix, x + width, y)
            if not ch.isspace():
                chars.append(Char(ch, min(left, right), baseline - 0.88 * height, max(left, right),
                                  baseline + 0.12 * height, height))
            x += step
            y += drops[index] if index < len(drops) else 0.0
    return chars


def _edges(element: Any) -> list[dict[str, Any]]:
    """Straight segments of a path as ruling lines; a thin box (a filled bar) counts as one line."""
    box = _box(element.get("Boundary"))
    if box is None:
        return []
    matrix = _matrix(element)
    if matrix == _IDENTITY and min(box[2], box[3]) < 0.9 and max(box[2], box[3]) >= 0.7:
        left, top = box[0] * POINTS_PER_MM, box[1] * POINTS_PER_MM
        right, bottom = (box[0] + box[2]) * POINTS_PER_MM, (box[1] + box[3]) * POINTS_PER_MM
        if box[2] >= box[3]:
            middle = (top + bottom) / 2
            return [e for e in [edge(left, middle, right, middle)] if e]
        middle = (left + right) / 2
        return [e for e in [edge(middle, top, middle, bottom)] if e]
    tokens = _PATH_TOKEN.findall(next((el.text for el in element.iter("{*}AbbreviatedData")), "") or "")
    edges: list[dict[str, Any] | None] = []
    start = current = None
    index = 0
    while index < len(tokens) and len(edges) < 10_000:
        command = tokens[index]
        count = _ARGUMENTS.get(command)
        if count is None:  # a stray number: skipped
            index += 1
            continue
        values = [float(v) for v in tokens[index + 1:index + 1 + count] if not v.isalpha()]
        index += 1 + len(values)
        if len(values) < count:
            break
        if command in ("M", "S"):
            start = current = _place(box, matrix, values[0], values[1])
        elif command == "L" and current is not None:
            point = _place(box, matrix, values[0], values[1])
            edges.append(edge(current[0], current[1], point[0], point[1]))
            current = point
        elif command == "C" and current is not None and start is not None:
            edges.append(edge(current[0], current[1], start[0], start[1]))
            current = start
        elif count:
            current = _place(box, matrix, values[-2], values[-1])  # a curve or an arc ends here
    return [e for e in edges if e]
