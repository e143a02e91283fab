"""Edits as data. Every change to a report is an Edit: a list of (key, old, new) that can be applied
and reverted exactly. Planning an edit validates the input and adds the totals it moves, so undo never
needs to recompute anything.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from desktop.core.fields import IN_FORCE_FOLLOWS, META_BY_KEY, OPTION_MANUAL_TOTALS, PREVIOUS, TEXT_BY_KEY
from desktop.core.lastyear import following_in_force, snapshot
from desktop.core.report import IN_FORCE_KEYS, Report, parse_value
from desktop.core.table_edits import takes_typing
from desktop.core.tablespec import CELLS
from desktop.core.totals import computed_totals


@dataclass(frozen=True)
class Change:
    key: str
    old: Any
    new: Any


@dataclass(frozen=True)
class Edit:
    changes: tuple[Change, ...]
    label: str  # what the undo menu says, e.g. 修改 表三 … / 自然人

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.changes)

    def __bool__(self) -> bool:
        return bool(self.changes)


def apply(report: Report, edit: Edit) -> None:
    for change in edit.changes:
        report.put(change.key, change.new)


def revert(report: Report, edit: Edit) -> None:
    for change in reversed(edit.changes):
        report.put(change.key, change.old)


def _derived(report: Report, new_values: dict[str, Any], manual: bool) -> dict[str, Any]:
    """New values plus every 现行有效件数 that follows 制发 and 废止 and, in automatic mode, every total
    they move. A 现行有效件数 the clerk types stops following, in the same step."""
    if not any(k in CELLS for k in new_values):
        return new_values
    merged = dict(new_values)
    typed = [k for k in IN_FORCE_KEYS if k in new_values and k in report.in_force_follows]
    if typed:
        merged[IN_FORCE_FOLLOWS] = tuple(k for k in report.in_force_follows if k not in typed)
    cells = dict(report.cells)
    cells.update({k: v for k, v in new_values.items() if k in CELLS})
    merged.update({k: v for k, v in following_in_force(report, cells).items() if k not in new_values})
    if not manual:
        cells.update({k: v for k, v in merged.items() if k in CELLS})
        merged.update(computed_totals(cells))
    return merged


def _edit(report: Report, values: dict[str, Any], label: str) -> Edit:
    changes = tuple(Change(k, report.get(k), v) for k, v in values.items() if report.get(k) != v)
    return Edit(changes, label)


def plan_set(report: Report, key: str, raw: Any) -> Edit:
    """One typed value. Raises InvalidValue, leaving the report untouched."""
    return plan_many(report, [(key, raw)], label=f"修改 {_name(key)}")


def plan_many(report: Report, items: Iterable[tuple[str, Any]], label: str = "粘贴") -> Edit:
    """Several values as one step (a paste). One invalid value refuses the whole edit."""
    values = {key: parse_value(key, raw) for key, raw in items}
    manual = values.get(OPTION_MANUAL_TOTALS, report.manual_totals)
    values = {k: v for k, v in values.items() if k not in CELLS or takes_typing(k, manual)}
    return _edit(report, _derived(report, values, manual), label)


def plan_manual_totals(report: Report, manual: bool) -> Edit:
    """Switching back to automatic totals recomputes them in the same undoable step."""
    values: dict[str, Any] = {OPTION_MANUAL_TOTALS: manual}
    if not manual:
        values.update(computed_totals(report.cells))
    return _edit(report, values, "手工填写合计" if manual else "自动计算合计")


def plan_link_previous(report: Report, last_year: Report) -> Edit:
    """Last year's values kept in this report for the carry-over rules, as one undoable step."""
    return _edit(report, {PREVIOUS: snapshot(last_year)}, "关联上年度报告")


def _name(key: str) -> str:
    if key in CELLS:
        return CELLS[key].label
    if key in TEXT_BY_KEY:
        return TEXT_BY_KEY[key].label
    if key in META_BY_KEY:
        return META_BY_KEY[key].label
    return key
