"""What a rule reports: a finding with its rule id, the cells involved and, where unambiguous, a fix."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        return {"error": "错误", "warning": "警告", "info": "提示"}[self.value]

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True)
class Fix:
    """A suggested correction: the label on the button and the values it sets."""

    label: str
    values: tuple[tuple[str, Any], ...]

    def as_json(self) -> dict[str, Any]:
        return {"label": self.label, "values": {k: str(v) for k, v in self.values}}


@dataclass(frozen=True)
class TextSpan:
    """Characters of a text field that a finding is about."""

    key: str
    start: int
    end: int


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    cells: tuple[str, ...]
    message: str
    fix: Fix | None = None
    spans: tuple[TextSpan, ...] = field(default=())
    focus: str | None = None  # the cell holding the disagreeing figure, shown first; default the first cell
    table_fix: Fix | None = None  # text against table: correcting the table instead (``fix`` corrects the text)

    @property
    def shown_cell(self) -> str | None:
        return self.focus if self.focus is not None else next(iter(self.cells), None)

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity.value,
            "cells": list(self.cells),
            "message": self.message,
        }
        if self.spans:
            data["spans"] = [{"key": s.key, "start": s.start, "end": s.end} for s in self.spans]
        if self.fix is not None:
            data["fix"] = self.fix.as_json()
        if self.table_fix is not None:
            data["table_fix"] = self.table_fix.as_json()
        return data
