"""A command run as the installed program leaves without tearing the interpreter down, and that loses
nothing: its files are whole, its output is all there, atexit callbacks run, a running thread is waited
for, and a reader that stopped early is no error."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from desktop.core import storage
from tests.fixtures.reports import SEED_FILE

ROOT = Path(__file__).resolve().parents[1]
ERKOU_TEXT = ROOT / "tests" / "data" / "samples" / "erkou-2023.txt"


def installed(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """``python -m desktop …``, which runs ``desktop.cli.entry`` as the console script and the bundle do."""
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=120, check=False, **kwargs)  # type: ignore[call-overload]


PROBE = """
import atexit, sys, threading
from desktop.cli import entry

class Freed:
    def __del__(self):
        print("torn down", flush=True)

kept = Freed()
atexit.register(lambda: print("atexit ran", flush=True))
if "--thread" in sys.argv:
    sys.argv.remove("--thread")
    threading.Thread(target=lambda: print("thread read", sys.stdin.readline().strip(), flush=True)).start()
entry()
"""


def probe(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-u", "-c", PROBE, *args], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
                            cwd=ROOT)


def test_a_command_runs_the_atexit_callbacks_and_skips_the_teardown() -> None:
    with probe("check", str(SEED_FILE)) as process:
        out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    assert "耳口乡" in out and "atexit ran" in out
    assert "torn down" not in out  # a normal exit frees the module's objects and prints it


def test_the_exit_code_of_a_failed_command_is_kept(tmp_path: Path) -> None:
    done = installed("export", str(tmp_path / "无此文件.nianbao"), "-o", str(tmp_path / "x.pdf"))
    assert done.returncode == 2 and "找不到" in done.stderr


def test_a_thread_still_running_is_waited_for() -> None:
    with probe("--thread", "check", str(SEED_FILE)) as process:
        assert process.stdout is not None and process.stdin is not None
        first = process.stdout.readline()  # the command has printed its summary and is about to leave
        assert "耳口乡" in first
        process.stdin.write("go\n")
        process.stdin.close()
        rest = process.stdout.read()
        process.wait(timeout=120)
    assert "thread read go" in rest and "atexit ran" in rest and process.returncode == 0


def test_a_reader_that_stops_early_is_no_error() -> None:
    buffered = {key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"}  # as installed
    with subprocess.Popen([sys.executable, "-m", "desktop", "check", str(SEED_FILE), str(SEED_FILE)],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=buffered) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # long before the command prints, like `nianbao check … | head -0`
        err = process.stderr.read().decode("utf-8", "replace")
        assert process.wait(timeout=120) == 0
    assert "Traceback" not in err and "Exception ignored" not in err


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".html"])
def test_an_export_is_whole(tmp_path: Path, suffix: str) -> None:
    output = tmp_path / f"耳口乡{suffix}"
    done = installed("export", str(SEED_FILE), "-o", str(output), "--force")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"已导出：{output}"
    if suffix == ".pdf":
        text = "".join(page.extract_text() for page in PdfReader(output).pages)
        assert "耳口乡2023年政府信息公开工作年度报告" in text and "六、其他需要报告的事项" in text
    elif suffix == ".docx":
        assert any("六、其他需要报告的事项" in p.text for p in docx.Document(str(output)).paragraphs)
    else:
        assert output.read_text(encoding="utf-8").rstrip().endswith("</html>")


def test_project_files_written_by_commands_are_whole(tmp_path: Path) -> None:
    made = tmp_path / "某乡.nianbao"
    done = installed("new", "--agency", "某乡", "--level", "township", "--year", "2024", "-o", str(made))
    assert done.returncode == 0, done.stderr
    assert installed("set", str(made), "t3.new.natural=3").returncode == 0
    assert storage.load(made).cells["t3.new.natural"] == 3
    following = tmp_path / "2024.nianbao"
    assert installed("next", str(SEED_FILE), "-o", str(following)).returncode == 0
    assert storage.load(following).meta.year == 2024
    imported = tmp_path / "导入.nianbao"
    done = installed("import", str(ERKOU_TEXT), "-o", str(imported))
    assert done.returncode == 0, done.stderr
    assert storage.load(imported).meta.agency == "耳口乡"


def test_a_review_sheet_is_whole(tmp_path: Path) -> None:
    folder = tmp_path / "收到"
    folder.mkdir()
    shutil.copy(SEED_FILE, folder / "耳口乡.nianbao")
    summary = tmp_path / "汇总.html"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = installed("review", str(folder), "-o", str(summary), env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    text = summary.read_text(encoding="utf-8")
    assert "耳口乡" in text and text.rstrip().endswith("</html>")
