"""Rules over the table values that are not plain cross-sums."""

from __future__ import annotations

from decimal import Decimal

from desktop.core.checks.context import CheckContext
from desktop.core.checks.findings import Finding, Fix, Severity
from desktop.core.fields import IN_FORCE_ROWS, Level
from desktop.core.table_edits import takes_typing
from desktop.core.tablespec import CELLS, T2, T3, T4, cell_key, column_label, row_label

E, W = Severity.ERROR, Severity.WARNING


def blanks(ctx: CheckContext) -> list[Finding]:
    """T2-01, T3-04, T4-02: a blank is not 0. One finding per table, with 空白填0 as its fix: a new report
    has 199 blank cells, and one line per row would bury the real inconsistencies."""
    report = ctx.report
    found = []
    for table, rule in ((T2, "T2-01"), (T3, "T3-04"), (T4, "T4-02")):
        keys = tuple(spec.key for spec in table.cells if report.cells[spec.key] is None)
        if not keys:
            continue
        where = CELLS[keys[0]].label if len(keys) == 1 else f"表{table.number}有{len(keys)}个单元格"
        fillable = tuple((key, 0) for key in keys if takes_typing(key, report.manual_totals))
        fix = Fix(f"空白填0（表{table.number}）", fillable) if fillable else None
        found.append(Finding(rule, E, keys, f"{where}未填写：空白不等于0，没有发生请填0", fix))
    return found


BLANK_RULES = frozenset({"T2-01", "T3-04", "T4-02"})


def regulations_power(ctx: CheckContext) -> list[Finding]:
    """T2-02."""
    power = ctx.report.meta.level.makes_rules
    if power is True:
        return []
    keys = tuple(s.key for s in T2.cells if s.row == "regulations")
    cells = ctx.report.cells
    nonzero = [k for k in keys if cells[k]]
    if not nonzero:
        return []
    level = ctx.report.meta.level.label
    if power is False:
        msg = f"{level}没有规章制定权（立法法），表二“规章”各项应为0"
        return [Finding("T2-02", E, keys, msg, Fix("将规章各项改为0", tuple((k, 0) for k in nonzero)))]
    msg = f"{level}一般不制定规章，请核实表二“规章”各项（本级政府制定的规章不由部门填报）"
    return [Finding("T2-02", W, keys, msg)]


def in_force_continuity(ctx: CheckContext) -> list[Finding]:
    """T2-03 (needs last year) and T2-04."""
    cells = ctx.report.cells
    found = []
    for row in IN_FORCE_ROWS:
        label = row_label("t2", row)
        keys = tuple(cell_key("t2", row, c) for c in ("issued", "repealed", "in_force"))
        issued, repealed, in_force = (cells[k] for k in keys)
        if ctx.previous is not None and None not in (issued, repealed, in_force):
            last = ctx.previous.cells.get(cell_key("t2", row, "in_force"))
            if last is not None:
                expected = last + issued - repealed  # type: ignore[operator]
                if expected != in_force:
                    msg = (f"表二 {label}：上年现行有效{last}件＋本年制发{issued}件－本年废止{repealed}件"
                           f"＝{expected}件，但现行有效件数填的是{in_force}件")
                    found.append(Finding("T2-03", W, keys, msg, focus=keys[2]))
        if repealed == 0 and issued is not None and in_force is not None and in_force < issued:
            msg = (f"表二 {label}：本年未废止，{column_label('t2', 'in_force')}({in_force})"
                   f"不应少于{column_label('t2', 'issued')}({issued})")
            found.append(Finding("T2-04", W, keys, msg))
    return found


# Fees above these amounts (万元) are implausible for the level and usually 元 typed as 万元.
FEE_LIMITS: dict[Level, Decimal] = {
    Level.TOWNSHIP: Decimal(5_000),
    Level.COUNTY_DEPT: Decimal(50_000),
    Level.COUNTY_GOV: Decimal(200_000),
    Level.CITY_DEPT: Decimal(500_000),
    Level.CITY_GOV: Decimal(2_000_000),
    Level.PROVINCE_DEPT: Decimal(5_000_000),
    Level.PROVINCE_GOV: Decimal(20_000_000),
    Level.STATE_DEPT: Decimal(50_000_000),
}


def fee_units(ctx: CheckContext) -> list[Finding]:
    """T2-05."""
    fee = ctx.report.cells["t2.fees.amount"]
    if fee is None:
        return []
    fee = Decimal(fee)
    key = ("t2.fees.amount",)
    exponent = fee.normalize().as_tuple().exponent  # 1.500000 has one decimal, as the editor shows it
    if isinstance(exponent, int) and -exponent > 4:
        return [Finding("T2-05", W, key, f"收费金额{fee}万元的小数超过4位（精确到0.01元以下），疑似以元填作万元")]
    limit = FEE_LIMITS[ctx.report.meta.level]
    if fee > limit:
        return [Finding("T2-05", W, key,
                        f"收费金额{fee}万元对{ctx.report.meta.level.label}而言过大，请确认单位是万元而不是元")]
    return []


