"""The township report of the import corpus (tests/io/corpus/expected.json): its cells and texts, which every
flattening of it in the corpus must import to."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.core.values import parse_cell

CORPUS = Path(__file__).parent / "corpus"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
CELLS = {key: parse_cell(key, value) for key, value in EXPECTED["cells"].items()}


def corpus_page(name: str) -> str:
    return (CORPUS / name).read_text(encoding="utf-8")
