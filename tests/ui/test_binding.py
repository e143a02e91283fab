"""The Qt binding the app runs on keeps Python's None alive.

PySide6-Essentials 6.12.0 takes one reference off None at every call of a Qt method that returns nothing.
On Python 3.11, where None is reference-counted, the window then aborts with 「Fatal Python error:
none_dealloc」 after a few hundred cell edits; pyproject.toml keeps that release off Python 3.11.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_calls_into_qt_keep_none_alive(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(5000):
        label.setText("政府信息公开")  # returns nothing
        label.setVisible(False)
    assert sys.getrefcount(None) >= before - 100
