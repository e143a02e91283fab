"""The window asks for what an imported page does not say, and cancelling leaves the open report alone."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog

from desktop.core.fields import Level
from desktop.io.importers.identity import YEAR
from desktop.io.importers.questions import question_for
from desktop.ui.import_dialog import ImportAccountDialog
from desktop.ui.import_questions import ImportQuestionsDialog
from desktop.ui.main_window import MainWindow
from tests.fixtures.reports import SAMPLES

# Section 一 and table 二 of a page that names neither its year nor its agency.
NAMELESS = "一、总体情况\n我们认真落实政务公开工作。\n二、主动公开政府信息情况\n第二十条第(一)项 | |||\n" \
           "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n规章 | 0 | 0 | 0 |\n"


def test_dialog_is_prefilled_with_what_was_found(qtbot) -> None:  # type: ignore[no-untyped-def]
    question = question_for(frozenset({YEAR}), 2025, "区统计局", Level.COUNTY_DEPT)
    assert question is not None
    dialog = ImportQuestionsDialog(question)
    qtbot.addWidget(dialog)
    assert dialog.agency.text() == "区统计局"
    assert dialog.known().level is Level.COUNTY_DEPT
    assert dialog.year.text() == "请选择" and not dialog.ok.isEnabled()
    dialog.year.setValue(2023)
    assert dialog.ok.isEnabled()
    assert (dialog.known().year, dialog.known().agency, dialog.known().level) == (2023, "区统计局", Level.COUNTY_DEPT)


def test_nothing_is_asked_when_everything_was_found() -> None:
    assert question_for(frozenset(), 2023, "耳口乡", Level.TOWNSHIP) is None


def test_answers_complete_the_import(window: MainWindow, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "page.txt"
    source.write_text(NAMELESS, encoding="utf-8")
    asked: list[str] = []

    def confirm(dialog: QDialog) -> bool:
        qtbot.addWidget(dialog)
        if isinstance(dialog, ImportQuestionsDialog):
            asked.append(dialog.windowTitle())
            assert dialog.agency.text() == "" and dialog.level.currentIndex() == -1
            dialog.year.setValue(2023)
            dialog.agency.setText("某县统计局")
            dialog.level.setCurrentIndex(dialog.level.findData(Level.COUNTY_DEPT.value))
            assert dialog.ok.isEnabled()
        else:
            assert isinstance(dialog, ImportAccountDialog)
            assert "导入时填写" in dialog.account.toPlainText()
        return True

    window.host.run_dialog = confirm  # type: ignore[method-assign]
    assert window.files.import_path(source)
    assert asked
    meta = window.document.report.meta  # type: ignore[union-attr]
    assert (meta.year, meta.agency, meta.level) == (2023, "某县统计局", Level.COUNTY_DEPT)


def test_cancelling_the_question_cancels_the_import(window: MainWindow, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.files.open_sample()
    before = window.document
    original = before.report.model_copy(deep=True)  # type: ignore[union-attr]
    source = tmp_path / "page.txt"
    source.write_text(NAMELESS, encoding="utf-8")
    shown: list[type] = []

    def cancel(dialog: QDialog) -> bool:
        qtbot.addWidget(dialog)
        shown.append(type(dialog))
        return False

    window.host.run_dialog = cancel  # type: ignore[method-assign]
    assert not window.files.import_path(source)
    assert shown == [ImportQuestionsDialog]
    assert window.document is before and window.document.report == original  # type: ignore[union-attr]


def test_a_page_that_says_everything_asks_nothing(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    shown: list[type] = []

    def accept(dialog: QDialog) -> bool:
        qtbot.addWidget(dialog)
        shown.append(type(dialog))
        return True

    window.host.run_dialog = accept  # type: ignore[method-assign]
    assert window.files.import_path(SAMPLES / "erkou-2023.txt")
    assert shown == [ImportAccountDialog]
