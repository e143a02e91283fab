"""The checker: rules over a report, giving findings in plain Chinese."""

from desktop.core.checks.checker import check
from desktop.core.checks.findings import Finding, Fix, Severity

__all__ = ["check", "Finding", "Fix", "Severity"]
