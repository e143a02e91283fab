"""Totals computed from their parts, for the editor's automatic mode.

``nianbao set`` never calls this: a script can reproduce a published table, mistakes included.
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop.core.tablespec import TOTALS_IN_ORDER
from desktop.core.values import CellValue


def computed_totals(cells: Mapping[str, CellValue]) -> dict[str, CellValue]:
    """Every total cell as its parts add up. Blank parts are skipped; all-blank parts give a blank."""
    values = dict(cells)
    result: dict[str, CellValue] = {}
    for spec in TOTALS_IN_ORDER:
        parts = [values[p] for p in spec.parts if values[p] is not None]
        total = sum(parts) if parts else None  # type: ignore[arg-type]
        values[spec.key] = total
        result[spec.key] = total
    return result
