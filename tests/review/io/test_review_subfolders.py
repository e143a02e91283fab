"""A county's mail sorted into subfolders (乡镇, 部门) is reviewed whole: every report in every subfolder
gets its row, named by its path inside the folder, and last year's reports are found in theirs; what is
no report of its own (the pictures folder of a saved page, hidden folders) is left out."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from desktop.core import storage
from desktop.core.review.outcome import ReportReview
from desktop.io.review_read import Unreadable, received_files
from desktop.io.review_run import review_folder
from tests.fixtures.reports import SAMPLES
from tests.review.folders import TODAY, last_year_folder, late_department


def _county(root: Path) -> Path:
    folder = root / "收到的报告"
    (folder / "乡镇").mkdir(parents=True)
    (folder / "部门" / "统计局").mkdir(parents=True)
    shutil.copy(SAMPLES / "erkou-2023.txt", folder / "乡镇" / "耳口乡.txt")
    page = (Path(__file__).parents[2] / "io" / "corpus" / "portal-page.html").read_text(encoding="utf-8")
    (folder / "乡镇" / "石塘镇.html").write_text(page.replace("耳口乡", "石塘镇"), encoding="utf-8")
    assets = folder / "乡镇" / "石塘镇_files"  # what 「网页，全部」 keeps beside the page
    assets.mkdir()
    (assets / "frame.htm").write_text(page.replace("耳口乡", "石塘镇"), encoding="utf-8")
    (assets / "logo.gif").write_bytes(b"GIF89a")
    storage.save(late_department(), folder / "部门" / "统计局" / "统计局2023.nianbao")
    (folder / "部门" / ".svn").mkdir()
    (folder / "部门" / ".svn" / "entries").write_text("12\n", encoding="utf-8")
    shutil.copy(SAMPLES / "huaian-2024.pdf", folder / "淮安.pdf")
    return folder


@pytest.fixture(scope="module")
def county(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("county")
    last = last_year_folder(root)
    (last / "乡镇").mkdir()
    (last / "耳口乡人民政府2022.txt").rename(last / "乡镇" / "耳口乡人民政府2022.txt")
    return _county(root), last


@pytest.fixture(scope="module")
def reviews(county: tuple[Path, Path]) -> list[ReportReview]:
    return review_folder(*county, today=TODAY, workers=2)


def test_every_report_of_every_subfolder_has_its_row(reviews: list[ReportReview]) -> None:
    names = [review.file for review in reviews]
    assert names == [str(Path("乡镇", "石塘镇.html")), str(Path("乡镇", "耳口乡.txt")), "淮安.pdf",
                     str(Path("部门", "统计局", "统计局2023.nianbao"))]
    assert all(review.readable for review in reviews), [review.refused for review in reviews]
    assert [review.agency for review in reviews] == ["石塘镇", "耳口乡", "淮安市人民政府", "某县统计局"]


def test_last_year_is_found_in_a_subfolder_and_named_by_its_path(reviews: list[ReportReview]) -> None:
    erkou = next(review for review in reviews if review.agency == "耳口乡")
    assert erkou.last_year_file == str(Path("乡镇", "耳口乡人民政府2022.txt"))
    assert erkou.repetition is not None and erkou.repetition > 0.5


def test_a_page_saved_with_its_pictures_is_reviewed_once(county: tuple[Path, Path]) -> None:
    listed = [path.relative_to(county[0]) for path in received_files(county[0], 100)]
    assert Path("乡镇", "石塘镇.html") in listed
    assert not [path for path in listed if "石塘镇_files" in path.parts or ".svn" in path.parts]


def test_a_pictures_folder_without_its_page_is_read(tmp_path: Path) -> None:
    # a folder that only looks like one: no page of that name stands beside it
    (tmp_path / "年报_files").mkdir()
    (tmp_path / "年报_files" / "年报.txt").write_text("x", encoding="utf-8")
    (tmp_path / "年报.files").mkdir()
    (tmp_path / "年报.files" / "说明.txt").write_text("x", encoding="utf-8")
    assert [path.name for path in received_files(tmp_path, 100)] == ["说明.txt", "年报.txt"]


def test_the_file_limit_counts_the_subfolders(tmp_path: Path) -> None:
    for name in ("一", "二"):
        (tmp_path / name).mkdir()
        for number in range(3):
            (tmp_path / name / f"{number}.txt").write_text("x", encoding="utf-8")
    with pytest.raises(Unreadable, match="中的文件超过5个，请分批审核"):
        received_files(tmp_path, 5)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads every folder")
def test_a_subfolder_that_cannot_be_read_gets_a_row_and_the_rest_are_reviewed(tmp_path: Path) -> None:
    folder = tmp_path / "收到的报告"
    (folder / "锁住的").mkdir(parents=True)
    shutil.copy(SAMPLES / "erkou-2023.txt", folder / "耳口乡.txt")
    (folder / "锁住的").chmod(0)
    try:
        reviews = review_folder(folder, today=TODAY, workers=1)
    finally:
        (folder / "锁住的").chmod(0o755)
    rows = {review.file: review for review in reviews}
    assert rows["耳口乡.txt"].readable
    assert rows["锁住的"].refused.startswith("无法读取此文件夹中的文件：")


def test_a_subfolder_row_says_why_when_it_is_read_as_a_report(tmp_path: Path) -> None:
    """A folder that could be listed after all (it changed while the review ran) is named, not imported."""
    from desktop.io.review_read import read_received

    (tmp_path / "乡镇").mkdir()
    with pytest.raises(Unreadable, match="此文件夹中的文件未能列出，请单独审核此文件夹"):
        read_received(tmp_path / "乡镇")
