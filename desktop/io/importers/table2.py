"""Table 二 (proactive disclosure): four blocks of rows, each under its own value headers.

The 2019 trial headers are recognised; a 2019 column is imported only where it means the same as a 2021
one (本年新制作数量 → the 2021 issued column, 处理决定数量 → the decisions column).
"""

from __future__ import annotations

from desktop.core.tablespec import T2_BLOCKS, T2_CONTENT_HEADER, cell_key
from desktop.io.importers import label_match as lm
from desktop.io.importers.chinese_variants import fold
from desktop.io.importers.document import Block
from desktop.io.importers.table_read import TableRead, fit
from desktop.io.importers.table_stream import Token, tokens_of, values_after

_CONTENT = fold(T2_CONTENT_HEADER)
# The corner cell over the row labels, also printed 项目 or 内容 (or left blank: then the first value header
# starts the header row).
_CORNERS = frozenset({_CONTENT, fold("项目"), fold("内容")})
_HEADER_LABELS = tuple(dict.fromkeys(
    [fold(label) for _, headers, _, _ in T2_BLOCKS for _, label in headers]
    + [fold(label) for headers in lm.TRIAL_2019_T2_BLOCK_HEADERS for label in headers]))


def _fits_a_header(folded: str) -> bool:
    return len(folded) >= 2 and any(_fits(folded, label) for label in _HEADER_LABELS)


def _opens_headers(folded: str) -> bool:
    """A value header where the header row had no corner cell: 「本年新制作数量」, cut 「本年新」."""
    return len(folded) >= 3 and _fits_a_header(folded)


def _fits(header: str, label: str) -> bool:
    """A printed header names a label: exactly, with words added (「现行有效件数（历史累计）」) or cut
    short by the page (「本年新」)."""
    return header == label or header.startswith(label) or (len(header) >= 2 and label.startswith(header))


def _meaning(label: str, block: int) -> str:
    """The column key of a header label: a 2021 key, or "" for a 2019 header with no 2021 meaning."""
    for key, printed in T2_BLOCKS[block][1]:
        if fold(printed) == label:
            return key
    return lm.TRIAL_2019_T2_COLUMNS.get(lm.trial_2019_header(label) or "", "")


def header_columns(headers: list[str], block: int) -> tuple[list[str], list[str], list[str]]:
    """(column key per header, the 2019 headers recognised, the headers that fit no label).

    By the header's words only: a header that fits several labels is placed by the header row as a whole
    (2021 or 2019 order), or not at all; a column that cannot be placed gets "" and its cells stay blank."""
    folded = [fold(h) for h in headers]
    rows = [tuple(fold(label) for _, label in T2_BLOCKS[block][1])]
    rows.append(tuple(fold(label) for label in lm.TRIAL_2019_T2_BLOCK_HEADERS[block]))
    labels = list(dict.fromkeys(label for row in rows for label in row))
    whole = [row for row in rows if len(row) == len(folded)
             and all(_fits(h, lab) for h, lab in zip(folded, row, strict=True))]
    columns: list[str] = []
    trial: list[str] = []
    unplaced: list[str] = []
    for index, header in enumerate(folded):
        exact = [label for label in labels if header == label]
        fitting = exact or [label for label in labels if _fits(header, label)]
        if len(fitting) > 1 and len(whole) == 1:
            fitting = [whole[0][index]]
        if len(fitting) != 1:
            columns.append("")
            unplaced.append(headers[index].strip())
            continue
        columns.append(_meaning(fitting[0], block))
        if fitting[0] in rows[1] and fitting[0] not in rows[0]:
            trial.append(lm.trial_2019_header(fitting[0]) or fitting[0])
    return columns, trial, unplaced


def read_t2(blocks: list[Block]) -> TableRead:
    read = TableRead()
    tokens = tokens_of(blocks)
    headers: list[str] = []  # value headers since the last 信息内容, as printed
    collecting = False
    after_caption = False  # collecting since a caption, not since 信息内容: the first header must fit a label
    trial_in_block = False  # a 2019 header or row since the last caption: 2021 columns cannot be assumed

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
            trial_in_block = True
        if folded in _CORNERS:
            headers, collecting, after_caption = [], True, False
            i += 1
            continue
        if lm.t2_caption(token.text) is not None:
            # the headers between a caption and its first row, even cut to 「本年 | 本年 | 对外」
            headers, collecting, after_caption, trial_in_block = [], True, True, False
            i += 1
            continue
        found = lm.t2_row(token.text)
        if found is None and not collecting and _opens_headers(folded):
            headers, collecting, after_caption = [token.text], True, False
            i += 1
            continue
        if found is None:
            if collecting and (not after_caption or headers or _fits_a_header(folded)):  # past the first, all
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
            trial_in_block = True
        if not headers and trial_in_block:
            problem = f"表二“{token.text.strip()}”一行没有可辨认的表头（2019年试行格式），未导入"
            read.problems.append(problem)
            read.rows_found.add(row)
            i += 1
            continue
        if headers:
            columns, trial_headers, unplaced = header_columns(headers, block)
            for header in trial_headers:
                read.add_trial(header)
            problem = f"表二表头“{'、'.join(unplaced)}”无法对应到格式中的列，该列未导入"
            if unplaced and problem not in read.problems:
                read.problems.append(problem)
        else:
            columns = [k for k, _ in T2_BLOCKS[block][1]]
        values, _ = values_after(tokens, i, len(columns), is_label)
        fitted = fit(values, len(columns)) if len(columns) > 1 else values[:1]
        if not values:
            pass  # a row printed without a value: its cells stay blank, and the count of blanks says so
        elif fitted is None or (len(columns) == 1 and len([v for v in values if v.value]) > 1):
            read.problems.append(f"表二“{token.text.strip()}”一行的数与表头不符，未导入")
        else:
            for column, value in zip(columns, fitted, strict=False):
                if not column:
                    continue  # a header that fits no column: its cells stay blank
                key = cell_key("t2", row, column)
                if key not in read.values and value.value is not None:
                    read.values[key] = value.value
        read.rows_found.add(row)
        i += 1
    return read
