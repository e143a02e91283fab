"""A value the clerk typed that a cell refused stays on screen, marked; it is also a finding, so that
the problems panel, the tab titles and the export question all count it until it is corrected."""

from __future__ import annotations

from collections.abc import Mapping

from desktop.core.checks.findings import Finding, Severity

RULE = "X-01"


def rejected_input(rejected: Mapping[str, tuple[str, str]]) -> list[Finding]:
    return [Finding(RULE, Severity.ERROR, (key,), f"输入的“{typed}”未被接受。{reason}。请改正，或按Esc恢复原值")
            for key, (typed, reason) in rejected.items()]
