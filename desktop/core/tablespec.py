"""The three official tables of the 2021 format (国办公开办函〔2021〕30号), written once.

Labels are statutory text and are reproduced exactly. The editor, the checker, the importers and the
exporters all read these objects; nothing else spells a label or a merge.
"""

from __future__ import annotations

import re

from desktop.core.grid import CellSpec, LabelRole, Placed, TableSpec, ValueKind

# ---------------------------------------------------------------- table 二

T2_TITLE = "二、主动公开政府信息情况"
T2_CONTENT_HEADER = "信息内容"
# (caption, value headers, [(row key, row label)], value kind)
T2_BLOCKS: tuple[tuple[str, tuple[tuple[str, str], ...], tuple[tuple[str, str], ...], ValueKind], ...] = (
    (
        "第二十条第（一）项",
        (("issued", "本年制发件数"), ("repealed", "本年废止件数"), ("in_force", "现行有效件数")),
        (("regulations", "规章"), ("normative_docs", "行政规范性文件")),
        ValueKind.COUNT,
    ),
    ("第二十条第（五）项", (("decisions", "本年处理决定数量"),), (("licensing", "行政许可"),), ValueKind.COUNT),
    (
        "第二十条第（六）项",
        (("decisions", "本年处理决定数量"),),
        (("penalty", "行政处罚"), ("enforcement", "行政强制")),
        ValueKind.COUNT,
    ),
    (
        "第二十条第（八）项",
        (("amount", "本年收费金额（单位：万元）"),),
        (("fees", "行政事业性收费"),),
        ValueKind.MONEY,
    ),
)


def _build_t2() -> TableSpec:
    placed: list[Placed] = []
    cells: list[CellSpec] = []
    r = 0
    for caption, headers, rows, kind in T2_BLOCKS:
        placed.append(Placed(r, 0, 1, 4, text=caption, role=LabelRole.CAPTION))
        r += 1
        placed.append(Placed(r, 0, text=T2_CONTENT_HEADER, role=LabelRole.HEADER))
        span = 3 // len(headers)
        for i, (_, head) in enumerate(headers):
            placed.append(Placed(r, 1 + i * span, 1, span, text=head, role=LabelRole.HEADER))
        r += 1
        for row_key, row_label in rows:
            placed.append(Placed(r, 0, text=row_label, role=LabelRole.ROW))
            for i, (col_key, head) in enumerate(headers):
                key = f"t2.{row_key}.{col_key}"
                placed.append(Placed(r, 1 + i * span, 1, span, key=key))
                cells.append(
                    CellSpec(key, "t2", row_key, col_key, kind, f"表二 {row_label} / {head}", row_label, head)
                )
            r += 1
    return TableSpec("t2", "二", T2_TITLE, r, 4, 0, tuple(placed), tuple(cells), (1.6, 1.0, 1.0, 1.0))


# ---------------------------------------------------------------- table 三

T3_TITLE = "三、收到和处理政府信息公开申请情况"
T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T3_APPLICANTS = "申请人情况"
T3_ORGS = "法人或其他组织"
T3_RESULTS_LABEL = "三、本年度办理结果"

T3_COLUMNS: tuple[tuple[str, str], ...] = (
    ("natural", "自然人"),
    ("business", "商业企业"),
    ("research", "科研机构"),
    ("nonprofit", "社会公益组织"),
    ("legal", "法律服务机构"),
    ("other_org", "其他"),
    ("total", "总计"),
)
T3_PART_COLUMNS = tuple(k for k, _ in T3_COLUMNS[:-1])

