"""Makes the README's window screenshots offscreen: python docs/screenshots.py"""

import os
import shutil
import sys
import tempfile
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QRect, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.core.report import Report  # noqa: E402
from desktop.ui.app import make_app  # noqa: E402
from desktop.ui.flows.host import SaveChoice  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402
from desktop.ui.settings import Settings  # noqa: E402

OUT = ROOT / "docs" / "images"
NAMES = ["basic", "section1", "table2", "table3", "table4", "section5", "section6"]


def main() -> None:
    app = make_app()
    with tempfile.TemporaryDirectory() as tmp:
        window = MainWindow(Settings(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)))
        window.resize(1366, 768)  # an office laptop's screen
        recent_files(window, Path(tmp) / "政府信息公开" / "年度报告")
        window.show()
        app.processEvents()
        window.grab().save(str(OUT / "ui-start.png"))
        window.host.ask_new_report = lambda: Report.new("耳口乡", "township", 2024)  # type: ignore[method-assign]
        window.files.new_report()
        QApplication.processEvents()
        window.grab().save(str(OUT / "ui-first-view.png"))  # what a clerk sees first in a new report
        window.host.ask_save_changes = lambda name: SaveChoice.DISCARD  # type: ignore[method-assign]
        window.files.open_sample()
        assert window.editor is not None and window.document is not None
        for number, name in enumerate(NAMES):
            window.editor.tabs.setCurrentIndex(number)
            QApplication.processEvents()
            window.grab().save(str(OUT / f"ui-{name}.png"))
        window.document.set_value("t3.new.natural", "3")
        window.document.set_value("t3.granted.natural", "2")
        window.editor.tabs.setCurrentIndex(3)
        QApplication.processEvents()
        window.grab().save(str(OUT / "ui-table3-findings.png"))
        toolbar = window.toolbar
        width = toolbar.x() + toolbar.widgetForAction(toolbar.errors_action).geometry().right() + 40
        window.grab(QRect(0, 0, width, toolbar.geometry().bottom() + 1)).save(
            str(OUT / "ui-toolbar.png"))  # the menus and the toolbar, with the count of errors
        window.editor.tabs.setCurrentIndex(1)
        QApplication.processEvents()
        window.grab().save(str(OUT / "ui-section1-findings.png"))
        window.document.undo_stack.undo()
        window.document.undo_stack.undo()
        window.editor.tabs.setCurrentIndex(3)
        view = window.editor.tables["t3"].view
        view.setCurrentIndex(view.spec_model.index_of("t3.granted.business"))
        window.document.set_value("t3.granted.business", "五")  # refused: stays visible and marked
        view.setCurrentIndex(view.spec_model.index_of("t3.granted.research"))  # the marking, not the cursor
        QApplication.processEvents()
        window.grab().save(str(OUT / "ui-table3-refused.png"))
        window.document.drop_rejected("t3.granted.business")
        window.document.set_text("text.s5", "存在的问题:培训不足,,改进措施:(一)加强培训;(二)完善制度。")
        window.document.recheck()
        window.editor.tabs.setCurrentIndex(5)
        QApplication.processEvents()
        window.grab().save(str(OUT / "ui-section5-punctuation.png"))
        window.document.undo_stack.undo()
        next_year_shot(window)
        window.close()
    review_shots()


def next_year_shot(window: MainWindow) -> None:
    """以本报告为基础新建下一年度报告, its 五 begun anew: last year's text beside it, what still repeats marked."""
    assert window.document is not None
    window.document.undo_stack.setClean()
    window.files.next_year()
    assert window.editor is not None and window.document is not None
    carried = window.document.report.text["text.s5"]
    window.document.set_text("text.s5", "（一）工作中存在的主要问题：\n1.政策解读形式较为单一，图解、视频解读偏少；\n"
                             "2.部分栏目信息更新不够及时。" + carried[carried.index("\n（二）"):])
    window.document.recheck()
    window.editor.tabs.setCurrentIndex(5)
    QApplication.processEvents()
    window.grab().save(str(OUT / "ui-next-year.png"))
    window.document.undo_stack.setClean()


