"""Makes the README's window screenshots offscreen: python docs/screenshots.py"""

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.ui.app import make_app  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402
from desktop.ui.settings import Settings  # noqa: E402

OUT = ROOT / "docs" / "images"
NAMES = ["basic", "section1", "table2", "table3", "table4", "section5", "section6"]


def main() -> None:
    app = make_app()
    with tempfile.TemporaryDirectory() as tmp:
        window = MainWindow(Settings(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)))
        window.resize(1366, 768)  # an office laptop's screen
        window.show()
        app.processEvents()
        window.grab().save(str(OUT / "ui-start.png"))
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
        window.document.undo_stack.setClean()
        window.close()


if __name__ == "__main__":
    main()
