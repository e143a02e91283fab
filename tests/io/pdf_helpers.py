"""Reading an exported PDF back: its text in drawing order, its fonts, and its pages as pixels."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path
from typing import Any

import pypdf
from PIL import Image


def reader(data: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(data))


def page_fragments(data: bytes) -> list[list[str]]:
    """Each page's text pieces in the order they are drawn; a cell's wrapped lines stay together."""
    pages = []
    for page in reader(data).pages:
        pieces: list[str] = []

        def visit(text: str, *_: Any, pieces: list[str] = pieces) -> None:
            if text.strip():
                pieces.append(text.strip())

        page.extract_text(visitor_text=visit)
        pages.append(pieces)
    return pages


def joined(fragments: list[str]) -> str:
    """Text with all white space removed, so that a label wrapped onto two lines reads whole."""
    return "".join("".join(fragments).split())


def font_problems(data: bytes) -> list[str]:
    """Fonts used on any page that are not embedded TrueType (FontFile2)."""
    problems = []
    for number, page in enumerate(reader(data).pages, 1):
        fonts = page.get("/Resources", {}).get("/Font", {})
        for key, ref in fonts.items():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            if descriptor is None or "/FontFile2" not in descriptor.get_object():
                problems.append(f"page {number} {key} {font.get('/BaseFont')}")
    return problems


def render(pdf: Path, folder: Path, dpi: int) -> list[Image.Image]:
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(folder / "page")], check=True)
    return [Image.open(p).convert("L") for p in sorted(folder.glob("page-*.png"))]


def dark_pixels(image: Image.Image, box: tuple[int, int, int, int]) -> int:
    """How many pixels in the box are darker than mid-grey."""
    region = image.crop(box).point(lambda v: 255 if v < 128 else 0)
    return sum(region.histogram()[128:])


def horizontal_rules(image: Image.Image, min_length: int) -> int:
    """Pixel rows with an unbroken dark run at least ``min_length`` long: the borders of a table."""
    width, height = image.size
    pixels = image.load()
    rules, previous = 0, False
    for y in range(height):
        run = longest = 0
        for x in range(width):
            run = run + 1 if pixels[x, y] < 128 else 0
            longest = max(longest, run)
        found = longest >= min_length
        rules += found and not previous
        previous = found
    return rules
