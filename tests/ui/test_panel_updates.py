"""After an edit, the problems panel replaces only the rows whose finding changed: the others keep their
place and their fix buttons, so the list stays where the clerk was reading. Whatever the changes, the
panel shows exactly what a panel built afresh would show."""

from __future__ import annotations

import random

from PySide6.QtWidgets import QApplication, QPushButton, QTreeWidgetItem, QWidget

from desktop.core.checks import Finding, Fix, Severity
from desktop.core.report import Report
from desktop.ui.document import ReportDocument
from desktop.ui.main_window import MainWindow
from desktop.ui.problems_panel import LISTED_PER_SEVERITY, ProblemsPanel
from tests.fixtures.reports import huaian


def _rows(panel: ProblemsPanel) -> list[tuple[str, list[tuple[str, str, str | None]]]]:
    """Each group's title and its rows: text, rule and the labels of the row's buttons."""
    shown = []
    for g in range(panel.topLevelItemCount()):
        group = panel.topLevelItem(g)
        assert group is not None
        rows = []
        for c in range(group.childCount()):
            row = group.child(c)
            assert row is not None
            rows.append((row.text(0), row.text(1), _buttons(panel, row)))
        shown.append((group.text(0), rows))
    return shown


def _buttons(panel: ProblemsPanel, row: QTreeWidgetItem) -> str | None:
    widget = panel.itemWidget(row, 2)
    if widget is None:
        return None
    buttons = [widget] if isinstance(widget, QPushButton) else widget.findChildren(QPushButton)
    return "|".join(b.text() for b in buttons)


def _finding(number: int, severity: Severity, fixed: bool) -> Finding:
    fix = Fix(f"将文中的“{number}件”改为“{number + 1}件”", (("text.s6", f"改{number}"),)) if fixed else None
    return Finding("N-02", severity, ("text.s6",), f"第{number}处与表三不一致", fix)


def test_one_more_finding_leaves_the_other_rows_in_place(window: MainWindow) -> None:
    report = huaian()
    report.text["text.s6"] = "全市共受理政府信息公开申请3120件。本年度办结申请3150件。"  # table 三: 3119, 3153
    document, panel = _shown(window, report)
    buttons_before = {row.text(0): panel.itemWidget(row, 2) for row in _all_rows(panel)}
    assert sum(isinstance(w, QWidget) for w in buttons_before.values()) == 2  # 改文字 for each sentence
    document.set_value("t3.carried_out.natural", "2")  # the table disagrees with itself too
    QApplication.processEvents()
    after = {row.text(0): panel.itemWidget(row, 2) for row in _all_rows(panel)}
    assert len(after) > len(buttons_before)
    kept = [text for text, widget in buttons_before.items() if widget is not None]
    assert all(after[text] is buttons_before[text] for text in kept)  # the same buttons, not new ones
    assert _rows(panel) == _afresh(panel, document)


def test_any_sequence_of_findings_shows_as_a_panel_built_afresh(window: MainWindow) -> None:
    document, panel = _shown(window, huaian())
    rng = random.Random(3)
    pool = [_finding(n, rng.choice(list(Severity)), rng.random() < 0.6) for n in range(LISTED_PER_SEVERITY + 40)]
    current: list[Finding] = []
    for _ in range(60):
        change = rng.random()
        if change < 0.4 and current:  # mended: one or a few findings go
            for _ in range(min(len(current), rng.randint(1, 3))):
                current.pop(rng.randrange(len(current)))
        elif change < 0.8:  # broken: a few come, anywhere in the list
            for finding in rng.sample(pool, rng.randint(1, 4)):
                current.insert(rng.randint(0, len(current)), finding)
        else:  # a different check altogether
            current = rng.sample(pool, rng.randint(0, len(pool)))
        document.findings = list(current)
        document.findings_changed.emit()
        assert _rows(panel) == _afresh(panel, document)


def test_a_finding_whose_fix_changed_gets_the_new_button(window: MainWindow) -> None:
    document, panel = _shown(window, huaian())
    same_words = Finding("N-02", Severity.ERROR, ("text.s6",), "第1处与表三不一致", Fix("改为2件", ()))
    document.findings = [same_words]
    document.findings_changed.emit()
    document.findings = [Finding("N-02", Severity.ERROR, ("text.s6",), "第1处与表三不一致", Fix("改为3件", ()))]
    document.findings_changed.emit()
    assert _rows(panel)[0][1][0][2] == "改为3件"


def _shown(window: MainWindow, report: Report) -> tuple[ReportDocument, ProblemsPanel]:
    document = ReportDocument(report)
    window.set_document(document)
    assert window.editor is not None
    return document, window.editor.problems


def _afresh(panel: ProblemsPanel, document: ReportDocument) -> list[tuple[str, list[tuple[str, str, str | None]]]]:
    """The rows of a panel built for the same findings, with the same tab in view."""
    fresh = ProblemsPanel(document)
    fresh.shown_first = panel.shown_first
    fresh.refresh()
    rows = _rows(fresh)
    document.findings_changed.disconnect(fresh.refresh)
    fresh.deleteLater()
    return rows


def _all_rows(panel: ProblemsPanel) -> list[QTreeWidgetItem]:
    rows = []
    for g in range(panel.topLevelItemCount()):
        group = panel.topLevelItem(g)
        assert group is not None
        rows += [child for c in range(group.childCount()) if (child := group.child(c)) is not None]
    return rows


def test_the_list_stays_where_the_clerk_scrolled_it(window: MainWindow) -> None:
    """An edit that adds findings above the row at the top of the list leaves that row at the top (the list
    jumped back to its start after every edit)."""
    report = huaian()
    report.text["text.s6"] = "".join(f"全市共受理政府信息公开申请{3120 + n}件。" for n in range(40))
    document = ReportDocument(report)
    window.resize(1366, 768)
    window.set_document(document)
    assert window.editor is not None
    panel = window.editor.problems
    QApplication.processEvents()
    bar = panel.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum() // 2)
    QApplication.processEvents()
    top = panel.itemAt(0, 0)
    assert top is not None and "申请31" in top.text(0)  # a row of the list, not the first
    document.set_value("t3.carried_out.natural", "2")  # table 三 disagrees with itself: rows come above
    QApplication.processEvents()
    assert panel.itemAt(0, 0) is top and bar.value() > 0
