"""How long the window's UI thread stops for, with a long report open (issue 15: never more than 50 ms
for the checker while the clerk types). A timer on the UI thread ticks every 5 ms; the longest wait
between two ticks is printed for opening the report until its findings are shown, for typing into a text
section, and for editing a table cell and setting it back, each until the check after it is shown. The
cell's edit mends thousands of findings (the repeated sentence now agrees), and setting it back brings
them all again.

Every text field of the Huaian report is filled to 100 KB and 1 MB (as in bench_long_text.py), with one
disagreeing figure per repetition: thousands of findings. Each size runs in a fresh process.

    python benchmarks/bench_long_ui.py            # both sizes
    python benchmarks/bench_long_ui.py 1048576    # one size, in this process
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

SIZES = (100 * 1024, 1024 * 1024)


def measure_one(size: int) -> dict[str, float]:
    from bench_long_text import long_report
    from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from desktop.core import storage
    from desktop.ui.app import make_app
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings
    from desktop.ui.tab_layout import tab_of

    app = make_app()
    folder = Path(tempfile.mkdtemp())
    window = MainWindow(Settings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)))
    window.resize(1366, 768)
    window.show()
    path = folder / "long.nianbao"
    storage.save(long_report(size), path)

    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(5)

    def longest_wait(action, settle: float = 0.3) -> tuple[float, float]:  # type: ignore[no-untyped-def]
        """The longest gap between ticks from the action until its check is shown, and how long that took."""
        ticks.clear()
        start = time.perf_counter()
        ticks.append(start)
        action()
        while window.document is None or window.document.checking:
            app.processEvents()
        shown = time.perf_counter() - start
        end = time.perf_counter() + settle
        while time.perf_counter() < end:
            app.processEvents()
        return max(b - a for a, b in zip(ticks, ticks[1:], strict=False)), shown

    results: dict[str, float] = {"size": size}
    results["open_wait"], results["open_shown"] = longest_wait(lambda: window.files.open_path(path))
    editor = window.editor
    assert editor is not None and window.document is not None
    editor.tabs.setCurrentIndex(tab_of("text.s6", editor.defs))
    text = editor.section6.editor
    text.setFocus()
    settled = time.perf_counter() + 0.5  # the tab's first layout and underlines, before the typing is timed
    while time.perf_counter() < settled:
        app.processEvents()

    def typing() -> None:
        for char in "本年度新增政务公开栏目三个":
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(text, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))
            end = time.perf_counter() + 0.12  # a clerk's pace
            while time.perf_counter() < end:
                app.processEvents()

    results["typing_wait"], results["typing_shown"] = longest_wait(typing)
    document = window.document
    cell = "t3.new.natural"
    original = document.report.cells.get(cell) or 0
    results["cell_wait"], results["cell_shown"] = longest_wait(lambda: document.set_value(cell, original + 1))
    results["findings"] = len(document.findings)
    results["back_wait"], results["back_shown"] = longest_wait(lambda: document.set_value(cell, original))
    results["findings_back"] = len(document.findings)
    # The same typing with the checker switched off: what the window itself costs (Qt lays out the whole
    # paragraph at each key), so that the checker's share of the wait above can be told.
    document._text_check.timeout.disconnect(document.recheck)
    results["unchecked_wait"], results["unchecked_shown"] = longest_wait(typing)
    document.undo_stack.setClean()
    return results


def main(argv: list[str]) -> None:
    if argv:
        print(json.dumps(measure_one(int(argv[0]))), flush=True)
        os._exit(0)  # skip tearing down thousands of widgets
    print("longest wait of the UI thread with a long report open (target: ≤ 50 ms for the checker):")
    for size in SIZES:
        done = subprocess.run([sys.executable, __file__, str(size)], capture_output=True, text=True, check=False)
        lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
        if done.returncode != 0 or not lines:
            print(f"  {size // 1024:>5} KB per section: failed (exit {done.returncode}) {done.stderr[-300:]}")
            continue
        r = json.loads(lines[-1])
        print(f"  {size // 1024:>5} KB per section, {int(r['findings'])} findings after the cell's edit, "
              f"{int(r['findings_back'])} after it is set back:")
        for name, label in (("open", "opening, until the findings are shown"),
                            ("typing", "typing 13 characters into 六、其他, until checked"),
                            ("cell", "a cell of table 三, until checked"),
                            ("back", "the same cell set back, until checked"),
                            ("unchecked", "the same typing, the checker switched off")):
            print(f"    {label:<48} longest wait {r[name + '_wait'] * 1000:6.0f} ms, "
                  f"shown after {r[name + '_shown']:.2f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
