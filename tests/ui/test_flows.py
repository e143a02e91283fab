"""The flows driven through their narrow interface alone, with no widget: a headless host answers.

Also the seam's contract, read from the source: flow code names no window and no widget, and uses no
member of its host beyond the FlowHost protocol.
"""

from __future__ import annotations

import ast
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop.core import storage
from desktop.core.lastyear import next_year
from desktop.core.report import Report
from desktop.ui.document import ReportDocument
from desktop.ui.flows.export import ExportFlow
from desktop.ui.flows.files import FileFlows
from desktop.ui.flows.host import FlowHost, SaveChoice
from desktop.ui.settings import Settings
from tests.fixtures.reports import REPO, SEED_FILE
from tests.io.pdf_helpers import joined, page_fragments

FLOWS = REPO / "desktop" / "ui" / "flows"


class HeadlessHost:
    """Answers the flows' questions from lists given by the test and records what it was told."""

    def __init__(self) -> None:
        self.document: ReportDocument | None = None
        self.paths: list[str] = []
        self.answers: list[bool] = []
        self.asked: list[str] = []
        self.errors: list[str] = []
        self.statuses: list[str] = []
        self.pdfs: list[bytes] = []

    def ask_open_path(self, title: str, filters: str) -> str:
        return self.paths.pop(0)

    def ask_save_path(self, title: str, suggested: str, filters: str) -> str:
        return self.paths.pop(0)

    def ask_yes_no(self, title: str, text: str) -> bool:
        self.asked.append(f"{title}：{text}")
        return self.answers.pop(0)

    def ask_save_changes(self, name: str) -> SaveChoice:
        return SaveChoice.DISCARD

    def ask_new_report(self) -> Report | None:
        return Report.new("某乡", "township", 2024)

    def ask_import_answers(self, question: object) -> None:
        return None

    def confirm_import(self, report: Report, account: list[str]) -> bool:
        return True

    def tell_error(self, title: str, text: str) -> None:
        self.errors.append(f"{title}：{text}")

    def status(self, message: str) -> None:
        self.statuses.append(message)

    @contextmanager
    def busy(self, message: str) -> Iterator[None]:
        yield

    def run_cancellable(self, message: str, work):  # type: ignore[no-untyped-def]
        return work()

    def show_pdf(self, pdf: bytes, path: Path) -> None:
        self.pdfs.append(pdf)

    def current_document(self) -> ReportDocument | None:
        return self.document

    def show_document(self, document: ReportDocument | None) -> None:
        self.document = document

    def commit_open_edits(self) -> None:
        pass

    def recent_changed(self) -> None:
        pass


def _flows(tmp_path: Path, name: str = "s.ini") -> tuple[HeadlessHost, FileFlows, ExportFlow]:
    host = HeadlessHost()
    settings = Settings(QSettings(str(tmp_path / name), QSettings.Format.IniFormat))
    host_protocol: FlowHost = host  # the headless host is a FlowHost, as mypy checks here
    return host, FileFlows(host_protocol, settings), ExportFlow(host_protocol, settings)


