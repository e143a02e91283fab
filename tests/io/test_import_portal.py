"""Each real page in tests/data/portal imports with the values, year, agency and findings its README
gives (read by hand from the page)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

import pytest

from desktop.core.checks import Severity, check
from desktop.core.values import parse_cell
from desktop.io.importing import ImportResult, import_file
from tests.fixtures.reports import PORTAL


@dataclass
class Page:
    name: str
    report: dict[str, Any]
    reported: list[str] = field(default_factory=list)
    not_errors: list[str] = field(default_factory=list)
    cells: dict[str, list[Any]] = field(default_factory=dict)  # key → the values accepted


def _rules(section: str, heading: str) -> list[str]:
    match = re.search(rf"^- {heading}: (.+)$", section, re.M)
    return [rule.strip() for rule in match.group(1).split(",")] if match else []


def _accepted(key: str, text: str) -> list[Any]:
    """「(blank)」, a value, or 「[1, None]」 for either."""
    if text == "(blank)":
        return [None]
    if text.startswith("["):
        return [None if part.strip() == "None" else parse_cell(key, part.strip()) for part in text[1:-1].split(",")]
    return [parse_cell(key, text)]


def pages() -> list[Page]:
    readme = (PORTAL / "README.md").read_text(encoding="utf-8")
    found = []
    for section in re.split(r"^## ", readme, flags=re.M)[1:]:
        name = re.match(r"`([^`]+)`", section).group(1)  # type: ignore[union-attr]
        page = Page(name, json.loads(re.search(r"^- report: (\{.*\})$", section, re.M).group(1)),  # type: ignore[union-attr]
                    _rules(section, "rules that must be reported"),
                    _rules(section, "rules that must not be reported as errors"))
        block = re.search(r"```\n(.*?)```", section, re.S)
        for line in (block.group(1).strip().split("\n") if block else []):
            key, _, value = (part.strip() for part in line.partition("="))
            page.cells[key] = _accepted(key, value)
        found.append(page)
    return found


PAGES = pages()


def test_the_readme_lists_every_page() -> None:
    assert sorted(p.name for p in PAGES) == sorted(p.name for p in PORTAL.glob("*.txt"))
    assert len(PAGES) == 6


@pytest.fixture(scope="module")
def imported() -> dict[str, ImportResult]:
    return {page.name: import_file(PORTAL / page.name) for page in PAGES}


@pytest.mark.parametrize("page", PAGES, ids=[p.name[:2] for p in PAGES])
def test_page_imports_as_read_by_hand(page: Page, imported: dict[str, ImportResult]) -> None:
    result = imported[page.name]
    report = result.report
    wrong = {key: report.cells[key] for key, accepted in page.cells.items() if report.cells[key] not in accepted}
    assert wrong == {}
    assert report.meta.year == page.report["year"]
    assert "year" not in result.missing
    for part in page.report.get("agency_contains", []):
        assert part in report.meta.agency
    if "level" in page.report:
        assert report.meta.level.value == page.report["level"] and "level" not in result.missing
    if "date" in page.report:
        assert str(report.meta.date) == page.report["date"]


@pytest.mark.parametrize("page", PAGES, ids=[p.name[:2] for p in PAGES])
def test_page_findings(page: Page, imported: dict[str, ImportResult]) -> None:
    findings = check(imported[page.name].report)
    rules = {f.rule for f in findings}
    errors = {f.rule for f in findings if f.severity is Severity.ERROR}
    assert set(page.reported) <= rules
    assert errors.isdisjoint(page.not_errors)
