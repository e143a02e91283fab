"""The findings come in the same order in every run: the panel, the JSON and the review sheets list them as
the checker gives them, and two runs of the same report must not read differently."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.fixtures.reports import REPO

_LIST = """
import datetime as dt, json
from tests.fixtures.reports import huaian
from desktop.core.checks import check
report = huaian()
report.text["text.s1.intro"] = "本年度未发生因政府信息公开引起的行政复议、行政诉讼。"
print(json.dumps([[f.rule, list(f.cells), f.message] for f in check(report, today=dt.date(2025, 1, 10))]))
"""


def _findings(seed: str) -> list[list[object]]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-c", _LIST], cwd=REPO, env=env, capture_output=True, text=True,
                          check=True, timeout=120)
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def test_the_order_does_not_depend_on_the_run() -> None:
    """「未发生…行政复议、行政诉讼」 makes one finding per kind of case, 复议 first as the text says."""
    runs = [_findings(seed) for seed in ("1", "2", "3", "4")]
    review = [f for f in runs[0] if f[0] == "N-05"]
    assert [f[1][1] for f in review] == ["t4.review.total", "t4.suit_direct.total"]
    assert all(run == runs[0] for run in runs)
