"""Next year's report starts from this year's: text as a draft (X-03) and 现行有效件数 following T2-03."""

from __future__ import annotations

import datetime as dt

from desktop.core import storage
from desktop.core.checks import check
from desktop.core.checks.drafts import DRAFT_RULE, unrevised_drafts
from desktop.core.edits import apply, plan_many, plan_set, revert
from desktop.core.lastyear import next_year
from desktop.core.narrative.repeats import last_year_repeats
from desktop.core.report import Report
from tests.fixtures.reports import huaian, seed

TODAY = dt.date(2025, 1, 10)
DOCS = "t2.normative_docs"


def drafts_reported(report: Report) -> list[str]:
    return [f.cells[0] for f in check(report, today=TODAY) if f.rule == DRAFT_RULE]


def test_the_text_is_carried_as_a_draft_and_reported_until_revised() -> None:
    this_year = seed()
    following = next_year(this_year)
    assert following.text == this_year.text
    assert "text.preamble" not in following.drafts and "text.s5" in following.drafts
    assert drafts_reported(following) == list(following.drafts)
    s5 = [f for f in check(following, today=TODAY) if f.rule == DRAFT_RULE and f.cells == ("text.s5",)][0]
    assert s5.message.startswith("“五、存在的主要问题及改进情况”仍是2023年报告的文字（100%与上年相同）")
    following.text["text.s5"] = following.text["text.s5"].replace("2023年", "2024年")
    assert "text.s5" in drafts_reported(following)  # the year changed, the text is still last year's
    following.text["text.s5"] = "本年度存在的问题是政策解读形式单一、栏目更新不够及时。下一步将加强培训，完善制度。"
    assert "text.s5" not in drafts_reported(following)


def test_keeping_last_years_text_is_one_undoable_fix() -> None:
    following = next_year(seed())
    (finding,) = [f for f in check(following, today=TODAY) if f.rule == DRAFT_RULE and f.cells == ("text.s6",)]
    assert finding.fix is not None and finding.fix.label == "确认已修改"
    edit = plan_many(following, finding.fix.values, finding.fix.label)
    apply(following, edit)
    assert "text.s6" not in drafts_reported(following) and "text.s5" in drafts_reported(following)
    revert(following, edit)
    assert "text.s6" in drafts_reported(following)


def test_a_cleared_field_is_no_draft_and_drafts_survive_saving(tmp_path) -> None:  # type: ignore[no-untyped-def]
    following = next_year(seed())
    following.text["text.s1.intro"] = ""
    assert "text.s1.intro" not in unrevised_drafts(following)
    storage.save(following, tmp_path / "r.nianbao")
    assert storage.load(tmp_path / "r.nianbao") == following


def test_in_force_starts_from_last_year_and_follows_issued_and_repealed_until_typed() -> None:
    this_year = huaian()
    this_year.cells.update({f"{DOCS}.issued": 3, f"{DOCS}.repealed": 1, f"{DOCS}.in_force": 40})
    following = next_year(this_year)
    assert following.cells[f"{DOCS}.in_force"] == 40 and following.cells[f"{DOCS}.issued"] is None
    issued = plan_set(following, f"{DOCS}.issued", "5")
    apply(following, issued)
    assert following.cells[f"{DOCS}.in_force"] == 45
    apply(following, plan_set(following, f"{DOCS}.repealed", "2"))
    assert following.cells[f"{DOCS}.in_force"] == 43
    assert not [f for f in check(following, today=TODAY) if f.rule == "T2-03"]
    typed = plan_set(following, f"{DOCS}.in_force", "50")
    apply(following, typed)
    apply(following, plan_set(following, f"{DOCS}.issued", "6"))
    assert following.cells[f"{DOCS}.in_force"] == 50  # the clerk's own figure is never moved
    assert [f for f in check(following, today=TODAY) if f.rule == "T2-03"]
    revert(following, typed)
    assert f"{DOCS}.in_force" in following.in_force_follows


def test_a_value_written_past_the_editor_is_left_alone() -> None:
    following = next_year(huaian())
    following.cells[f"{DOCS}.in_force"] = 7  # nianbao set writes exactly what it is given
    apply(following, plan_set(following, f"{DOCS}.issued", "2"))
    assert following.cells[f"{DOCS}.in_force"] == 7


def test_last_years_repeated_passages_are_found_for_the_side_by_side_view() -> None:
    following = next_year(seed())
    assert following.previous is not None
    last_s5 = following.previous.text["text.s5"]  # 「（一）工作…参与”。」: all of it, from 工 to 与
    assert last_year_repeats(following)["text.s5"] == ((1, len(last_s5) - 2),)
    following.text.update({k: "" for k in following.text if k != "text.s5"})
    assert last_year_repeats(following)["text.s5"] == ((1, len(last_s5) - 2),)  # phrases found anywhere
    following.text["text.s5"] = "全新的文字，与上年没有一句相同。"
    assert set(last_year_repeats(following).values()) == {()}
    assert last_year_repeats(seed()) == {}
