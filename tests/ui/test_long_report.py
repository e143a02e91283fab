"""A long report is checked off the UI thread: typing never waits for the checker, and the findings that
arrive are those of the text as it is now, identical to a check on the UI thread."""

from __future__ import annotations

import threading

from desktop.core.checks import check
from desktop.ui import background_check
from desktop.ui.background_check import LONG_REPORT_CHARS
from desktop.ui.document import ReportDocument
from tests.fixtures.reports import huaian

PARAGRAPH = "2024年，我市共收到政府信息公开申请3119件。加强政务公开平台建设，规范信息发布流程。"


def long_report():  # type: ignore[no-untyped-def]
    report = huaian()
    report.text["text.s1.management"] = PARAGRAPH * (LONG_REPORT_CHARS // len(PARAGRAPH) + 10)
    return report


def test_a_long_report_is_checked_in_the_background_with_the_same_findings(qtbot) -> None:  # type: ignore[no-untyped-def]
    report = long_report()
    document = ReportDocument(report)
    assert document.checking  # opening did not wait for the check
    qtbot.waitUntil(lambda: not document.checking, timeout=20000)
    assert document.findings == check(report)

    document.set_text("text.s1.on_request", "全年新收政府信息公开申请3000件。")  # disagrees with table 三
    document.recheck()
    assert document.checking
    document.set_text("text.s1.on_request", "全年新收政府信息公开申请3001件。")  # a later edit wins
    document.recheck()
    qtbot.waitUntil(lambda: not document.checking, timeout=20000)
    assert document.findings == check(report)
    assert any("3001" in f.message for f in document.findings if f.rule == "N-02")
    assert not any("3000件" in f.message for f in document.findings)


def test_a_short_report_is_still_checked_at_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    document = ReportDocument(huaian())
    assert not document.checking and document.findings == check(document.report)


def test_edits_made_during_a_check_are_checked_once_together(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Each check of a long report takes seconds: edits made meanwhile wait, and only the last is checked.
    The first check is held until the edits are made, so that a warm cache cannot finish it sooner."""
    report = huaian()
    report.text["text.s1.management"] = PARAGRAPH * (4 * LONG_REPORT_CHARS // len(PARAGRAPH))
    document = ReportDocument(report)
    qtbot.waitUntil(lambda: not document.checking, timeout=20000)
    checked: list[int] = []
    document._background.finished.connect(lambda generation, _findings: checked.append(generation))
    edits_made = threading.Event()

    def held_check(snapshot):  # type: ignore[no-untyped-def]
        edits_made.wait(timeout=20)
        return check(snapshot)

    monkeypatch.setattr(background_check, "check", held_check)
    for figure in range(3000, 3006):
        document.set_text("text.s1.on_request", f"全年新收政府信息公开申请{figure}件。")
        document.recheck()
    edits_made.set()
    qtbot.waitUntil(lambda: not document.checking, timeout=20000)
    assert len(checked) == 2  # the first edit's check, then the last one's
    assert document.findings == check(report)
    assert any("3005" in f.message for f in document.findings if f.rule == "N-02")


def test_the_first_check_of_a_long_report_waits_until_the_window_is_built(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Opening builds the window first: a check started at once shared the processor with it."""
    document = ReportDocument(long_report())
    assert document.checking and document.findings == []  # pending, shown as being checked
    assert not any(t.name == "nianbao-check" for t in threading.enumerate())
    qtbot.waitUntil(lambda: not document.checking, timeout=20000)  # the event loop turns: it runs
    assert document.findings == check(document.report)
