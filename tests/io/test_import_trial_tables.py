"""Tables printed in the 2019 trial format, as 2021–2023 reports still print them, in the flattenings portals
make. A 2019 column reaches a 2021 cell only where it means the same (本年新制作数量 → 本年制发件数, 处理决定数量
→ 本年处理决定数量); nothing lands in a cell that means something else, whatever the header row's corner
says, and T2-06 is reported. Also rows whose first cell is blank in a page of ` | `-joined rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.checks import check
from desktop.core.report import Report
from desktop.io.importing import import_file, import_text

HEAD = "某镇2022年政府信息公开工作年度报告\n一、总体情况\n2022年，我镇认真落实《条例》。\n二、主动公开政府信息情况\n"
TAIL = "\n五、存在的主要问题及改进情况\n问题。\n六、其他需要报告的事项\n未收取信息处理费。\n"


def imported(body: str) -> tuple[dict[str, object], set[str]]:
    report = import_text(HEAD + body + TAIL).report
    cells = {k: v for k, v in report.cells.items() if v is not None and k.startswith(("t2.", "t4."))}
    return cells, {f.rule for f in check(report)}


def new_requests(report: Report) -> list[object]:
    return [report.cells[f"t3.new.{c}"] for c in ("natural", "business", "research", "nonprofit", "legal", "other_org",
                                                   "total")]


TRIAL_ROWS = ("规范性文件 | 5 | 7 | 30 |\n第二十条第(八)项 | |||\n{corner}上一年项目数量 | 本年增/减 |\n"
              "行政事业性收费 | 12 | |\n")


@pytest.mark.parametrize("corner", ["信息内容 | ", "内容 | ", "项目 | ", ""])
def test_a_2019_header_row_whatever_its_corner(corner: str) -> None:
    """Without the corner cell the row used to be read in 2021 order: 本年新公开数量 7 as 本年废止件数, 对外公开
    总数量 30 as 现行有效件数, and 上一年项目数量 12 as the fee in 万元."""
    body = f"第二十条第(一)项 | |||\n{corner}本年新制作数量 | 本年新公开数量 | 对外公开总数量 |\n" + \
        TRIAL_ROWS.format(corner=corner)
    cells, rules = imported(body)
    assert cells == {"t2.normative_docs.issued": 5}
    assert "T2-06" in rules


def test_a_2019_table_in_one_cell_per_paragraph() -> None:
    body = "\n\n".join(["第二十条第(一)项", "本年新制作数量", "本年新公开数量", "对外公开总数量",
                        "规章", "0", "0", "0", "规范性文件", "5", "7", "30",
                        "第二十条第(八)项", "上一年项目数量", "本年增/减", "行政事业性收费", "12"])
    cells, rules = imported(body)
    assert cells == {"t2.regulations.issued": 0, "t2.normative_docs.issued": 5}
    assert "T2-06" in rules


def test_a_signed_change_is_a_cell_of_its_row() -> None:
    """「-1」「增2」「+1」 in 本年增/减 are cells: the decisions after them are read, not the changes."""
    body = ("第二十条第(五)项 | |||\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n"
            "行政许可 | 12 | -1 | 5 |\n"
            "第二十条第(六)项 | |||\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n"
            "行政处罚 | 12 | 增2 | 7 |\n"
            "行政强制 | 3 | +1 | 2 |\n")
    cells, rules = imported(body)
    assert cells == {"t2.licensing.decisions": 5, "t2.penalty.decisions": 7, "t2.enforcement.decisions": 2}
    assert "T2-06" in rules


def test_table_four_s_row_with_its_first_cell_blank() -> None:
    """「 | 1 | 0 | …」: outside a Markdown table the leading 「|」 follows a blank 结果维持 of 行政复议."""
    body = ("第二十条第(一)项 | |||\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n规章 | 0 | 0 | 0 |\n"
            "四、政府信息公开行政复议、行政诉讼情况\n行政复议 | 行政诉讼 | |||||||||||||\n"
            "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 | ||||||||\n"
            "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | "
            "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n"
            " | 1 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n")
    cells, _ = imported(body)
    assert "t4.review.upheld" not in cells
    assert cells["t4.review.corrected"] == 1 and cells["t4.review.total"] == 1
    assert cells["t4.suit_after_review.total"] == 0


def test_a_markdown_row_whose_label_spans_columns_and_whose_last_cell_is_blank() -> None:
    """The blank cells after the label fill its span; the blank at the end is 总计, left blank."""
    body = ("第二十条第(一)项 | |||\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n规章 | 0 | 0 | 0 |\n"
            "三、收到和处理政府信息公开申请情况\n"
            "| (本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | | | 申请人情况 | | | | | | |\n"
            "|---|---|---|---|---|---|---|---|---|---|\n"
            "| | | | 自然人 | 法人或其他组织 | | | | | 总计 |\n"
            "| | | | | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |\n"
            "| 一、本年新收政府信息公开申请数量 | | | 3 | 1 | 0 | 0 | 0 | 0 | |\n"
            "| 二、上年结转政府信息公开申请数量 | | | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n")
    report = import_text(HEAD + body + TAIL).report
    assert new_requests(report) == [3, 1, 0, 0, 0, 0, None]
    assert report.cells["t3.carried_in.total"] == 0


def test_rows_printed_without_values_are_blank_not_mismatched() -> None:
    """The real 2022 page of 螅镇 prints the 2019 tables with every cell empty."""
    page = Path(__file__).parents[1] / "data" / "portal" / "10_xi-zhen-jiaxian-2022-oldformat-empty-PARTIAL.txt"
    result = import_file(page)
    assert not [line for line in result.account if "不符" in line]
    assert any("空白10个" in line for line in result.account)
    assert "T2-06" in {f.rule for f in check(result.report)}


def test_a_2019_table_three_with_its_one_row_of_other_handling_blank() -> None:
    """One cell per paragraph loses blank cells: 「（六）其他处理」 then at once 「（七）总计」 is the 2019 row."""
    body = "\n\n".join(["第二十条第(一)项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数",
                        "规章", "0", "0", "0", "三、收到和处理政府信息公开申请情况",
                        "(五)不予处理", "1.信访举报投诉类申请", "2.重复申请",
                        "3.要求提供公开出版物", "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息",
                        "(六)其他处理", "(七)总计"])
    _, rules = imported(body)
    assert "T2-06" in rules


def test_a_markdown_table_whose_header_rows_lost_their_places() -> None:
    """Converters drop the cells under a rowspan, so the header rows sit at the left; the values are still
    each row's last cells."""
    body = ("第二十条第(一)项 | |||\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n规章 | 0 | 0 | 0 |\n"
            "三、收到和处理政府信息公开申请情况\n"
            "| (本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) |  |  | 申请人情况 |"
            "  |  |  |  |  |  |\n"
            "|---|---|---|---|---|---|---|---|---|---|\n"
            "| 自然人 | 法人或其他组织 |  |  |  |  | 总计 |  |  |  |\n"
            "| 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |  |  |  |  |  |\n"
            "| 一、本年新收政府信息公开申请数量 |  |  |  | 34 |  |  | 0 | 16 |  |\n")
    assert new_requests(import_text(HEAD + body + TAIL).report) == [None, 34, None, None, 0, 16, None]


def test_headers_cut_to_two_characters_are_placed_by_the_row_of_them() -> None:
    """「本年 | 本年 | 对外」 fits only the 2019 order (本年新制作 · 本年新公开 · 对外公开总数量)."""
    body = ("第二十条第(一)项\n|\n本年 |\n本年 |\n对外 | |\n|\n规章 |\n1 |\n2 |\n3 |\n"
            "|\n规范性文件 |\n5 |\n7 |\n30 |\n")
    cells, rules = imported(body)
    assert cells == {"t2.regulations.issued": 1, "t2.normative_docs.issued": 5}
    assert "T2-06" in rules


def test_a_header_no_label_fits_keeps_its_column() -> None:
    """「本年增减」 (no slash) fits no label, but it is still a column: 处理决定数量 stays third."""
    body = ("第二十条第(五)项\n上一年项目数量\n本年增减\n处理决定数量\n行政许可\n12\n3\n33\n")
    cells, _ = imported(body)
    assert cells == {"t2.licensing.decisions": 33}
