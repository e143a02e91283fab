"""Small files built to make an importer work hard, and a runner that imports one in a fresh process and
measures its wall time and peak memory. Used by tests/io/test_hostile_inputs.py and benchmarks/fuzz_import.py.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

from tests.fixtures.reports import SAMPLES

ROOT = Path(__file__).resolve().parents[2]
MAX_SECONDS = 5.0
MAX_MEGABYTES = 500.0


def edited_template(part: str, edit: Callable[[bytes], bytes]) -> bytes:
    """The Word template with one part of its package rewritten by ``edit``."""
    source = zipfile.ZipFile(io.BytesIO((SAMPLES / "template-2021.docx").read_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            target.writestr(item, edit(data) if item.filename == part else data)
    return out.getvalue()


def deep_span_docx() -> bytes:
    """The Word template with one table's cells spanning 10^9 columns (gridSpan)."""
    return edited_template(
        "word/document.xml", lambda xml: xml.replace(b"<w:tcPr>", b'<w:tcPr><w:gridSpan w:val="1000000000"/>', 400))


def huge_grid_html(cells: int = 1500) -> bytes:
    """Cells each spanning 100 rows and 100 columns."""
    row = '<td rowspan="100" colspan="100">1</td>' * 30
    rows = "".join(f"<tr>{row}</tr>" for _ in range(cells // 30))
    return f"<html><body><p>一、总体情况</p><table>{rows}</table></body></html>".encode()


def ruled_grid_pdf(lines: int = 260) -> bytes:
    """One page ruled with a lines × lines grid, and a line of text."""
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    width = height = lines * 8 + 40  # lines 8 points apart, too far to be snapped into one
    page = canvas.Canvas(out, pagesize=(width, height))
    step_x, step_y = (width - 40) / lines, (height - 40) / lines
    for i in range(lines + 1):
        page.line(20 + i * step_x, 20, 20 + i * step_x, height - 20)
        page.line(20, 20 + i * step_y, width - 20, 20 + i * step_y)
    page.drawString(30, 30, "Report 2023 annual government information disclosure")
    page.showPage()
    page.save()
    return out.getvalue()


def row_flood_text(rows: int = 20000) -> bytes:
    """A title and a pipe table of ``rows`` rows."""
    lines = ["某某乡2023年政府信息公开工作年度报告", "一、总体情况"]
    lines += [f"| 收到申请 | {i} | {i} | 0 | 0 | 0 | 0 | {i} |" for i in range(rows)]
    return "\n".join(lines).encode()


def tag_flood_html(tags: int = 100_000) -> bytes:
    """A page of nothing but short paragraphs."""
    return ("<html><body>" + "<p>一、总体情况</p>" * tags + "</body></html>").encode()


def line_flood_text(lines: int = 100_000) -> bytes:
    """A title and a hundred thousand lines of prose."""
    return ("某某乡2023年政府信息公开工作年度报告\n" + "本年度主动公开政府信息3条，受理申请5件。\n" * lines).encode()


def _archive(body: bytes) -> bytes:
    return b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b0"\r\n\r\n' + body


def part_flood_mht(parts: int = 100_000) -> bytes:
    """A page saved as one file whose every part is a page of one character."""
    return _archive("--b0\r\nContent-Type: text/html\r\n\r\n<p>年</p>\r\n".encode() * parts)


def deep_parts_mht(depth: int = 3000) -> bytes:
    """A page saved as one file whose parts are nested ``depth`` deep."""
    nested = b"".join(b'--b%d\r\nContent-Type: multipart/related; boundary="b%d"\r\n\r\n' % (i, i + 1)
                      for i in range(depth))
    return _archive(nested + b"--b%d\r\nContent-Type: text/html\r\n\r\n<p>x</p>\r\n" % depth)


HOSTILE = {"deep-span.docx": deep_span_docx, "huge-grid.html": huge_grid_html, "ruled-grid.pdf": ruled_grid_pdf,
           "row-flood.txt": row_flood_text, "tag-flood.html": tag_flood_html, "line-flood.txt": line_flood_text,
           "part-flood.mht": part_flood_mht, "deep-parts.mht": deep_parts_mht}

_CHILD = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
from desktop.io.importing import ImportRefused, import_bytes
data = open(sys.argv[1], "rb").read()
start = time.perf_counter()
try:
    import_bytes(data, sys.argv[2])
    outcome = "imported"
except ImportRefused as refused:
    outcome = "refused: " + str(refused)
seconds = time.perf_counter() - start
try:  # this process's own peak: ru_maxrss also counts the peak of the process that started it
    status = open("/proc/self/status", encoding="ascii").read()
    peak = int(status.split("VmHWM:")[1].split()[0]) / 1024
except (OSError, IndexError, ValueError):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"outcome": outcome, "seconds": seconds, "peak_mb": peak}}))
"""


def import_measured(data: bytes, name: str, folder: Path, timeout: float = 60.0) -> dict[str, object]:
    """Import in a fresh process: the outcome, seconds spent importing and the process's peak memory (MB).
    The limit on the child's address space keeps a runaway import from taking the PC down with it."""
    path = folder / name
    path.write_bytes(data)
    done = subprocess.run([sys.executable, "-c", _CHILD.format(root=str(ROOT)), str(path), name],
                          capture_output=True, text=True, timeout=timeout, check=False)
    if done.returncode != 0:
        return {"outcome": f"crashed ({done.returncode}): {done.stderr[-500:]}", "seconds": 0.0, "peak_mb": 0.0}
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))
