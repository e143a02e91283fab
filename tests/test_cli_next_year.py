"""nianbao next: next year's report with this year's text as drafts that check reports until revised."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.cli import main
from desktop.core import storage
from tests.fixtures.reports import seed


def test_next_carries_the_text_as_drafts_and_the_in_force_count(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    this_year = seed()
    this_year.cells["t2.normative_docs.in_force"] = 6
    storage.save(this_year, tmp_path / "2023.nianbao")
    following = tmp_path / "2024.nianbao"
    assert main(["next", str(tmp_path / "2023.nianbao"), "-o", str(following)]) == 0
    assert "各栏文字沿用2023年的作为草稿（8栏）" in capsys.readouterr().out
    report = storage.load(following)
    assert report.text == this_year.text and report.cells["t2.normative_docs.in_force"] == 6
    assert main(["set", str(following), "t2.normative_docs.issued=2"]) == 0
    assert storage.load(following).cells["t2.normative_docs.in_force"] == 6  # set writes exactly what it is given
    capsys.readouterr()
    assert main(["check", str(following), "--json", "--today", "2025-01-10"]) == 1
    drafts = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["rule"] == "X-03"]
    assert len(drafts) == 8 and drafts[0]["fix"]["label"] == "确认已修改"
    rewritten = "本年度存在的问题是政策解读形式单一、栏目更新不够及时，下一步将加强培训。"
    (tmp_path / "s5.txt").write_text(rewritten, encoding="utf-8")
    assert main(["set", str(following), "text.s5=@" + str(tmp_path / "s5.txt")]) == 0
    capsys.readouterr()
    main(["check", str(following), "--json", "--today", "2025-01-10"])
    drafts = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["rule"] == "X-03"]
    assert len(drafts) == 7 and "text.s5" not in {f["cells"][0] for f in drafts}