def recent_files(window: MainWindow, folder: Path) -> None:
    """Three reports of other years, saved on given days, for the start page's list."""
    folder.mkdir(parents=True)
    for year, saved in ((2021, datetime(2022, 1, 12, 9, 40)), (2022, datetime(2023, 1, 9, 16, 5)),
                        (2023, datetime(2024, 1, 4, 15, 30))):
        path = folder / f"耳口乡{year}年报告.nianbao"
        shutil.copy(ROOT / "resources" / "samples" / "erkou-2023.nianbao", path)
        os.utime(path, (saved.timestamp(), saved.timestamp()))
        window.settings.add_recent(path)
    window.refresh_recent()


def review_shots() -> None:
    """文件 → 审核文件夹 on a county folder made from the samples, and its workbook as LibreOffice shows it
    (``python docs/screenshots.py review`` makes only these)."""
    import subprocess

    from desktop.core.review.scoring import load_scoring
    from desktop.core.review.summary import summarise, worst_first
    from desktop.io.review_run import review_folder
    from desktop.io.review_xlsx import export_xlsx
    from desktop.resources import resource
    from desktop.ui.review_window import ReviewWindow
    from tests.review.folders import PLANTED_SUM, TODAY, last_year_folder, received_folder

    make_app()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "县政务公开办" / "2024年1月收到的年报"
        root.mkdir(parents=True)
        received, last_year = received_folder(root), last_year_folder(root)
        window = ReviewWindow(Settings(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)))
        window.flow.today = TODAY
        window.resize(1366, 768)
        window.show()
        window.flow.review(received, last_year)
        window.flow.open_row([r.review.file for r in window.flow.rows].index(PLANTED_SUM))
        window.table.selectRow([r.review.file for r in window.flow.rows].index(PLANTED_SUM))
        QApplication.processEvents()
        window.grab().save(str(OUT / "review-window.png"))
        window.close()
        scoring = load_scoring(resource("review", "scoring.json"))
        rows = worst_first([summarise(r, scoring) for r in review_folder(received, last_year, today=TODAY)])
        book = Path(tmp) / "审核汇总.xlsx"
        export_xlsx(rows, book)
        soffice = shutil.which("soffice")
        if soffice is None:
            print("soffice not found: the workbook pictures are not made")
            return
        fonts = Path(tmp) / "fonts.conf"  # the shipped fonts, for a system without Chinese ones
        fonts.write_text(f'<?xml version="1.0"?><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf'
                         f'</include><dir>{ROOT / "resources" / "fonts"}</dir></fontconfig>', encoding="utf-8")
        profile = (Path(tmp) / "lo-profile").as_uri()
        subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", tmp, str(book)], check=True, capture_output=True, timeout=180,
                       env={**os.environ, "FONTCONFIG_FILE": str(fonts)})
        import pypdfium2
        from PIL import Image, ImageOps

        pdf = book.with_suffix(".pdf")
        last = str(len(pypdfium2.PdfDocument(pdf)))
        for name, page, dpi in (("summary", "1", "170"), ("charts", last, "110")):
            picture = Path(tmp) / name
            subprocess.run(["pdftoppm", "-png", "-singlefile", "-f", page, "-l", page, "-r", dpi, str(pdf),
                            str(picture)], check=True, timeout=120)
            image = Image.open(picture.with_suffix(".png")).convert("RGB")
            left, top, right, bottom = ImageOps.invert(image).getbbox() or (0, 0, *image.size)
            image.crop((max(0, left - 16), max(0, top - 16), right + 16, bottom + 16)).save(
                OUT / f"review-xlsx-{name}.png")  # the printed part of the page


if __name__ == "__main__":
    review_shots() if sys.argv[1:] == ["review"] else main()