def test_open_edit_save_export_link_and_undo_without_a_widget(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report_file = tmp_path / "耳口乡2024.nianbao"
    last_year_file = tmp_path / "耳口乡2023.nianbao"
    last_year = storage.load(SEED_FILE)
    last_year.cells["t3.carried_out.natural"] = 2
    storage.save(last_year, last_year_file)
    this_year = next_year(storage.load(SEED_FILE))
    this_year.previous = None  # not linked yet
    storage.save(this_year, report_file)
    host, files, exports = _flows(tmp_path)

    assert files.open_path(report_file)
    document = host.document
    assert document is not None and document.path == report_file
    assert document.set_value("t3.new.natural", "4")
    host.paths.append(str(tmp_path / "out.pdf"))
    host.answers.append(True)  # the report has errors; export all the same
    assert files.save() and storage.load(report_file).cells["t3.new.natural"] == 4
    assert exports.export(".pdf") == tmp_path / "out.pdf"
    assert "耳口乡" in joined(page_fragments((tmp_path / "out.pdf").read_bytes())[0]) and host.pdfs

    rules_before = {f.rule for f in document.findings}
    host.paths.append(str(last_year_file))
    assert files.link_last_year()
    assert document.report.previous is not None and document.report.previous.year == 2023
    assert "T3-05" in {f.rule for f in document.findings} - rules_before  # carried_in 0, last year's 2
    assert not document.undo_stack.isClean()  # autosave and the modified marker follow the link
    document.undo_stack.undo()
    assert document.report.previous is None
    assert "T3-05" not in {f.rule for f in document.findings}
    files.prepare_to_close()


def test_a_second_open_of_a_report_is_told_and_offered_as_a_copy(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "r.nianbao"
    storage.save(storage.load(SEED_FILE), path)
    first, first_files, _ = _flows(tmp_path, "a.ini")
    second, second_files, _ = _flows(tmp_path, "b.ini")
    assert first_files.open_path(path)
    second.answers.append(True)
    assert second_files.open_path(path)
    assert "已在本机的另一个年报助手窗口中打开" in second.asked[0] and f"进程{os.getpid()}" in second.asked[0]
    assert second.document is not None and second.document.path is None  # a copy: saving asks for a new name
    first_files.prepare_to_close()
    third, third_files, _ = _flows(tmp_path, "c.ini")
    assert third_files.open_path(path) and third.asked == []  # released with the first window
    third_files.prepare_to_close()


def test_a_file_changed_on_disk_is_noticed_before_saving_over_it(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "r.nianbao"
    storage.save(storage.load(SEED_FILE), path)
    host, files, _ = _flows(tmp_path)
    assert files.open_path(path)
    assert host.document is not None
    host.document.set_value("t4.review.upheld", "1")
    changed = storage.load(path)
    changed.text["text.s6"] = "别人改过"
    storage.save(changed, path)
    os.utime(path, ns=(time.time_ns() + 10**9, time.time_ns() + 10**9))
    host.answers.append(False)  # don't overwrite …
    host.paths.append(str(tmp_path / "mine.nianbao"))  # … save as a new file instead
    assert files.save()
    assert "已被其他程序或其他人修改" in host.asked[0]
    assert storage.load(path).text["text.s6"] == "别人改过"
    assert storage.load(tmp_path / "mine.nianbao").cells["t4.review.upheld"] == 1
    files.prepare_to_close()


def _flow_sources() -> list[Path]:
    return sorted(FLOWS.glob("*.py"))


def test_flow_code_names_no_window_and_no_widget() -> None:
    for path in _flow_sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                assert node.module not in ("PySide6.QtWidgets", "desktop.ui.main_window"), path.name
                assert not (node.module or "").startswith("desktop.ui.window"), path.name
            if isinstance(node, ast.Name | ast.Attribute):
                name = node.id if isinstance(node, ast.Name) else node.attr
                assert name not in ("MainWindow", "window", "QWidget"), f"{path.name}:{node.lineno}"


def test_flows_use_only_the_hosts_interface() -> None:
    """Each flow through its host's interface: the review window's flow through ReviewHost, the others
    through FlowHost."""
    from desktop.ui.flows.review import ReviewHost

    for path in _flow_sources():
        host = ReviewHost if path.name == "review.py" else FlowHost
        interface = {n for n in vars(host) if not n.startswith("_")}
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute)
                    and node.value.attr == "host"):
                assert node.attr in interface, f"{path.name}:{node.lineno} host.{node.attr}"


@pytest.mark.parametrize("module", ["desktop.core", "desktop.io"])
def test_the_import_graph_runs_one_way(module: str) -> None:
    """core imports nothing of io, ui or commands; io nothing of ui or commands (type-only imports aside)."""
    forbidden = {"desktop.core": ("desktop.io", "desktop.ui", "desktop.commands", "desktop.cli"),
                 "desktop.io": ("desktop.ui", "desktop.commands", "desktop.cli")}[module]
    folder = REPO / module.replace(".", "/")
    for path in folder.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        type_only = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
                     and getattr(node.test, "id", "") == "TYPE_CHECKING" for n in ast.walk(node)}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and id(node) not in type_only:
                assert not (node.module or "").startswith(forbidden), f"{path.relative_to(REPO)}: {node.module}"


def test_a_character_no_font_draws_is_told_before_the_pdf_is_written(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    host, files, exports = _flows(tmp_path)
    report = storage.load(SEED_FILE)
    report.text["text.s6"] = "本年度无其他需要报告的事项𝄞。"
    files.show(report, None)
    host.answers.append(False)  # don't export with empty boxes
    assert exports.export(".pdf") is None
    assert "没有字体能显示以下字符：“𝄞”（U+1D11E）" in host.asked[-1]
    assert list(tmp_path.glob("*.pdf")) == []
    host.answers.append(True)
    host.paths.append(str(tmp_path / "r.pdf"))
    assert exports.export(".pdf") == tmp_path / "r.pdf"
    files.prepare_to_close()


def test_recovered_edits_of_a_file_open_elsewhere_come_back_as_a_copy(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "r.nianbao"
    storage.save(storage.load(SEED_FILE), path)
    first, first_files, _ = _flows(tmp_path, "a.ini")
    assert first_files.open_path(path)
    second, second_files, _ = _flows(tmp_path, "b.ini")
    second_files.restore(storage.load(path), path)
    assert second.document is not None and second.document.path is None
    assert "恢复的修改作为未保存的副本打开" in second.statuses[-1]
    first_files.prepare_to_close()
    third, third_files, _ = _flows(tmp_path, "c.ini")
    third_files.restore(storage.load(path), path)  # nobody holds it now: the file's own edits, locked
    assert third.document is not None and third.document.path == path
    fourth, fourth_files, _ = _flows(tmp_path, "d.ini")
    fourth.answers.append(False)
    assert not fourth_files.open_path(path) and "已在本机的另一个年报助手窗口中打开" in fourth.asked[0]
    third_files.prepare_to_close()