def trial_format(ctx: CheckContext) -> list[Finding]:
    """T2-06, from what the importer found."""
    headers = ctx.report.provenance.trial_2019_headers
    if not headers:
        return []
    shown = "、".join(headers[:4])
    msg = f"表格使用了2019年试行格式（{shown}），应改用2021年格式（国办公开办函〔2021〕30号）"
    return [Finding("T2-06", E, tuple(s.key for s in T2.cells), msg)]


def carried_in_matches_last_year(ctx: CheckContext) -> list[Finding]:
    """T3-05."""
    if ctx.previous is None:
        return []
    cells = ctx.report.cells
    found = []
    for column in T3.columns:
        col_label = column.label
        last = ctx.previous.cells.get(cell_key("t3", "carried_out", column))
        key = cell_key("t3", "carried_in", column)
        now = cells[key]
        if last is None or now == last:
            continue
        shown = "空白" if now is None else str(now)
        carried_out = T3.row("carried_out").short
        msg = f"上年结转({shown})应等于{ctx.previous.year}年报告的{carried_out}({last})：{col_label}列"
        found.append(Finding("T3-05", E, (key,), msg, Fix(f"将上年结转改为{last}", ((key, last),))))
    return found


def carried_out_bound(ctx: CheckContext) -> list[Finding]:
    """T3-06."""
    cells = ctx.report.cells
    found = []
    for column in T3.columns:
        col_label = column.label
        keys = tuple(cell_key("t3", row, column) for row in ("carried_out", "new", "carried_in"))
        out, new, carried_in = (cells[k] for k in keys)
        if None in (new, carried_in, out) or out <= new + carried_in:  # type: ignore[operator]
            continue
        msg = f"结转下年度({out})不能多于本年新收与上年结转之和({new + carried_in})：{col_label}列"  # type: ignore[operator]
        found.append(Finding("T3-06", E, keys, msg))
    return found


# Groups compared year on year: single rows and result groups, in the 总计 column.
_YEAR_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (T3.row("new").label, ("new",)),
    *((group.label, group.rows) for group in T3.groups),
    (T3.row("total").label, ("total",)),
)


def year_on_year(ctx: CheckContext) -> list[Finding]:
    """T3-07: more than 5 times and more than 10 cases up or down."""
    if ctx.previous is None:
        return []
    cells, last_cells = ctx.report.cells, ctx.previous.cells
    found = []
    for label, rows in _YEAR_GROUPS:
        keys = tuple(cell_key("t3", r, "total") for r in rows)
        now_values = [cells[k] for k in keys]
        last_values = [last_cells.get(k) for k in keys]
        if None in now_values or None in last_values:
            continue
        now, last = sum(now_values), sum(last_values)  # type: ignore[arg-type]
        if abs(now - last) > 10 and max(now, last) > 5 * min(now, last):
            msg = f"{label}：本年{now}件，上年{last}件，变化超过5倍，请核实"
            found.append(Finding("T3-07", W, keys, msg))
    return found


_FEE_NOTICE_WORDS = ("收费通知", "缴纳", "缴费", "未缴")


def unpaid_fee_notices(ctx: CheckContext) -> list[Finding]:
    """T3-08."""
    unpaid = ctx.report.cells["t3.other_2.total"]
    if not unpaid:
        return []
    s6 = ctx.report.text["text.s6"]
    if any(word in s6 for word in _FEE_NOTICE_WORDS):
        return []
    msg = f"表三有{unpaid}件申请因逾期未缴纳费用而不再处理，第六部分却未说明收费通知及缴费情况"
    return [Finding("T3-08", W, ("t3.other_2.total", "text.s6"), msg)]


def review_before_suit(ctx: CheckContext) -> list[Finding]:
    """T4-03."""
    cells = ctx.report.cells
    after, review = cells["t4.suit_after_review.total"], cells["t4.review.total"]
    if after and review == 0:
        msg = (f"有复议后起诉的案件({after}件)，但本年行政复议总计为0；"
               "如复议发生在以前年度可以忽略")
        return [Finding("T4-03", W, ("t4.suit_after_review.total", "t4.review.total"), msg)]
    return []


def pending_cases_reappear(ctx: CheckContext) -> list[Finding]:
    """T4-04: last year's pending cases are decided or still pending this year."""
    if ctx.previous is None:
        return []
    cells = ctx.report.cells
    found = []
    for group in T4.rows:
        group_label = group.printed
        last_pending = ctx.previous.cells.get(cell_key("t4", group, "pending"))
        if not last_pending:
            continue
        keys = CELLS[cell_key("t4", group, "total")].parts
        values = [cells[k] for k in keys]
        if None in values:
            continue
        if sum(values) < last_pending:  # type: ignore[arg-type]
            msg = (f"{group_label}：上年有{last_pending}件尚未审结，本年结果与尚未审结合计只有{sum(values)}件，"  # type: ignore[arg-type]
                   "上年未结案件应在本年有结果或仍列为尚未审结")
            found.append(Finding("T4-04", W, keys, msg))
    return found


TABLE_RULES = (
    blanks, regulations_power, in_force_continuity, fee_units, trial_format,
    carried_in_matches_last_year, carried_out_bound, year_on_year, unpaid_fee_notices,
    review_before_suit, pending_cases_reappear,
)
