"""The blank register the clerk keeps through the year: one sheet of applications, one of review and
litigation cases, with the official wording in drop-down lists (kept on a hidden sheet, since a list
written into the rule itself is limited to 255 characters). packaging/make_register_template.py writes
it to resources/templates/register.xlsx; the reader and the guessed mapping read it back exactly."""

from __future__ import annotations

import datetime as dt
import io

from desktop.core.tablespec import T3, T3_GROUP_LABELS, T4, short_label

APPLICATIONS_SHEET = "依申请公开登记台账"
CASES_SHEET = "复议诉讼案件台账"
LISTS_SHEET = "选项"
OPEN_WORD = "尚未办结"
ROWS = 500  # rows prepared with drop-downs; a clerk who needs more copies a row down
STAMP = dt.datetime(2024, 1, 1)  # a fixed creation time, so that the built file does not change

APPLICATION_HEADERS = ("登记编号", "收到日期", "申请人姓名或名称", "申请人类型", "申请内容", "办理结果", "办结日期",
                       "备注")
CASE_HEADERS = ("案件编号", "收到日期", "案件类型", "申请人或原告", "审理结果", "审结日期", "备注")
WIDTHS = {"收到日期": 13, "办结日期": 13, "审结日期": 13, "申请内容": 36, "办理结果": 44, "申请人类型": 20,
          "案件类型": 26, "申请人姓名或名称": 20, "申请人或原告": 18, "备注": 20}


def applicant_words() -> list[str]:
    words = [c.label for c in T3.columns if c.key not in {"total", "other_org"}]
    return [*words, f"{T3.column('other_org').label}（{short_label('法人或其他组织')}）"]


def result_words() -> list[str]:
    """「予以公开」, 「不予公开–属于国家秘密」 …: the group's name, then the sub-reason without its number."""
    words = []
    for row in T3.rows:
        if row.group is None:
            continue
        group = short_label(T3_GROUP_LABELS[row.group]).split("（")[0]
        words.append(group if row.printed == T3_GROUP_LABELS[row.group] else f"{group}–{short_label(row.printed)}")
    return [*words, OPEN_WORD]


def case_kind_words() -> list[str]:
    return [r.printed if r.group == "review" else f"{T4.groups[1].label}–{r.printed}" for r in T4.rows]


def case_result_words() -> list[str]:
    return [c.label for c in T4.columns if c.key != "total"]


def build_template() -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    book.properties.created = book.properties.modified = STAMP
    book.properties.creator = "年报助手"
    lists = {"applicant": applicant_words(), "result": result_words(),
             "kind": case_kind_words(), "case_result": case_result_words()}
    options = book.active
    options.title = LISTS_SHEET
    refs = {}
    for col, (name, words) in enumerate(lists.items(), start=1):
        letter = chr(ord("A") + col - 1)
        options.cell(1, col, {"applicant": "申请人类型", "result": "办理结果", "kind": "案件类型",
                              "case_result": "审理结果"}[name])
        for i, word in enumerate(words, start=2):
            options.cell(i, col, word)
        refs[name] = f"{LISTS_SHEET}!${letter}$2:${letter}${len(words) + 1}"
        options.column_dimensions[letter].width = 48
    options.sheet_state = "hidden"
    heading, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    for title, headers, drop_downs in (
        (APPLICATIONS_SHEET, APPLICATION_HEADERS, {"申请人类型": "applicant", "办理结果": "result"}),
        (CASES_SHEET, CASE_HEADERS, {"案件类型": "kind", "审理结果": "case_result"}),
    ):
        sheet = book.create_sheet(title)
        for col, header in enumerate(headers, start=1):
            cell = sheet.cell(1, col, header)
            cell.font, cell.fill = heading, fill
            cell.alignment = Alignment(horizontal="center", vertical="center")
            letter = cell.column_letter
            sheet.column_dimensions[letter].width = WIDTHS.get(header, 12)
            cells = f"{letter}2:{letter}{ROWS + 1}"
            if header in drop_downs:
                rule = DataValidation(type="list", formula1=f"={refs[drop_downs[header]]}", allow_blank=True,
                                      showErrorMessage=True, errorTitle="请从列表中选择",
                                      error=f"{header}请从下拉列表中选择规定的写法")
                rule.add(cells)
                sheet.add_data_validation(rule)
            elif header.endswith("日期"):
                rule = DataValidation(type="date", operator="greaterThan", formula1="36526", allow_blank=True,
                                      showErrorMessage=True, errorTitle="请填写日期", error="请填写日期，如 2024-03-01")
                rule.add(cells)
                sheet.add_data_validation(rule)
                for row in range(2, ROWS + 2):
                    sheet.cell(row, col).number_format = "yyyy-mm-dd"
        sheet.freeze_panes = "A2"
        sheet.print_title_rows = "1:1"  # a printed register repeats its headers on every page
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    book.move_sheet(LISTS_SHEET, offset=2)
    book.active = 0
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
