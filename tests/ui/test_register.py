"""The register in the window: the mapping dialog driven like a clerk, the drill-down from a figure to its
register rows, the differences from typed figures with their fixes, and the flow with its remembered
mapping, driven through a headless host."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt
from PySide6.QtWidgets import QComboBox

from desktop.core.register import compute
from desktop.core.register.columns import Kind
from desktop.core.register.mapping import Mapping, guess_mapping
from desktop.core.register.sheet import RawSheet
from desktop.core.report import Report
from desktop.ui.document import ReportDocument
from desktop.ui.flows.register import RegisterFlow
from desktop.ui.register_mapping_dialog import RegisterMappingDialog
from desktop.ui.register_result_dialog import RegisterResultDialog
from desktop.ui.settings import Settings
from tests.fixtures.registers import D, guessed, raw_sheet, write_xlsx
from tests.ui.helpers import file_menu_actions
from tests.ui.test_flows import HeadlessHost

HEADERS = ("序号", "申请人", "受理日期", "申请人身份", "答复结果", "答复日期")
ROWS = [
    ["1", "李某", D(2023, 12, 28), "自然人", "予以公开", D(2024, 1, 6)],
    ["2", "某公司", D(2024, 2, 1), "企业", "不予公开", D(2024, 2, 20)],
    ["3", "王某", D(2024, 3, 1), "群众", "部分公开", D(2024, 3, 15)],
    ["4", "张某", D(2024, 4, 1), "自然人", "办理中", None],
    ["5", "某协会", D(2024, 5, 1), "本地商会", "予以公开", D(2024, 5, 9)],
]


def _choose(box: QComboBox, data: object) -> None:
    index = box.findData(data)
    assert index >= 0, data
    box.setCurrentIndex(index)


def test_the_mapping_dialog_shows_the_guess_and_takes_the_clerks_corrections(qtbot) -> None:  # type: ignore[no-untyped-def]
    sheet = raw_sheet(ROWS, HEADERS)
    dialog = RegisterMappingDialog(sheet, guess_mapping(sheet))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.column_boxes["received"].currentText() == "第3列：受理日期"
    assert dialog.column_boxes["applicant"].currentText() == "第4列：申请人身份"
    assert dialog.column_boxes["closed"].currentText() == "第6列：答复日期"
    assert dialog.target_boxes[("applicant", "群众")].currentData() == "natural"
    assert dialog.target_boxes[("result", "不予公开")].currentData() is None
    assert dialog.target_boxes[("applicant", "本地商会")].currentData() is None
    assert dialog.state.text() == "有2种写法未识别：这些行不计入，计算后会逐行列出"
    _choose(dialog.target_boxes[("result", "不予公开")], "denied_4")
    _choose(dialog.target_boxes[("applicant", "本地商会")], "nonprofit")
    assert dialog.state.text() == "所有写法都已对应"
    _choose(dialog.column_boxes["closed"], None)
    assert not dialog.ok.isEnabled() and dialog.state.text() == "请选择办结日期所在的列"
    _choose(dialog.column_boxes["closed"], 5)
    assert dialog.ok.isEnabled()
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == RegisterMappingDialog.DialogCode.Accepted
    chosen = dialog.chosen()
    assert chosen.columns == {"received": 2, "applicant": 3, "result": 4, "closed": 5, "ref": 0, "reason": None}
    assert chosen.values["result"]["不予公开"] == "denied_4" and chosen.values["applicant"]["本地商会"] == "nonprofit"


def test_choosing_another_column_guesses_its_words_again(qtbot) -> None:  # type: ignore[no-untyped-def]
    sheet = raw_sheet(ROWS, HEADERS)
    dialog = RegisterMappingDialog(sheet, guess_mapping(sheet))
    qtbot.addWidget(dialog)
    _choose(dialog.column_boxes["applicant"], 1)  # the names column, by mistake
    assert ("applicant", "某公司") in dialog.target_boxes and ("applicant", "群众") not in dialog.target_boxes
    assert dialog.target_boxes[("applicant", "某公司")].currentData() == "business"
    _choose(dialog.column_boxes["applicant"], 3)
    assert dialog.target_boxes[("applicant", "群众")].currentData() == "natural"


@pytest.fixture
def document(qapp) -> Iterator[ReportDocument]:  # type: ignore[no-untyped-def]
    """A report open in no window; deleted on the UI thread at the end, as the window deletes its own."""
    opened = ReportDocument(Report.new("某乡", "township", 2024))
    yield opened
    opened.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_click_on_a_figure_lists_the_register_rows_behind_it(qtbot, document) -> None:  # type: ignore[no-untyped-def]
    sheet, mapping = guessed(ROWS, HEADERS)
    account = compute.account([(sheet, mapping)], 2024)
    dialog = RegisterResultDialog(document, account)
    qtbot.addWidget(dialog)
    dialog.show()
    table = dialog.tables["t3"]
    index = table.model.index_of("t3.new.natural")
    assert index.data() == "2"
    assert table.model.headerData(index.row(), Qt.Orientation.Vertical) == "本年新收政府信息公开申请数量"
    rect = table.grid.visualRect(index)
    qtbot.mouseClick(table.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert table.caption.text() == "表三 一、本年新收政府信息公开申请数量 / 自然人：2件，来自台账中的以下行"
    assert [table.rows.headerData(c, Qt.Orientation.Horizontal) for c in range(table.rows.columnCount())] == [
        "行号", "收到日期", "申请人类型", "办理结果", "办结日期", "登记编号"]
    rows = [[table.rows.index(r, c).data() for c in range(table.rows.columnCount())]
            for r in range(table.rows.rowCount())]
    assert rows == [["4", "2024-03-01", "群众", "部分公开", "2024-03-15", "3"],
                    ["5", "2024-04-01", "自然人", "办理中", "", "4"]]
    not_counted = [dialog.not_counted.item(i).text() for i in range(dialog.not_counted.count())]
    assert not_counted == ["办理结果“不予公开”对应不到表三：台账第3行，未计入",
                           "申请人类型“本地商会”对应不到表三：台账第6行，未计入"]


def test_differences_from_typed_figures_are_listed_with_a_fix_and_writing_all_is_one_undo_step(qtbot, document) -> None:  # type: ignore[no-untyped-def]
    document.set_value("t3.granted.natural", "3")  # the register has 1
    account = compute.account([guessed(ROWS, HEADERS)], 2024)
    dialog = RegisterResultDialog(document, account)
    qtbot.addWidget(dialog)
    dialog.show()
    (finding,) = dialog.findings
    assert finding.message == "表三 （一）予以公开 / 自然人：填的是3，台账中是1件（台账第2行）"
    marked = dialog.tables["t3"].model.index_of("t3.granted.natural")
    assert marked.data(Qt.ItemDataRole.ToolTipRole) == "报告中填的是3"
    item = dialog.differences.topLevelItem(0)
    qtbot.mouseClick(dialog.differences.viewport(), Qt.MouseButton.LeftButton,
                     pos=dialog.differences.visualItemRect(item).center())
    assert dialog.tables["t3"].caption.text().startswith("表三 （一）予以公开 / 自然人：1件")
    button = dialog.differences.itemWidget(item, 1)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert document.report.cells["t3.granted.natural"] == 1 and dialog.findings == []
    assert dialog.differences.topLevelItem(0).text(0) == "报告中已填的数字与台账一致"
    steps = document.undo_stack.count()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    def yes() -> None:  # two words of the register are not recognised: asked before writing
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(0, yes)
    qtbot.mouseClick(dialog.write, Qt.MouseButton.LeftButton)
    assert document.undo_stack.count() == steps + 1
    assert all(document.report.cells[k] == v for k, v in account.values().items())
    document.undo_stack.undo()
    assert document.report.cells["t3.new.total"] is None and document.report.cells["t3.granted.natural"] == 1


class Questions:
    """Answers the register dialogs as the clerk would, and records what they were shown."""

    def __init__(self) -> None:
        self.guesses: list[Mapping] = []
        self.corrections: dict[str, str] = {}
        self.shown: list[compute.Account] = []

    def ask_register_mapping(self, sheet: RawSheet, guess: Mapping) -> Mapping | None:
        self.guesses.append(guess)
        for word, target in self.corrections.items():
            guess.values["result"][word] = target
        return guess

    def show_register_account(self, document: ReportDocument, account: compute.Account) -> None:
        self.shown.append(account)


def test_the_flow_remembers_the_mapping_for_the_layout(qapp, tmp_path: Path, document) -> None:  # type: ignore[no-untyped-def]
    host, questions = HeadlessHost(), Questions()
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    flow = RegisterFlow(host, settings, questions)
    host.document = document
    register = write_xlsx(tmp_path / "台账.xlsx", {"2024": [list(HEADERS), *ROWS]})
    questions.corrections = {"不予公开": "denied_2"}
    host.paths.append(str(register))
    host.answers.append(False)  # no last year's register
    account = flow.compute_from_register()
    assert account is not None and questions.shown == [account]
    assert account.values()["t3.denied_2.business"] == 1
    questions.corrections = {}
    host.paths.append(str(register))
    host.answers.append(False)
    flow.compute_from_register()
    assert questions.guesses[-1].values["result"]["不予公开"] == "denied_2"  # remembered
    other_layout = write_xlsx(tmp_path / "另一种.xlsx", {"2024": [["收到日期", "申请人类型", "办理结果", "办结日期"],
                                                                 [D(2024, 1, 2), "自然人", "不予公开", D(2024, 1, 3)]]})
    host.paths.append(str(other_layout))
    host.answers.append(False)
    flow.compute_from_register()
    assert questions.guesses[-1].values["result"]["不予公开"] is None


def test_the_flow_checks_last_years_register_and_refuses_what_is_not_one(qapp, tmp_path: Path, document) -> None:  # type: ignore[no-untyped-def]
    host, questions = HeadlessHost(), Questions()
    flow = RegisterFlow(host, Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)), questions)
    host.document = document
    this_year = write_xlsx(tmp_path / "2024.xlsx", {"2024": [list(HEADERS), *ROWS]})
    last_year = write_xlsx(tmp_path / "2023.xlsx", {"2023": [
        list(HEADERS), ["1", "李某", D(2023, 12, 28), "自然人", "办理中", None],  # carried into 2024's register
        ["9", "赵某", D(2023, 12, 30), "自然人", "办理中", None]]})  # open, and missing from it
    host.paths += [str(this_year), str(last_year)]
    host.answers.append(True)
    account = flow.compute_from_register()
    assert account is not None
    assert [(f.rule, f.message[:18]) for f in account.carry_findings] == [("R-02", "2023年台账第3行的申请（编号9）")]
    (tmp_path / "坏.xlsx").write_bytes(b"PK\x03\x04")
    host.paths.append(str(tmp_path / "坏.xlsx"))
    assert flow.compute_from_register() is None
    assert host.errors[-1].startswith("无法读取台账：“坏.xlsx”不是有效的 .xlsx 文件")


def test_new_register_saves_a_copy_of_the_template(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    host = HeadlessHost()
    flow = RegisterFlow(host, Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)), Questions())
    host.paths.append(str(tmp_path / "我的台账"))
    target = flow.new_register()
    assert target == tmp_path / "我的台账.xlsx" and target.read_bytes()[:2] == b"PK"
    from desktop.io.register_read import read_register

    assert [s.kind for s in read_register(target)] == [Kind.APPLICATIONS, Kind.CASES]
    host.paths.append(str(tmp_path / "没有的文件夹" / "台账.xlsx"))
    assert flow.new_register() is None and host.errors[-1].startswith("新建台账：无法写入")


def test_the_file_menu_has_the_register_actions(window) -> None:  # type: ignore[no-untyped-def]
    actions = file_menu_actions(window)
    assert actions["新建台账…"].isEnabled()
    assert not actions["从台账计算表三、表四…"].isEnabled()  # on the start page: no report to compute for
    window.files.open_sample()
    assert actions["从台账计算表三、表四…"].isEnabled()


def test_the_dialogs_open_over_the_window_and_answer_the_flow(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    from desktop.ui.register_dialogs import RegisterDialogs

    window.files.open_sample()
    dialogs = RegisterDialogs(window)
    sheet, guess = guessed(ROWS, HEADERS)
    seen: list[QDialog] = []

    def answer(accept: bool) -> None:
        modal = QApplication.activeModalWidget()
        assert isinstance(modal, QDialog)
        seen.append(modal)
        modal.accept() if accept else modal.reject()

    QTimer.singleShot(0, lambda: answer(True))
    chosen = dialogs.ask_register_mapping(sheet, guess)
    assert chosen is not None and chosen.columns == guess.columns
    assert seen[-1].windowTitle() == "确认台账的列和写法" and seen[-1].parent() is window
    QTimer.singleShot(0, lambda: answer(False))
    assert dialogs.ask_register_mapping(sheet, guess) is None
    QTimer.singleShot(0, lambda: answer(False))
    dialogs.show_register_account(window.document, compute.account([(sheet, guess)], 2023))
    assert seen[-1].windowTitle() == "从台账计算 — 2023年"


def test_a_table_cells_context_menu_opens_the_register_at_that_cell(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.ui.register_sources import remember
    from tests.ui.helpers import open_table

    window.files.open_sample()
    assert window.editor.tables["t2"].sources_action is None
    view = open_table(window, "t3")
    action = window.editor.tables["t3"].sources_action
    assert action in view.actions() and view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    view.setCurrentIndex(view.spec_model.index_of("t3.new.natural"))
    action.trigger()
    assert window.statusBar().currentMessage() == "本表尚未从台账计算：请用 文件 → 从台账计算表三、表四"
    remember(window.document, compute.account([guessed(ROWS, HEADERS)], 2023))
    shown: list[str] = []

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RegisterResultDialog)
        shown.append(dialog.tables["t3"].caption.text())
        dialog.reject()

    QTimer.singleShot(0, read_and_close)
    action.trigger()
    assert shown == ["表三 一、本年新收政府信息公开申请数量 / 自然人：1件，来自台账中的以下行"]


def test_choosing_a_reason_column_joins_it_to_the_result_words(qtbot) -> None:  # type: ignore[no-untyped-def]
    headers = ("受理日期", "申请人类型", "答复类型", "说明", "答复日期")
    sheet = raw_sheet([[D(2024, 1, 2), "自然人", "不予公开", "属于国家秘密", D(2024, 1, 9)]], headers)
    dialog = RegisterMappingDialog(sheet, guess_mapping(sheet))
    qtbot.addWidget(dialog)
    assert dialog.target_boxes[("result", "不予公开")].currentData() is None
    _choose(dialog.column_boxes["reason"], 3)
    assert ("result", "不予公开") not in dialog.target_boxes
    assert dialog.target_boxes[("result", "不予公开–属于国家秘密")].currentData() == "denied_1"


def test_writing_an_incomplete_account_asks_first(qtbot, document) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    dialog = RegisterResultDialog(document, compute.account([guessed(ROWS, HEADERS)], 2024))  # 2 words unknown
    qtbot.addWidget(dialog)
    dialog.show()
    asked: list[str] = []

    def answer(button: QMessageBox.StandardButton) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        box.button(button).click()

    QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.No))
    assert dialog.write_all() is False and document.undo_stack.count() == 0
    assert asked == ["台账中有2处写法或行未计入，写入的表格将不包含这些申请。仍要写入吗？"]
    QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.Yes))
    assert dialog.write_all() is True and document.report.cells["t3.new.total"] == 2


def test_the_register_models_pass_the_model_tester(qtmodeltester, document) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.register_models import RegisterGridModel, RegisterRowsModel

    account = compute.account([guessed(ROWS, HEADERS)], 2024)
    document.set_value("t3.granted.natural", "3")
    grid = RegisterGridModel(account.tallies[0], document.report)
    qtmodeltester.check(grid)
    rows = RegisterRowsModel()
    qtmodeltester.check(rows)
    rows.show(account.tallies[0].rows_behind("t3.new.total"))
    qtmodeltester.check(rows)
    assert rows.rowCount() == 2 and grid.rowCount() == 25 and grid.columnCount() == 7


def test_the_tables_offering_register_sources_are_those_a_register_gives() -> None:
    # register_sources names them itself so that the window starts without the register's modules
    from desktop.core.register.tally import TABLE_OF
    from desktop.ui.register_sources import REGISTER_TABLES

    assert set(REGISTER_TABLES) == set(TABLE_OF.values())
