"""A page saved as one file (.mht from IE and 360, .mhtml from Chrome and Edge): the report is read from the
page part, in the character set its bytes are really in, wherever the portal put the article; a file that
stopped early or left text in another frame says so."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from desktop.core.values import parse_cell
from desktop.io.importing import MAX_TEXT_BYTES, ImportRefused, import_bytes, import_file
from desktop.io.review_read import read_received
from desktop.ui.flows.files import IMPORT_FILTER
from tests.io.corpus.make_corpus import corpus_cells, ie_archive, portal_html

CORPUS = Path(__file__).parent / "corpus"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
CELLS = {key: parse_cell(key, value) for key, value in EXPECTED["cells"].items()}
IE = (CORPUS / "portal-page-ie.mht").read_bytes()
CHROME = (CORPUS / "portal-page-chrome.mhtml").read_bytes()
CLOSING = b"------=_NextPart_000_0000_01DA3FB1.5C1B2E40--"


def _page(**replace: str) -> str:
    html = portal_html(corpus_cells())
    for old, new in replace.items():
        assert old in html
        html = html.replace(old, new)
    return html


def test_the_archive_files_are_what_browsers_write() -> None:
    # guards on the corpus itself: the page is in the encodings, not as readable text
    assert IE.startswith("From: <由 Windows Internet Explorer 8 保存>".encode("gb2312"))
    assert "耳口乡".encode("gb2312") not in IE and b"Content-Transfer-Encoding: quoted-printable" in IE
    assert CHROME.startswith(b"From: <Saved by Blink>") and CHROME.count(b"Content-Type: text/html") == 3
    assert "耳口乡".encode() not in CHROME


@pytest.mark.parametrize("data", [IE, CHROME], ids=["ie", "chrome"])
def test_every_value_and_the_identity_are_read(data: bytes) -> None:
    result = import_bytes(data, "耳口乡2023年报.mht")
    assert result.report.cells == CELLS
    assert result.report.text == EXPECTED["text"]
    meta = result.report.meta
    assert (meta.agency, meta.year, str(meta.date), meta.level.value) == ("耳口乡", 2023, "2024-01-04", "township")
    assert result.missing == frozenset()
    assert not [line for line in result.account if "网页存档" in line]  # nothing to tell


def test_gbk_characters_under_a_gb2312_label_are_kept() -> None:
    # 「镕」 and 「堃」 are in GBK, not GB2312; IE labels such a page gb2312 all the same
    six = "<p><strong>六、其他需要报告的事项</strong></p>"
    html = _page(**{six: six + "<p>本报告由党政办朱镕堃同志汇总。</p>"})
    result = import_bytes(ie_archive(html, encoding="gbk"), "报告.mht")
    assert result.report.text["text.s6"].startswith("本报告由党政办朱镕堃同志汇总。")
    assert result.report.cells == CELLS
    assert not [line for line in result.account if "无法识别" in line]


def test_a_page_labelled_western_is_read_in_its_real_encoding() -> None:
    result = import_bytes(ie_archive(_page(), label="iso-8859-1"), "报告.mht")
    assert result.report.meta.agency == "耳口乡"
    assert result.report.cells == CELLS


def test_a_page_in_big5_is_read_by_its_label() -> None:
    # a mirror in traditional characters, saved in Big5: read by its label, then made simplified
    from tests.io.corpus.make_corpus import traditional

    html = traditional(_page()).encode("big5", "xmlcharrefreplace").decode("big5")  # 「&#24452;」 for the rest
    result = import_bytes(ie_archive(html, encoding="big5", label="big5"), "鏡像.mht")
    assert result.report.meta.agency == "耳口乡"
    assert result.report.cells == CELLS
    assert "原文为繁体字，已全文转换为简体字" in result.account


def test_an_article_in_a_frame_is_chosen_over_the_portal_shell() -> None:
    # the Chrome corpus file: shell, style sheet, article frame, share frame
    result = import_bytes(CHROME, "报告.mhtml")
    assert result.report.provenance.missing_parts == []
    assert "分享到" not in json.dumps(result.report.text, ensure_ascii=False)


def test_another_frame_with_text_of_its_own_is_told() -> None:
    notes = "".join(f"<p>相关文章：耳口乡第{n}次党政联席会议纪要全文公开发布</p>" for n in range(20))
    related = f"<html><body>{notes}</body></html>"
    part = (b"------=_NextPart_000_0000_01DA3FB1.5C1B2E40\r\nContent-Type: text/html; charset=\"utf-8\"\r\n"
            b"Content-Transfer-Encoding: base64\r\n\r\n" + base64.encodebytes(related.encode()) + b"\r\n")
    result = import_bytes(IE.replace(CLOSING, part + CLOSING), "报告.mht")
    assert result.report.cells == CELLS
    assert "网页存档中另有1个框架网页含有文字，已导入文字最多的一个，请核对是否完整" in result.account


def test_pictures_beyond_the_text_limit_do_not_refuse_the_page() -> None:
    picture = base64.encodebytes(bytes(MAX_TEXT_BYTES))
    part = (b"------=_NextPart_000_0000_01DA3FB1.5C1B2E40\r\nContent-Type: image/jpeg\r\n"
            b"Content-Transfer-Encoding: base64\r\nContent-Location: http://www.guixi.gov.cn/photo.jpg\r\n\r\n"
            + picture + b"\r\n")
    data = IE.replace(CLOSING, part + CLOSING)
    assert len(data) > MAX_TEXT_BYTES
    assert import_bytes(data, "报告.mht").report.cells == CELLS


def test_an_archive_cut_inside_the_page_says_so_and_keeps_what_it_read() -> None:
    data = IE[: IE.index(b"Content-Type: image/gif") - 2000]
    result = import_bytes(data, "报告.mht")
    assert "网页存档在网页正文中途结束（文件可能未保存完整），请核对内容是否齐全" in result.account
    assert result.report.meta.agency == "耳口乡"
    assert result.report.cells["t2.regulations.issued"] == CELLS["t2.regulations.issued"]


def test_an_archive_cut_after_the_page_needs_no_note() -> None:
    result = import_bytes(IE[:-30], "报告.mht")
    assert result.report.cells == CELLS
    assert not [line for line in result.account if "网页存档" in line]


def test_an_archive_without_a_page_is_refused_with_a_reason() -> None:
    start = IE.index(b"------=_NextPart_000_0000_01DA3FB1.5C1B2E40\r\nContent-Type: text/html")
    end = IE.index(b"------=_NextPart_000_0000_01DA3FB1.5C1B2E40\r\nContent-Type: image/gif")
    with pytest.raises(ImportRefused) as caught:
        import_bytes(IE[:start] + IE[end:], "图片.mht")
    assert str(caught.value) == "“图片.mht”是网页存档（.mht），但其中没有网页正文，无法导入"


def test_a_county_review_reads_a_saved_archive(tmp_path: Path) -> None:
    path = tmp_path / "耳口乡.mht"
    path.write_bytes(IE)
    report = read_received(path).report
    assert (report.meta.agency, report.meta.year) == ("耳口乡", 2023)
    assert report.cells == CELLS


def test_the_import_dialog_lists_archives(tmp_path: Path) -> None:
    shown = IMPORT_FILTER.split(";;")[0]
    assert "*.mht" in shown and "*.mhtml" in shown
    path = tmp_path / "report.mhtml"
    path.write_bytes(CHROME)
    assert import_file(path).report.meta.agency == "耳口乡"
