"""A page saved 「网页，全部」 whose article is in a frame: the page holds only the portal's shell, the
browser keeps the frame beside it in 报告_files/. The frame is read, and the account says so; a page with
its article in itself is read as before, its sidebar frames left alone."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import pytest

from desktop.core.values import parse_cell
from desktop.io.importing import ImportRefused, import_file
from desktop.io.review_run import review_folder
from tests.review.folders import TODAY

CORPUS = Path(__file__).parent / "corpus"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
CELLS = {key: parse_cell(key, value) for key, value in EXPECTED["cells"].items()}
ARTICLE = (CORPUS / "portal-page.html").read_text(encoding="utf-8")


def _shell(frame_source: str, encoding: str = "utf-8") -> bytes:
    charset = "gb2312" if encoding != "utf-8" else "utf-8"
    nav = "".join(f'<li><a href="/c{n}/">栏目{n}：政策文件与解读</a></li>' for n in range(12))
    return (f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>政府信息公开_贵溪市人民政府</title></head>'
            f'<body><ul class="nav">{nav}</ul><iframe src="{frame_source}" width="100%"></iframe>'
            '<iframe src="https://www.guixi.gov.cn/share.html"></iframe>'
            '<div class="footer">主办单位：贵溪市人民政府办公室</div></body></html>').encode(encoding)


def _saved(folder: Path, frame_source: str, encoding: str = "utf-8", stem: str = "耳口乡年报") -> Path:
    page = folder / f"{stem}.html"
    page.write_bytes(_shell(frame_source, encoding))
    assets = folder / f"{stem}_files"
    assets.mkdir()
    (assets / "saved_resource.html").write_text(ARTICLE, encoding="utf-8")
    (assets / "share.html").write_text("<html><body>分享到：微信 微博</body></html>", encoding="utf-8")
    return page


@pytest.mark.parametrize(("source", "encoding"), [
    ("./耳口乡年报_files/saved_resource.html", "utf-8"),
    ("./耳口乡年报_files/saved_resource.html", "gb18030"),  # the shell in GB, the folder's name with it
    (f"./{quote('耳口乡年报_files')}/saved_resource.html", "utf-8"),
    ("耳口乡年报_files/saved_resource.html?v=3#top", "utf-8"),
], ids=["utf-8", "gb", "percent-encoded", "query"])
def test_the_article_frame_beside_the_page_is_read(tmp_path: Path, source: str, encoding: str) -> None:
    result = import_file(_saved(tmp_path, source, encoding))
    assert result.report.cells == CELLS
    assert (result.report.meta.agency, result.report.meta.year) == ("耳口乡", 2023)
    assert "网页正文在随网页保存的框架网页“耳口乡年报_files/saved_resource.html”中，已从中导入" in result.account


def test_a_page_with_its_own_article_keeps_it_and_leaves_a_sidebar_frame(tmp_path: Path) -> None:
    (tmp_path / "页面_files").mkdir()
    (tmp_path / "页面_files" / "related.html").write_text("<p>相关文章：耳口乡召开党政联席会议</p>", encoding="utf-8")
    page = tmp_path / "页面.html"
    page.write_text(ARTICLE.replace("</body>", '<iframe src="页面_files/related.html"></iframe></body>'),
                    encoding="utf-8")
    result = import_file(page)
    assert result.report.cells == CELLS
    assert not [line for line in result.account if "框架网页" in line]


def test_a_frame_that_was_not_saved_leaves_the_shell_refused_as_before(tmp_path: Path) -> None:
    page = tmp_path / "耳口乡年报.html"
    page.write_bytes(_shell("https://www.guixi.gov.cn/art/2024/1/5/content.html"))
    with pytest.raises(ImportRefused, match="没有找到政府信息公开工作年度报告的标题、章节或表格"):
        import_file(page)


def test_a_frame_outside_the_page_types_is_not_read(tmp_path: Path) -> None:
    page = _saved(tmp_path, "./耳口乡年报_files/saved_resource.js")
    (tmp_path / "耳口乡年报_files" / "saved_resource.js").write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(ImportRefused):
        import_file(page)


def test_a_county_review_reads_the_frame_once(tmp_path: Path) -> None:
    folder = tmp_path / "收到的报告"
    folder.mkdir()
    _saved(folder, "./耳口乡年报_files/saved_resource.html")
    reviews = review_folder(folder, today=TODAY, workers=1)
    assert [(review.file, review.agency, review.errors) for review in reviews] == [("耳口乡年报.html", "耳口乡", 0)]
