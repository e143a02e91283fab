"""The cross-sums (勾稽关系) as data: each says that two sums of cells are equal.

They are derived from the table spec, so a total the spec declares is always checked.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.checks.findings import Finding, Fix, Severity
from desktop.core.tablespec import CELLS, T3, T4, cell_key, row_label
from desktop.core.values import CellValue


@dataclass(frozen=True)
class Equation:
    rule: str
    left: tuple[str, ...]
    right: tuple[str, ...]
    left_name: str
    right_name: str
    where: str  # the column or row it is about

    def evaluate(self, cells: dict[str, CellValue]) -> Finding | None:
        """A finding when both sides are filled in and differ. Blank cells are T3-04/T4-02's business."""
        left = right = 0
        for k in self.left:
            v = cells[k]
            if v is None:
                return None
            left += v  # type: ignore[assignment]
        for k in self.right:
            v = cells[k]
            if v is None:
                return None
            right += v  # type: ignore[assignment]
        if left == right:
            return None
        fix = None
        if len(self.left) == 1:
            fix = Fix(f"将{self.left_name}改为{right}", ((self.left[0], right),))
        message = f"{self.left_name}({left})应等于{self.right_name}({right})：{self.where}"
        return Finding(self.rule, Severity.ERROR, self.left + self.right, message, fix,
                       focus=self._focus(cells, left > right))

    def _focus(self, cells: dict[str, CellValue], left_heavier: bool) -> str:
        """The figure to look at first: a one-cell total, or else the largest figure of the heavier side
        (结转下年度 2 where nothing was received is what makes 「新收加结转」 fall short)."""
        if len(self.left) == 1:
            return self.left[0]
        side = self.left if left_heavier else self.right
        return max(side, key=lambda k: cells[k])  # type: ignore[arg-type, return-value]


def _t3_equations() -> list[Equation]:
    rows = tuple(row.key for row in T3.rows)
    results = tuple(row.key for row in T3.rows if row.group is not None)
    equations = []
    for column in T3.columns:
        equations.append(Equation(
            "T3-01", tuple(cell_key("t3", r, column) for r in ("new", "carried_in")),
            tuple(cell_key("t3", r, column) for r in ("total", "carried_out")),
            "第一项加第二项之和", "第三项加第四项之和", f"表三 {column.label}列",
        ))
    for column in T3.columns:
        equations.append(Equation(
            "T3-02", (cell_key("t3", "total", column),), tuple(cell_key("t3", r, column) for r in results),
            row_label("t3", "total"), "各项办理结果之和", f"表三 {column.label}列",
        ))
    for row in rows:
        spec = CELLS[cell_key("t3", row, "total")]
        equations.append(Equation(
            "T3-03", (spec.key,), spec.parts, "总计", "各类申请人之和", f"表三 {spec.row_label}",
        ))
    return equations


def _t4_equations() -> list[Equation]:
    part_names = "、".join(item.label for item in T4.columns if item.key != "total")
    equations = []
    for group in T4.rows:
        spec = CELLS[cell_key("t4", group, "total")]
        equations.append(
            Equation("T4-01", (spec.key,), spec.parts, "总计", f"{part_names}之和", f"表四 {spec.row_label}")
        )
    return equations


EQUATIONS: tuple[Equation, ...] = tuple(_t3_equations() + _t4_equations())


def check_equations(cells: dict[str, CellValue]) -> list[Finding]:
    found = []
    for equation in EQUATIONS:
        finding = equation.evaluate(cells)
        if finding is not None:
            found.append(finding)
    return found
