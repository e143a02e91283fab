"""The narrative package and the checker import each other's parts: either may be imported first."""

from __future__ import annotations

import subprocess
import sys

import pytest

from desktop.core.checks.catalogue import RULES
from desktop.core.checks.checker import RULE_FUNCTIONS
from desktop.core.narrative.rules import NARRATIVE_RULES


@pytest.mark.parametrize("first", [
    "desktop.core.narrative.generate", "desktop.core.narrative.similarity", "desktop.core.narrative.rules_lists",
    "desktop.core.checks", "desktop.core.narrative",
])
def test_any_import_order(first: str) -> None:
    code = f"import {first}\nfrom desktop.core.checks import check\nimport desktop.core.narrative.rules"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_the_narrative_rules_are_registered_and_marked_implemented() -> None:
    assert all(rule in RULE_FUNCTIONS for rule in NARRATIVE_RULES)
    narrative_ids = [r for r in RULES if r.startswith("N-")] + ["S-02", "S-04"]
    assert all(RULES[r].implemented for r in narrative_ids)
