"""The three official tables of the 2021 format (国办公开办函〔2021〕30号), written once.

Labels are statutory text and are reproduced exactly. The editor, the checker, the importers and the
exporters all read these objects; nothing else spells a label or a merge.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.grid import Axis, CellSpec, Group, LabelRole, Placed, TableSpec, ValueKind

# ---------------------------------------------------------------- keys and labels

_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)")


def _key(table: str, row: str, column: str) -> str:
    """How a key is spelled; the spec builds with it, everyone else calls cell_key, which also validates."""
    return f"{table}.{row}.{column}"


def short_label(label: str) -> str:
    """A statutory label without its numbering, as prose quotes it: 「四、…」 → 「…」, 「（七）总计」 → 「总计」."""
    return _NUMBERING.sub("", label)


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


@dataclass(frozen=True)
class Block:
    """One block of table 二: a caption (第二十条第（一）项), its value columns and its rows."""

    caption: str
    columns: tuple[Axis, ...]
    rows: tuple[Axis, ...]
    kind: ValueKind


def _axis(table: str, key: str, printed: str, label: str | None = None, group: str | None = None) -> Axis:
    return Axis(table, key, printed if label is None else label, printed, short_label(printed), group)


T2_SECTIONS: tuple[Block, ...] = tuple(
    Block(
        caption,
        tuple(_axis("t2", k, head) for k, head in headers),
        tuple(_axis("t2", k, label) for k, label in rows),
        kind,
    )
    for caption, headers, rows, kind in T2_BLOCKS
)


def _build_t2() -> TableSpec:
    placed: list[Placed] = []
    cells: list[CellSpec] = []
    r = 0
    for block in T2_SECTIONS:
        placed.append(Placed(r, 0, 1, 4, text=block.caption, role=LabelRole.CAPTION))
        r += 1
        placed.append(Placed(r, 0, text=T2_CONTENT_HEADER, role=LabelRole.HEADER))
        span = 3 // len(block.columns)
        for i, column in enumerate(block.columns):
            placed.append(Placed(r, 1 + i * span, 1, span, text=column.printed, role=LabelRole.HEADER))
        r += 1
        for row in block.rows:
            placed.append(Placed(r, 0, text=row.printed, role=LabelRole.ROW))
            for i, column in enumerate(block.columns):
                key = _key("t2", row.key, column.key)
                placed.append(Placed(r, 1 + i * span, 1, span, key=key))
                cells.append(CellSpec(key, "t2", row.key, column.key, block.kind,
                                      f"表二 {row.label} / {column.label}", row.label, column.label))
            r += 1
    rows = tuple(row for block in T2_SECTIONS for row in block.rows)
    columns = tuple({c.key: c for block in T2_SECTIONS for c in block.columns}.values())
    return TableSpec("t2", "二", T2_TITLE, r, 4, 0, tuple(placed), tuple(cells), (1.6, 1.0, 1.0, 1.0),
                     rows, columns)


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


def _t3_axes() -> tuple[tuple[Axis, ...], tuple[Axis, ...], tuple[Group, ...]]:
    """Rows, columns and result groups of table 三, from the tuples above."""
    labels = t3_row_labels()
    rows = [_axis("t3", key, label) for key, label in T3_TOP_ROWS]
    for group_key, group_label, sub_rows in T3_RESULT_GROUPS:
        for key, label in sub_rows:
            rows.append(_axis("t3", key, label or group_label, labels[key], group_key))
    rows += [_axis("t3", key, label) for key, label in (T3_TOTAL_ROW, T3_CARRIED_OUT)]
    columns = tuple(_axis("t3", key, label) for key, label in T3_COLUMNS)
    groups = tuple(Group(g, label, short_label(label), tuple(r for r, _ in sub_rows))
                   for g, label, sub_rows in T3_RESULT_GROUPS)
    return tuple(rows), columns, groups


def _t3_parts(row: str, col: str) -> tuple[str, ...]:
    if row == "total" and col != "total":
        return tuple(_key("t3", r, col) for r in T3_RESULT_ROWS)
    if col == "total":
        return tuple(_key("t3", row, c) for c in T3_PART_COLUMNS)
    return ()


def _build_t3() -> TableSpec:
    axis_rows, columns, groups = _t3_axes()
    placed = [
        Placed(0, 0, 3, 3, text=T3_NOTE, role=LabelRole.NOTE),
        Placed(0, 3, 1, 7, text=T3_APPLICANTS, role=LabelRole.HEADER),
        Placed(1, 3, 2, 1, text=columns[0].printed, role=LabelRole.HEADER),
        Placed(1, 4, 1, 5, text=T3_ORGS, role=LabelRole.HEADER),
        Placed(1, 9, 2, 1, text=columns[-1].printed, role=LabelRole.HEADER),
    ]
    placed += [Placed(2, 4 + i, text=c.printed, role=LabelRole.HEADER) for i, c in enumerate(columns[1:-1])]

    by_key = {a.key: a for a in axis_rows}
    row_grid: list[tuple[Axis, int]] = []  # (row, grid row)
    r = 3
    for key, _ in T3_TOP_ROWS:
        placed.append(Placed(r, 0, 1, 3, text=by_key[key].printed, role=LabelRole.ROW))
        row_grid.append((by_key[key], r))
        r += 1
    results_start = r
    for group in groups:
        if len(group.rows) == 1:
            placed.append(Placed(r, 1, 1, 2, text=group.label, role=LabelRole.ROW))
            row_grid.append((by_key[group.rows[0]], r))
            r += 1
            continue
        placed.append(Placed(r, 1, len(group.rows), 1, text=group.label, role=LabelRole.ROW))
        for key in group.rows:
            placed.append(Placed(r, 2, text=by_key[key].printed, role=LabelRole.ROW))
            row_grid.append((by_key[key], r))
            r += 1
    total, carried_out = by_key[T3_TOTAL_ROW[0]], by_key[T3_CARRIED_OUT[0]]
    placed.append(Placed(r, 1, 1, 2, text=total.printed, role=LabelRole.ROW))
    row_grid.append((total, r))
    r += 1
    placed.append(
        Placed(results_start, 0, r - results_start, 1, text=T3_RESULTS_LABEL, role=LabelRole.ROW, vertical=True)
    )
    placed.append(Placed(r, 0, 1, 3, text=carried_out.printed, role=LabelRole.ROW))
    row_grid.append((carried_out, r))
    r += 1

    cells: list[CellSpec] = []
    for row, grid_row in row_grid:
        for i, column in enumerate(columns):
            key = _key("t3", row.key, column.key)
            placed.append(Placed(grid_row, 3 + i, key=key))
            cells.append(
                CellSpec(
                    key, "t3", row.key, column.key, ValueKind.COUNT,
                    f"表三 {row.label} / {column.label}", row.label, column.label,
                    _t3_parts(row.key, column.key),
                )
            )
    weights = (0.55, 1.3, 3.2) + (1.0,) * 7
    return TableSpec("t3", "三", T3_TITLE, r, 10, 3, tuple(placed), tuple(cells), weights,
                     axis_rows, columns, groups)


# ---------------------------------------------------------------- table 四

T4_TITLE = "四、政府信息公开行政复议、行政诉讼情况"
T4_REVIEW = ("review", "行政复议")
T4_SUIT = "行政诉讼"
T4_SUIT_KEY = "suit"  # the group of the two kinds of suit
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


def _t4_axes() -> tuple[tuple[Axis, ...], tuple[Axis, ...], tuple[Group, ...]]:
    """Table 四's groups as rows, its items as columns, and its two headings (行政复议, 行政诉讼) as groups."""
    review_key, review_label = T4_REVIEW
    rows = (_axis("t4", review_key, review_label, group=review_key),) + tuple(
        _axis("t4", key, label, f"{T4_SUIT} {label}", T4_SUIT_KEY) for key, label in T4_SUIT_GROUPS
    )
    columns = tuple(_axis("t4", key, label) for key, label in T4_ITEMS)
    groups = (
        Group(review_key, review_label, short_label(review_label), (review_key,)),
        Group(T4_SUIT_KEY, T4_SUIT, short_label(T4_SUIT), tuple(k for k, _ in T4_SUIT_GROUPS)),
    )
    return rows, columns, groups


