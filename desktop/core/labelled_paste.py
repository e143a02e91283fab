"""A block copied with its row labels (from WPS, Excel or a published report) lands by those labels, not
by where the cursor happens to be. A block one column off would otherwise balance and still be wrong."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from desktop.core.grid import LabelRole, TableSpec

_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d+[、.．])")
_DROP = re.compile(r"[\s\"“”‘’'（）()、，,。.．:：;；]+")
_VALUE = re.compile(r"^[\d.,，]*$")


def fold(label: str) -> str:
    """A label as compared: half-width, without numbering, spaces or punctuation."""
    text = unicodedata.normalize("NFKC", label).strip()
    return _DROP.sub("", _NUMBERING.sub("", text))


def _is_value(cell: str) -> bool:
    return bool(_VALUE.match(unicodedata.normalize("NFKC", cell).strip()))


@dataclass(frozen=True)
class SpecRow:
    labels: tuple[str, ...]  # folded, outermost first
    keys: tuple[str, ...]  # value cells, left to right


def spec_rows(spec: TableSpec) -> list[SpecRow]:
    keyed: dict[int, list[tuple[int, str]]] = {}
    for placed in spec.placed:
        if placed.key:
            keyed.setdefault(placed.row, []).append((placed.col, placed.key))
    rows = []
    for row, cells in sorted(keyed.items()):
        labels = sorted((p.col, fold(p.text or "")) for p in spec.placed
                        if p.role is LabelRole.ROW and p.row <= row < p.row + p.rowspan)
        if labels:
            rows.append(SpecRow(tuple(text for _, text in labels), tuple(key for _, key in sorted(cells))))
    return rows


@dataclass
class LabelledPlan:
    items: list[tuple[str, str]] = field(default_factory=list)
    placed_rows: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)  # labelled rows that fit no row of the table
    misfit: list[str] = field(default_factory=list)  # rows whose count of values differs from the table's


def plan_by_labels(spec: TableSpec, block: list[list[str]]) -> LabelledPlan | None:
    """None when the block carries no row label of this table: then it lands where the cursor is."""
    rows = spec_rows(spec)
    by_inner: dict[str, list[SpecRow]] = {}
    for row in rows:
        by_inner.setdefault(row.labels[-1], []).append(row)
    plan = LabelledPlan()
    for cells in block:
        split = next((i for i, c in enumerate(cells) if c.strip() and _is_value(c)), len(cells))
        label_cells = [c for c in cells[:split] if c.strip()]
        if not label_cells:
            continue
        target = _match(label_cells, by_inner, rows)
        shown = label_cells[-1].strip()
        if target is None:
            plan.unmatched.append(shown)
            continue
        values = cells[split:]
        while len(values) > len(target.keys) and not values[-1].strip():
            values = values[:-1]
        if len(values) != len(target.keys):
            plan.misfit.append(f"{shown}（{len(values)}个数，表中为{len(target.keys)}格）")
            continue
        plan.items += list(zip(target.keys, values, strict=True))
        plan.placed_rows.append(shown)
    return plan if plan.placed_rows or plan.misfit else None


def _match(label_cells: list[str], by_inner: dict[str, list[SpecRow]], rows: list[SpecRow]) -> SpecRow | None:
    inner = by_inner.get(fold(label_cells[-1]), [])
    if len(inner) == 1:
        return inner[0]
    joined = "".join(fold(c) for c in label_cells)
    whole = [r for r in rows if "".join(r.labels).endswith(joined) or joined.endswith("".join(r.labels))]
    return whole[0] if len(whole) == 1 else None
