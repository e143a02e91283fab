"""Started as its own process by bench_editor.py: time from process start to a shown window."""

import time

START = time.perf_counter()

import os  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QSettings  # noqa: E402

from desktop.ui.app import make_app  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402
from desktop.ui.settings import Settings  # noqa: E402

app = make_app()
window = MainWindow(Settings(QSettings(str(Path(sys.argv[1])), QSettings.Format.IniFormat)))
window.show()
app.processEvents()
shown = time.perf_counter() - START
window.files.open_path(Path(sys.argv[2]))
app.processEvents()
opened = time.perf_counter() - START
print(f"{shown:.4f} {opened:.4f}")
