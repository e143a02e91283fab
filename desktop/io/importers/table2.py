"""Table 二 (proactive disclosure): four blocks of rows, each under its own value headers.

The 2019 trial headers are recognised; a 2019 column is imported only where it means the same as a 2021
one (本年新制作数量 → 本年制发件数, 处理决定数量 → 本年处理决定数量).
"""

from __future__ import annotations

from desktop.core.tablespec import T2_BLOCKS, T2_CONTENT_HEADER
from desktop.io.importers import label_match as lm
from desktop.io.importers.chinese_variants import fold
from desktop.io.importers.document import Block
from desktop.io.importers.table_read import TableRead, fit
from desktop.io.importers.table_stream import Token, tokens_of, values_after

_CONTENT = fold(T2_CONTENT_HEADER)


def _header_key(text: str, block: int) -> str | None:
    """The column key a value header names in ``block``, "" for a 2019 header with no 2021 meaning."""
    folded = fold(text)
    for key, label in T2_BLOCKS[block][1]:
        if folded == fold(label):
            return key
    trial = lm.trial_2019_header(text)
    if trial is not None:
        return lm.TRIAL_2019_T2_COLUMNS.get(trial, "")
    return None


def read_t2(blocks: list[Block]) -> TableRead:
    read = TableRead()
    tokens = tokens_of(blocks)
    headers: list[str] = []  # value headers since the last 信息内容, as printed
    collecting = False

    def is_label(token: Token) -> bool:
        return token.value is None and bool(fold(token.text))

    i = 0
    while i < len(tokens):
        token = tokens[i]
        folded = fold(token.text)
        if token.value is not None or not folded:
            i += 1
            continue
        trial = lm.trial_2019_header(token.text)
        if trial:
            read.add_trial(trial)
        if folded == _CONTENT:
            headers, collecting = [], True
            i += 1
            continue
        if lm.t2_caption(token.text) is not None:
            headers, collecting = [], False
            i += 1
            continue
        found = lm.t2_row(token.text)
        if found is None:
            if collecting:
                headers.append(token.text)
            elif trial is None and not lm.is_label_fragment(token.text) and read.rows_found:
                values, _ = values_after(tokens, i, 1, is_label)
                if any(v.value for v in values):
                    read.extra_labels.append(f"表二 {token.text.strip()}")
            i += 1
            continue
        collecting = False
        row, block = found
        if fold(token.text) in lm.TRIAL_2019_T2_ROWS:
            read.add_trial(token.text.strip())
        columns = [_header_key(h, block) for h in headers] if headers else [k for k, _ in T2_BLOCKS[block][1]]
        if any(c is None for c in columns):
            columns = [k for k, _ in T2_BLOCKS[block][1]]
        values, _ = values_after(tokens, i, len(columns), is_label)
        fitted = fit(values, len(columns)) if len(columns) > 1 else values[:1]
        if fitted is None or (len(columns) == 1 and len([v for v in values if v.value]) > 1):
            read.problems.append(f"表二“{token.text.strip()}”一行的数与表头不符，未导入")
        else:
            for column, value in zip(columns, fitted, strict=False):
                key = f"t2.{row}.{column}"
                if column and key not in read.values and value.value is not None:
                    read.values[key] = value.value
        read.rows_found.add(row)
        i += 1
    return read
