"""A county office checks a folder of received reports in mixed formats, straight from the command line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core import storage
from tests.fixtures.reports import SAMPLES

CORPUS = Path(__file__).parent / "corpus"


def run(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture()
def received(tmp_path: Path) -> Path:
    folder = tmp_path / "received"
    folder.mkdir()
    shutil.copy(SAMPLES / "erkou-2023.txt", folder / "a-erkou.txt")
    shutil.copy(SAMPLES / "huaian-2024.pdf", folder / "b-huaian.pdf")
    shutil.copy(CORPUS / "portal-page.html", folder / "c-portal.html")
    shutil.copy(CORPUS / "trial-2019.txt", folder / "d-trial.txt")
    (folder / "e-scan.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    (folder / "f-empty.txt").write_bytes(b"")
    return folder


def test_import_writes_a_project_file_and_prints_the_account(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "huaian.nianbao"
    code, out, err = run(capsys, "import", str(SAMPLES / "huaian-2024.pdf"), "-o", str(target))
    assert code == 0, err
    assert "机关：淮安市人民政府；年度：2024年" in out
    assert "设区的市、自治州人民政府" in out
    assert "已导入：淮安市人民政府2024年政府信息公开工作年度报告" in out
    report = storage.load(target)
    assert report.cells["t3.total.total"] == 3050 and report.manual_totals


def test_import_refusal_is_one_line(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "x.txt"
    source.write_bytes(b"")
    code, out, err = run(capsys, "import", str(source), "-o", str(tmp_path / "x.nianbao"))
    assert code == 2
    assert err.startswith("错误：") and "空文件" in err and "Traceback" not in err


def test_check_a_folder_of_mixed_files(received: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    files = sorted(str(p) for p in received.iterdir())
    code, out, _ = run(capsys, "check", *files)
    lines = out.strip().split("\n")
    assert len(lines) == len(files)  # one summary line per file
    by_name = {Path(line.split("\t")[0]).name: line for line in lines}
    assert "耳口乡\t2023年" in by_name["a-erkou.txt"]
    assert "淮安市人民政府\t2024年" in by_name["b-huaian.pdf"]
    assert "耳口乡\t2023年" in by_name["c-portal.html"]
    assert "无法读取" in by_name["e-scan.pdf"] and "无法读取" in by_name["f-empty.txt"]
    assert code == 2  # some files could not be read


def test_check_json_gives_full_findings(received: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    files = [str(received / "a-erkou.txt"), str(received / "d-trial.txt"), str(received / "f-empty.txt")]
    code, out, _ = run(capsys, "check", "--json", *files)
    erkou, trial, empty = (json.loads(line) for line in out.strip().split("\n"))
    assert erkou["agency"] == "耳口乡" and erkou["errors"] == 0
    rules = {f["rule"] for f in trial["findings"]}
    assert "T2-06" in rules  # the 2019 trial headers
    assert "T3-04" in rules  # the cells the 2019 table cannot fill stay blank
    assert trial["errors"] > 0
    assert "error" in empty and "空文件" in empty["error"]
    assert code == 2


def test_check_reports_what_an_import_left_out(capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "check", "--json", str(CORPUS / "blanks-and-gaps.txt"))
    result = json.loads(out)
    messages = [f["message"] for f in result["findings"] if f["rule"] == "S-01"]
    assert any("五、存在的主要问题及改进情况" in m for m in messages)
    assert any("(八)其他情形" in m for m in messages)
    assert code == 1
