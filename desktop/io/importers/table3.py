"""Table 三 (applications received and handled): rows found by their labels, columns by their headers."""

from __future__ import annotations

from desktop.core.tablespec import T3_COLUMNS, T3_GROUP_LABELS, T3_GROUPS, cell_key
from desktop.io.importers import label_match as lm
from desktop.io.importers.chinese_variants import fold
from desktop.io.importers.document import Block, Grid
from desktop.io.importers.table_read import TableRead, fit
from desktop.io.importers.table_stream import Token, header_columns, tokens_of, values_after

_COLUMN_KEYS = tuple(k for k, _ in T3_COLUMNS)


def _column_maps(blocks: list[Block]) -> dict[int, dict[int, str]]:
    """Per grid (by block index): data column → column key, where the headers say so unambiguously."""
    maps: dict[int, dict[int, str]] = {}
    for index, block in enumerate(blocks):
        if not isinstance(block, Grid) or not block.positioned:
            continue
        # 总计 heads a column as well as the last row: as a header it starts no data row.
        first_data = min((c.row for c in block.cells
                          if lm.match_t3_row(c.text, "", True) and lm.t3_column(c.text) is None), default=0)
        found = header_columns(block, first_data, lm.t3_column)
        mapping = {col: keys[-1] for col, keys in found.items() if len(set(keys)) == 1}
        if sorted(mapping.values()) == sorted(_COLUMN_KEYS):
            maps[index] = mapping
    return maps


def _wrapped_values(tokens: list[Token], start: int, is_label) -> list[Token]:  # type: ignore[no-untyped-def]
    """A label wrapped over lines, with the numbers on its middle line (text copied out of a PDF)."""
    following = start + 1
    while following < min(start + 3, len(tokens) - 1) and tokens[following].row is None \
            and tokens[following].value is None and lm.is_label_fragment(tokens[following].text):
        following += 1
    if following < len(tokens) and tokens[following].row is not None and lm.is_label_fragment(tokens[following].text):
        return values_after(tokens, following, len(_COLUMN_KEYS), is_label)[0]
    return []


def _next_label_row(tokens: list[Token], start: int, group: str) -> str | None:
    """The row the next label from ``start`` names, past values and empty cells."""
    for token in tokens[start:]:
        if token.value is None and fold(token.text):
            return lm.match_t3_row(token.text, group, True)
    return None


def read_t3(blocks: list[Block]) -> TableRead:
    read = TableRead()
    tokens = tokens_of(blocks)
    maps = _column_maps(blocks)
    last_map: dict[int, str] | None = None
    group, in_body = "", False

    def is_label(token: Token) -> bool:
        return token.value is None and bool(fold(token.text))

    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.value is not None:
            i += 1
            continue
        row = lm.match_t3_row(token.text, group, in_body)
        new_group = lm.match_t3_group(token.text) if row is None else None
        if new_group:
            group = new_group
            values, _ = values_after(tokens, i, len(_COLUMN_KEYS), is_label)
            one_row = new_group == "other" and (
                (fit(values, len(_COLUMN_KEYS)) is not None and values[0].row == token.row)
                or _next_label_row(tokens, i + 1, group) == "total")  # blank, and 总计 follows at once
            if one_row:
                read.add_trial(f"表三{T3_GROUP_LABELS['other']}（未分为三项）")
            i += 1
            continue
        if row is None:
            if in_body and token.text.strip() and not lm.is_label_fragment(token.text):
                values, _ = values_after(tokens, i, len(_COLUMN_KEYS), is_label)
                if any(v.value for v in values):
                    read.extra_labels.append(f"表三 {token.text.strip()}")
            i += 1
            continue
        values, _ = values_after(tokens, i, len(_COLUMN_KEYS), is_label)
        if not values and token.row is None:
            values = _wrapped_values(tokens, i, is_label)
        if not values and fold(token.text) in lm.t3_header_words():
            i += 1  # a column header repeated where the table continues on the next page
            continue
        if not values and token.row is not None and i + 1 < len(tokens) and tokens[i + 1].row == token.row \
                and fold(tokens[i + 1].text) == fold(token.text):
            i += 1  # a merged label repeated in every cell it covers (a sheet unmerged and filled)
            continue
        in_body = True
        group = next((g for g, rows in T3_GROUPS.items() if row in rows), group)
        mapping = maps.get(token.grid)
        if mapping is None and last_map is not None and token.col is not None:
            mapping = last_map if all(v.col in last_map for v in values if v.value) else None
        if mapping is not None and any(v.col not in mapping for v in values if v.value) \
                and fit(values, len(_COLUMN_KEYS)) is not None:
            mapping = None  # a whole row shifted against the headers (a rowspan miscounted): read in order
        if mapping is not None:
            last_map = mapping
            placed = {mapping[v.col]: v.value for v in values if v.col in mapping}
            extra = [v for v in values if v.col not in mapping and v.value]
            if extra:
                read.extra_labels.append(f"表三 {token.text.strip()} 多出的列")
        else:
            fitted = fit(values, len(_COLUMN_KEYS))
            if fitted is None:
                if values:  # a row printed without a value is only blank, as the count of blanks says
                    read.problems.append(f"表三“{token.text.strip()}”一行有{len(values)}个数，与7列不符，未导入")
                read.rows_found.add(row)
                i += 1
                continue
            placed = {key: v.value for key, v in zip(_COLUMN_KEYS, fitted, strict=True)}
        if not any(cell_key("t3", row, col) in read.values for col in placed):
            read.values.update({cell_key("t3", row, col): text for col, text in placed.items() if text is not None})
        read.rows_found.add(row)
        i += 1
    return read
