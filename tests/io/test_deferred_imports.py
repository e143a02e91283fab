"""reportlab's URL pattern and Pillow are loaded only when used, and work as they would have then."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from desktop.io.pdf.deferred import URI_PATTERN_START, LazyPattern
from tests.fixtures.reports import REPO

PROBE = """
import io, json, re, sys
compile_before = re.compile
import desktop.io.pdf
from reportlab.platypus import paragraph
pattern = paragraph.uri_pat
seen = {
    "restored": re.compile is compile_before,
    "lazy": type(pattern).__name__,
    "compiled_at_import": pattern._compiled is not None,
    "pairs": paragraph._uri_split_pairs("https://www.gov.cn/zhengce/content/2021.htm"),
    "rejected": paragraph._uri_split_pairs("一、总体情况"),
    "other_patterns": type(paragraph._hy_letters_pat).__name__,
    "pillow_ran": "PIL.ExifTags" in sys.modules,
}
from PIL import Image
from reportlab.lib.utils import ImageReader
picture = io.BytesIO()
Image.new("RGB", (3, 2), "red").save(picture, "PNG")
picture.seek(0)
seen["picture_size"] = ImageReader(picture).getSize()
seen["pillow_module"] = type(sys.modules["PIL.Image"]).__name__
print(json.dumps(seen))
"""


def test_importing_the_exporter_defers_the_url_pattern_and_pillow_which_work_once_used() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], check=True, capture_output=True, text=True, cwd=REPO)
    seen = json.loads(out.stdout)
    assert seen["restored"] and seen["lazy"] == "LazyPattern" and not seen["compiled_at_import"]
    assert seen["other_patterns"] == "Pattern"
    assert seen["pairs"][0] == ["https://www.gov.cn/zhengce/content/", "2021.htm"]
    assert seen["pairs"][-1] == ["https://", "www.gov.cn/zhengce/content/2021.htm"]
    assert seen["rejected"] is None
    assert not seen["pillow_ran"]
    assert seen["picture_size"] == [3, 2] and seen["pillow_module"] == "module"


def test_a_lazy_pattern_is_the_compiled_one_once_used() -> None:
    source = URI_PATTERN_START + r"\S+\Z"
    lazy = LazyPattern(source, re.I)
    assert lazy._compiled is None
    assert lazy.match("HTTPS://x.gov.cn") is not None and lazy.match("无") is None
    assert lazy.pattern == source and lazy.flags & re.I
    assert lazy._compiled is re.compile(source, re.I)
