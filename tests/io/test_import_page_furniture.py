"""What a portal prints around the article is no text of the report: below it (font-size buttons, 纠错,
view counts, the site's footer) it is not section 六's, and between the title and section 一 (the
catalogue's fields, the date and time, reading tools) it is not the preamble's. Prose that starts with the
same words is kept."""

from __future__ import annotations

import pytest

from desktop.io.importing import import_text
from tests.io.corpus_values import EXPECTED, corpus_page

PAGE = corpus_page("pipes.txt")
S6 = EXPECTED["text"]["text.s6"]


@pytest.mark.parametrize("footer", [
    "【字体：大 中 小】", "字号：大 中 小", "网站纠错", "【我要纠错】", "附件下载：", "相关附件",
    "政府网站标识码：3606810001", "浏览次数：123", "已阅读 1234 次", "技术支持：贵溪市信息中心",
    "Copyright © 2024 贵溪市人民政府", "本网站建议使用1920*1080分辨率", "【返回顶部】", "微信 微博 QQ",
    "耳口乡2023年政府信息公开工作年度报告.pdf", "附件1.政府信息公开工作年度报告.docx",
])
def test_a_line_of_the_pages_footer_ends_the_article(footer: str):
    report = import_text(f"{PAGE}\n{footer}\n主办单位：贵溪市人民政府办公室\n").report
    assert report.text["text.s6"] == S6


@pytest.mark.parametrize("line", [
    "微信微博同步发布政务信息12条。", "阅读量较上年有所提高。", "纠错机制不断完善，全年纠正错误信息2条。"])
def test_prose_that_starts_like_a_footer_stays(line: str):
    report = import_text(f"{PAGE}\n{line}\n").report
    assert report.text["text.s6"] == f"{S6}\n{line}"


TITLE = "耳口乡2023年政府信息公开工作年度报告\n"


@pytest.mark.parametrize("furniture", [
    "字体：大 中 小", "选择字号：大 中 小", "【大】【中】【小】", "作者：耳口乡", "时间：2024-01-05",
    "日期：2024-01-05", "2024-01-05 09:12", "阅读次数：12", "访问量：12", "点击数：12", "发布机构：耳口乡人民政府",
    "所属机构：耳口乡", "公开方式：主动公开", "公开范围：面向社会", "公开时限：常年公开", "生成日期：2024-01-04",
    "有效性：有效", "效力状态：有效", "主题词：年度报告", "信息分类：政府信息公开年报", "统一编号：G01009",
    "责任单位：耳口乡", "撰稿：张三", "审稿：李四", "视力保护色：", "[ 打印 ] [ 关闭 ]",
    "一键阅读", "无障碍浏览", "语音播报",
])
def test_a_line_of_the_pages_header_under_the_title_is_no_preamble(furniture: str):
    assert TITLE in PAGE
    report = import_text(PAGE.replace(TITLE, TITLE + furniture + "\n", 1)).report
    assert report.text["text.preamble"] == ""
    assert report.text == EXPECTED["text"]


@pytest.mark.parametrize("line", [
    "时间紧、任务重，我乡按照条例要求编制本报告。", "日期以成文日期为准。", "大中小学生均可查阅。"])
def test_a_preamble_that_starts_like_the_header_stays(line: str):
    report = import_text(PAGE.replace(TITLE, TITLE + line + "\n", 1)).report
    assert report.text["text.preamble"] == line