# Result groups: (group key, group label, [(row key, row label)]). A single-row group has its label on the row.
T3_RESULT_GROUPS: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
    ("granted", "（一）予以公开", (("granted", ""),)),
    ("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", (("partial", ""),)),
    (
        "denied",
        "（三）不予公开",
        (
            ("denied_1", "1.属于国家秘密"),
            ("denied_2", "2.其他法律行政法规禁止公开"),
            ("denied_3", "3.危及“三安全一稳定”"),
            ("denied_4", "4.保护第三方合法权益"),
            ("denied_5", "5.属于三类内部事务信息"),
            ("denied_6", "6.属于四类过程性信息"),
            ("denied_7", "7.属于行政执法案卷"),
            ("denied_8", "8.属于行政查询事项"),
        ),
    ),
    (
        "unable",
        "（四）无法提供",
        (
            ("unable_1", "1.本机关不掌握相关政府信息"),
            ("unable_2", "2.没有现成信息需要另行制作"),
            ("unable_3", "3.补正后申请内容仍不明确"),
        ),
    ),
    (
        "not_processed",
        "（五）不予处理",
        (
            ("not_processed_1", "1.信访举报投诉类申请"),
            ("not_processed_2", "2.重复申请"),
            ("not_processed_3", "3.要求提供公开出版物"),
            ("not_processed_4", "4.无正当理由大量反复申请"),
            ("not_processed_5", "5.要求行政机关确认或重新出具已获取信息"),
        ),
    ),
    (
        "other",
        "（六）其他处理",
        (
            ("other_1", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
            ("other_2", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
            ("other_3", "3.其他"),
        ),
    ),
)
T3_TOTAL_ROW = ("total", "（七）总计")
T3_TOP_ROWS = (("new", "一、本年新收政府信息公开申请数量"), ("carried_in", "二、上年结转政府信息公开申请数量"))
T3_CARRIED_OUT = ("carried_out", "四、结转下年度继续办理")

T3_RESULT_ROWS: tuple[str, ...] = tuple(r for _, _, rows in T3_RESULT_GROUPS for r, _ in rows)
T3_GROUPS: dict[str, tuple[str, ...]] = {g: tuple(r for r, _ in rows) for g, _, rows in T3_RESULT_GROUPS}
T3_GROUP_LABELS: dict[str, str] = {g: label for g, label, _ in T3_RESULT_GROUPS}


def t3_row_labels() -> dict[str, str]:
    """Full row labels, e.g. denied_1 → （三）不予公开 1.属于国家秘密."""
    labels = dict(T3_TOP_ROWS)
    for _, group_label, rows in T3_RESULT_GROUPS:
        for row_key, row_label in rows:
            labels[row_key] = f"{group_label} {row_label}".strip()
    labels[T3_TOTAL_ROW[0]] = T3_TOTAL_ROW[1]
    labels[T3_CARRIED_OUT[0]] = T3_CARRIED_OUT[1]
    return labels


T3_ROWS: tuple[str, ...] = tuple(t3_row_labels())


def _t3_parts(row: str, col: str) -> tuple[str, ...]:
    if row == "total" and col != "total":
        return tuple(f"t3.{r}.{col}" for r in T3_RESULT_ROWS)
    if col == "total":
        return tuple(f"t3.{row}.{c}" for c in T3_PART_COLUMNS)
    return ()


def _build_t3() -> TableSpec:
    placed = [
        Placed(0, 0, 3, 3, text=T3_NOTE, role=LabelRole.NOTE),
        Placed(0, 3, 1, 7, text=T3_APPLICANTS, role=LabelRole.HEADER),
        Placed(1, 3, 2, 1, text=T3_COLUMNS[0][1], role=LabelRole.HEADER),
        Placed(1, 4, 1, 5, text=T3_ORGS, role=LabelRole.HEADER),
        Placed(1, 9, 2, 1, text=T3_COLUMNS[-1][1], role=LabelRole.HEADER),
    ]
    placed += [Placed(2, 4 + i, text=label, role=LabelRole.HEADER) for i, (_, label) in enumerate(T3_COLUMNS[1:-1])]

    row_grid: list[tuple[str, int]] = []  # (row key, grid row)
    r = 3
    for key, label in T3_TOP_ROWS:
        placed.append(Placed(r, 0, 1, 3, text=label, role=LabelRole.ROW))
        row_grid.append((key, r))
        r += 1
    results_start = r
    for _, group_label, rows in T3_RESULT_GROUPS:
        if len(rows) == 1:
            placed.append(Placed(r, 1, 1, 2, text=group_label, role=LabelRole.ROW))
            row_grid.append((rows[0][0], r))
            r += 1
            continue
        placed.append(Placed(r, 1, len(rows), 1, text=group_label, role=LabelRole.ROW))
        for row_key, row_label in rows:
            placed.append(Placed(r, 2, text=row_label, role=LabelRole.ROW))
            row_grid.append((row_key, r))
            r += 1
    placed.append(Placed(r, 1, 1, 2, text=T3_TOTAL_ROW[1], role=LabelRole.ROW))
    row_grid.append((T3_TOTAL_ROW[0], r))
    r += 1
    placed.append(
        Placed(results_start, 0, r - results_start, 1, text=T3_RESULTS_LABEL, role=LabelRole.ROW, vertical=True)
    )
    placed.append(Placed(r, 0, 1, 3, text=T3_CARRIED_OUT[1], role=LabelRole.ROW))
    row_grid.append((T3_CARRIED_OUT[0], r))
    r += 1

    labels = t3_row_labels()
    cells: list[CellSpec] = []
    for row_key, grid_row in row_grid:
        for i, (col_key, col_label) in enumerate(T3_COLUMNS):
            key = f"t3.{row_key}.{col_key}"
            placed.append(Placed(grid_row, 3 + i, key=key))
            cells.append(
                CellSpec(
                    key, "t3", row_key, col_key, ValueKind.COUNT,
                    f"表三 {labels[row_key]} / {col_label}", labels[row_key], col_label,
                    _t3_parts(row_key, col_key),
                )
            )
    weights = (0.55, 1.3, 3.2) + (1.0,) * 7
    return TableSpec("t3", "三", T3_TITLE, r, 10, 3, tuple(placed), tuple(cells), weights)


# ---------------------------------------------------------------- table 四

T4_TITLE = "四、政府信息公开行政复议、行政诉讼情况"
T4_REVIEW = ("review", "行政复议")
T4_SUIT = "行政诉讼"
T4_SUIT_GROUPS = (("suit_direct", "未经复议直接起诉"), ("suit_after_review", "复议后起诉"))
T4_GROUPS: tuple[tuple[str, str], ...] = (T4_REVIEW, *T4_SUIT_GROUPS)
T4_ITEMS: tuple[tuple[str, str], ...] = (
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("pending", "尚未审结"),
    ("total", "总计"),
)
T4_PART_ITEMS = tuple(k for k, _ in T4_ITEMS[:-1])


def _build_t4() -> TableSpec:
    placed = [
        Placed(0, 0, 1, 5, text=T4_REVIEW[1], role=LabelRole.HEADER),
        Placed(0, 5, 1, 10, text=T4_SUIT, role=LabelRole.HEADER),
    ]
    placed += [Placed(1, i, 2, 1, text=label, role=LabelRole.HEADER) for i, (_, label) in enumerate(T4_ITEMS)]
    for g, (_, group_label) in enumerate(T4_SUIT_GROUPS):
        placed.append(Placed(1, 5 + 5 * g, 1, 5, text=group_label, role=LabelRole.HEADER))
        placed += [Placed(2, 5 + 5 * g + i, text=label, role=LabelRole.HEADER) for i, (_, label) in enumerate(T4_ITEMS)]
    cells: list[CellSpec] = []
    for g, (group_key, group_label) in enumerate(T4_GROUPS):
        full_group = group_label if group_key == "review" else f"{T4_SUIT} {group_label}"
        for i, (item_key, item_label) in enumerate(T4_ITEMS):
            key = f"t4.{group_key}.{item_key}"
            parts = tuple(f"t4.{group_key}.{p}" for p in T4_PART_ITEMS) if item_key == "total" else ()
            placed.append(Placed(3, 5 * g + i, key=key))
            cells.append(
                CellSpec(key, "t4", group_key, item_key, ValueKind.COUNT,
                         f"表四 {full_group} / {item_label}", full_group, item_label, parts)
            )
    return TableSpec("t4", "四", T4_TITLE, 4, 15, 3, tuple(placed), tuple(cells), (1.0,) * 15)


T2 = _build_t2()
T3 = _build_t3()
T4 = _build_t4()
TABLES: tuple[TableSpec, ...] = (T2, T3, T4)
CELLS: dict[str, CellSpec] = {c.key: c for t in TABLES for c in t.cells}
TABLE_BY_ID: dict[str, TableSpec] = {t.id: t for t in TABLES}

# Totals in an order where every total's parts are computed before it.
TOTALS_IN_ORDER: tuple[CellSpec, ...] = tuple(
    sorted((c for c in CELLS.values() if c.is_total), key=lambda c: any(CELLS[p].is_total for p in c.parts))
)


# ---------------------------------------------------------------- labels by key, for messages and prose

_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)")


def cell_key(table: str, row: str, column: str) -> str:
    """The one way to make a cell's key: ``cell_key("t3", "new", "total")`` → ``t3.new.total``."""
    key = f"{table}.{row}.{column}"
    if key not in CELLS:
        raise KeyError(key)
    return key


def short_label(label: str) -> str:
    """A statutory label without its numbering, as prose quotes it: 「四、…」 → 「…」, 「（七）总计」 → 「总计」."""
    return _NUMBERING.sub("", label)


def row_label(table: str, row: str) -> str:
    """The statutory label of a row (table 二, 三) or group (table 四)."""
    return next(c.row_label for c in CELLS.values() if c.table == table and c.row == row)


def column_label(table: str, column: str) -> str:
    """The statutory label of a column (table 二, 三) or item (table 四)."""
    return next(c.column_label for c in CELLS.values() if c.table == table and c.column == column)
