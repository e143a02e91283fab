"""Writes the blank register shipped in resources/templates/register.xlsx: python packaging/make_register_template.py

The template is made from the table spec (desktop/io/register_template.py); tests/io/test_register_template.py
checks that the shipped file is what this script makes."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.core.atomic_write import write_atomically  # noqa: E402
from desktop.io.register_template import build_template  # noqa: E402

TARGET = ROOT / "resources" / "templates" / "register.xlsx"

if __name__ == "__main__":
    write_atomically(TARGET, build_template())
    print(TARGET)
