"""Tests and benchmarks read only what the checkout holds: a fresh clone must pass on its own."""

from __future__ import annotations

import re

from tests.fixtures.reports import REPO

# A path leaving the checkout: the shared folder beside it, or anything under the repository's parent.
OUTSIDE = re.compile(r"""["'](?:\.\./)+shared|["']shared["']|REPO\.parent\b""")


def test_no_test_or_benchmark_reads_outside_the_checkout() -> None:
    offenders = []
    for folder in ("tests", "benchmarks", "docs", "desktop"):
        for path in (REPO / folder).rglob("*.py"):
            if path == REPO / "tests" / "test_self_contained.py":
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if OUTSIDE.search(line):
                    offenders.append(f"{path.relative_to(REPO)}:{number}: {line.strip()}")
    assert offenders == []


def test_every_sample_the_tests_name_is_committed() -> None:
    for name in ("samples/erkou-2023.txt", "samples/huaian-2024.pdf", "samples/template-2021.docx",
                 "spec/FORMAT.md", "spec/RULES.md", "portal/README.md"):
        assert (REPO / "tests" / "data" / name).is_file(), name
