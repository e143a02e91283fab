"""Portals and mirror sites serve, and clerks save, only the beginning of a page. Cut anywhere, and above
all right after a digit (inside a number, or after the numeral of a row label), a page imports with the
cells before the cut as printed and the rest blank: never a cut number, never a value shifted into the
next cell."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.checks import Severity, check
from desktop.core.values import parse_cell
from desktop.io.importing import import_text

CORPUS = Path(__file__).parent / "corpus"
VARIANTS = CORPUS / "variants"


def _cells(expected: Path, name: str | None = None) -> dict[str, object]:
    data = json.loads(expected.read_text(encoding="utf-8"))
    return {key: parse_cell(key, value) for key, value in (data[name] if name else data)["cells"].items()}


CELLS = _cells(CORPUS / "expected.json")
PAGES = {name: (CORPUS / name, CELLS) for name in [
    "pipes.txt", "one-cell-per-line-pipes.txt", "one-cell-per-line-separated-pipes.txt", "one-cell-per-paragraph.txt",
    "traditional-mirror.txt", "one-cell-per-line.txt", "portal-page.html"]}
# web pages saved in part: Word's, a CMS's with 「&nbsp;」 and <strong>, an old one with <TD> left open
PAGES.update({name: (VARIANTS / name, _cells(VARIANTS / "expected.json", name)) for name in [
    "h01_word15.html", "h04_cms_th_nbsp_thousands.html", "h07_old_uppercase_unclosed.html"]})
CUTS_PER_PAGE = 80
# What a cut rightly leaves: blank cells (a blank is no 0) and the sections after the cut missing.
RULES_OF_A_CUT = {"T2-01", "T3-04", "T4-02", "S-01", "S-03", "S-05"}


def _after_digits(text: str) -> list[int]:
    """Offsets right after a digit, spread evenly over the page's tables; in a web page also inside the tag
    after a digit (Word puts the digits of one number in runs of their own: 「<span>2</span><span>0」)."""
    offsets = [i + 1 for i, ch in enumerate(text) if ch.isdigit() and i > text.find("二、")]
    offsets += [i + inside for i, ch in enumerate(text) if ch == "<" and text[i - 1].isdigit() and i > text.find("二、")
                for inside in (1, 2, 4, 12, 30) if ">" not in text[i:i + inside]]
    offsets.sort()
    step = max(1, len(offsets) // CUTS_PER_PAGE)
    return offsets[::step]


@pytest.mark.parametrize("name", sorted(PAGES))
def test_a_page_cut_after_any_digit_keeps_only_true_values(name: str) -> None:
    path, cells = PAGES[name]
    text = path.read_text(encoding="utf-8")
    for at in _after_digits(text):
        report = import_text(text[:at], name).report
        wrong = {key: (value, cells[key]) for key, value in report.cells.items()
                 if value is not None and value != cells[key]}
        assert wrong == {}, f"cut after 「{text[max(0, at - 12):at]}」 (offset {at})"
        errors = {f.rule for f in check(report) if f.severity is Severity.ERROR}
        assert errors <= RULES_OF_A_CUT, f"cut after 「{text[max(0, at - 12):at]}」: {errors - RULES_OF_A_CUT}"
