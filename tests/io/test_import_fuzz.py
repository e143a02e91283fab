"""Mutated samples and random bytes: an import either succeeds or is refused with a message."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.io.importing import ImportRefused, import_bytes, import_text
from tests.fixtures.reports import SAMPLES

ERKOU = (SAMPLES / "erkou-2023.txt").read_text(encoding="utf-8")
PORTAL = (Path(__file__).parent / "corpus" / "portal-page.html").read_text(encoding="utf-8")
PDF = (SAMPLES / "huaian-2024.pdf").read_bytes()
DOCX = (SAMPLES / "template-2021.docx").read_bytes()
FAST = settings(deadline=None, max_examples=100, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(deadline=None, max_examples=10, suppress_health_check=[HealthCheck.too_slow])
NOISE_CHARS = list("0123456789|/ \n\t-（）()、.，一二三四五六七总计其他<>\"=td")
NOISE = st.text(alphabet=st.sampled_from(NOISE_CHARS), max_size=40)


def _survives(run) -> None:  # type: ignore[no-untyped-def]
    try:
        result = run()
    except ImportRefused as refused:
        assert str(refused)
        return
    assert result.account and result.report.manual_totals


@st.composite
def edited(draw, text: str) -> str:  # type: ignore[no-untyped-def]
    """A text with a few slices deleted, duplicated or overwritten, and lines shuffled."""
    for _ in range(draw(st.integers(1, 6))):
        if not text:
            break
        start = draw(st.integers(0, len(text) - 1))
        end = min(len(text), start + draw(st.integers(0, 400)))
        action = draw(st.sampled_from(["delete", "duplicate", "noise", "swap_lines"]))
        if action == "delete":
            text = text[:start] + text[end:]
        elif action == "duplicate":
            text = text[:end] + text[start:end] + text[end:]
        elif action == "noise":
            text = text[:start] + draw(NOISE) + text[end:]
        else:
            lines = text.split("\n")
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
    return text


@FAST
@given(st.binary(max_size=3000))
def test_random_bytes(data: bytes) -> None:
    _survives(lambda: import_bytes(data, "x"))


@FAST
@given(edited(ERKOU))
def test_mutated_portal_text(text: str) -> None:
    _survives(lambda: import_text(text, "erkou.txt"))


@FAST
@given(edited(PORTAL))
def test_mutated_html(text: str) -> None:
    _survives(lambda: import_text(text, "page.html"))


@SLOW
@given(st.lists(st.tuples(st.integers(0, len(PDF) - 1), st.integers(0, 255)), min_size=1, max_size=30))
def test_mutated_pdf(flips: list[tuple[int, int]]) -> None:
    data = bytearray(PDF)
    for position, value in flips:
        data[position] = value
    _survives(lambda: import_bytes(bytes(data), "huaian.pdf"))


@SLOW
@given(st.integers(0, len(PDF)))
def test_truncated_pdf(length: int) -> None:
    _survives(lambda: import_bytes(PDF[:length], "huaian.pdf"))


def _with_document_xml(xml: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(DOCX))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, xml if item.filename == "word/document.xml" else source.read(item))
    return buffer.getvalue()


DOCUMENT_XML = zipfile.ZipFile(io.BytesIO(DOCX)).read("word/document.xml").decode("utf-8")


@settings(deadline=None, max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(edited(DOCUMENT_XML))
def test_mutated_word_xml(xml: str) -> None:
    _survives(lambda: import_bytes(_with_document_xml(xml.encode("utf-8")), "report.docx"))


@settings(deadline=None, max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(DOCX) - 1), st.integers(0, 255)), min_size=1, max_size=10))
def test_mutated_word_bytes(flips: list[tuple[int, int]]) -> None:
    data = bytearray(DOCX)
    for position, value in flips:
        data[position] = value
    _survives(lambda: import_bytes(bytes(data), "report.docx"))