def _build_t4() -> TableSpec:
    rows, columns, groups = _t4_axes()
    review, suit = groups
    placed = [
        Placed(0, 0, 1, 5, text=review.label, role=LabelRole.HEADER),
        Placed(0, 5, 1, 10, text=suit.label, role=LabelRole.HEADER),
    ]
    placed += [Placed(1, i, 2, 1, text=c.printed, role=LabelRole.HEADER) for i, c in enumerate(columns)]
    for g, row in enumerate(rows[1:]):
        placed.append(Placed(1, 5 + 5 * g, 1, 5, text=row.printed, role=LabelRole.HEADER))
        placed += [Placed(2, 5 + 5 * g + i, text=c.printed, role=LabelRole.HEADER) for i, c in enumerate(columns)]
    cells: list[CellSpec] = []
    for g, row in enumerate(rows):
        for i, column in enumerate(columns):
            key = _key("t4", row.key, column.key)
            parts = tuple(_key("t4", row.key, p) for p in T4_PART_ITEMS) if column.key == "total" else ()
            placed.append(Placed(3, 5 * g + i, key=key))
            cells.append(
                CellSpec(key, "t4", row.key, column.key, ValueKind.COUNT,
                         f"表四 {row.label} / {column.label}", row.label, column.label, parts)
            )
    return TableSpec("t4", "四", T4_TITLE, 4, 15, 3, tuple(placed), tuple(cells), (1.0,) * 15,
                     rows, columns, groups)


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


# ---------------------------------------------------------------- keys and labels by key, for messages and prose


def cell_key(table: str, row: str | Axis, column: str | Axis) -> str:
    """The one way to make a cell's key: ``cell_key("t3", "new", "total")`` → ``t3.new.total``.

    ``row`` and ``column`` may be keys or the spec's Axis objects; an unknown cell raises KeyError."""
    key = _key(table, row if isinstance(row, str) else row.key, column if isinstance(column, str) else column.key)
    if key not in CELLS:
        raise KeyError(key)
    return key


def row_label(table: str, row: str) -> str:
    """The statutory label of a row (table 二, 三) or group (table 四)."""
    return TABLE_BY_ID[table].row(row).label


def column_label(table: str, column: str) -> str:
    """The statutory label of a column (table 二, 三) or item (table 四)."""
    return TABLE_BY_ID[table].column(column).label
