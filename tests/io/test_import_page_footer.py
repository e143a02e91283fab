"""What a portal prints below the article (font-size buttons, 纠错, view counts, the site's footer) is not
section 六's text, while the clerk's last lines are kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.io.importing import import_text

CORPUS = Path(__file__).parent / "corpus"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
PAGE = (CORPUS / "pipes.txt").read_text(encoding="utf-8")
S6 = EXPECTED["text"]["text.s6"]


@pytest.mark.parametrize("footer", [
    "【字体：大 中 小】", "字号：大 中 小", "网站纠错", "【我要纠错】", "附件下载：", "相关附件",
    "政府网站标识码：3606810001", "浏览次数：123", "已阅读 1234 次", "技术支持：贵溪市信息中心",
    "Copyright © 2024 贵溪市人民政府", "本网站建议使用1920*1080分辨率", "【返回顶部】", "微信 微博 QQ",
])
def test_a_line_of_the_pages_footer_ends_the_article(footer: str):
    report = import_text(f"{PAGE}\n{footer}\n主办单位：贵溪市人民政府办公室\n").report
    assert report.text["text.s6"] == S6


@pytest.mark.parametrize("line", [
    "微信微博同步发布政务信息12条。", "阅读量较上年有所提高。", "纠错机制不断完善，全年纠正错误信息2条。"])
def test_prose_that_starts_like_a_footer_stays(line: str):
    report = import_text(f"{PAGE}\n{line}\n").report
    assert report.text["text.s6"] == f"{S6}\n{line}"
