"""Who reports on which year, read from the beginnings of pages as portals print them: the title among
the page's furniture, in its common variants, or no title and the agency named in the text."""

from __future__ import annotations

import pytest

from desktop.io.importing import AGENCY, import_text

BODY_TOWN = ["一、总体情况", "2023年，我镇认真贯彻落实《条例》。"]
TOWN = ("杨林镇", 2023, "township")
BARE_TITLE = "政府信息公开工作年度报告"
BODY_BUREAU = ["一、总体情况", "2023年，我局认真贯彻落实《条例》。"]
BUREAU = ("涟水县统计局", 2023, "county_dept")
PREAMBLE_BUREAU = "根据《条例》要求，现将我局2023年度政府信息公开工作情况报告如下。"

CASES = [
    # furniture above the title is no part of it
    (["首页 > 政务公开 > 政府信息公开年报", "杨林镇2023年政府信息公开工作年度报告", *BODY_TOWN], TOWN),
    (["政府信息公开年度报告", "杨林镇2023年政府信息公开工作年度报告", *BODY_TOWN], TOWN),  # the column's name
    (["发布时间 2024年01月18日", "杨林镇2023年政府信息公开工作年度报告", *BODY_TOWN], TOWN),
    (["首页 > 政务公开 > 政府信息公开年报 > 杨林镇2023年政府信息公开工作年度报告", *BODY_TOWN], TOWN),
    # title variants
    (["关于杨林镇2023年政府信息公开工作年度报告", *BODY_TOWN], TOWN),
    (["衡东县人民政府办公室关于2023年度政府信息公开工作年度报告", "一、总体情况", "2023年，我办认真贯彻落实《条例》。"],
     ("衡东县人民政府办公室", 2023, "county_dept")),
    (["杨林镇2023年政府信息公开工作年度报告（简版）", *BODY_TOWN], TOWN),
    (["杨林镇2023年政府信息公开年报", *BODY_TOWN], TOWN),
    (["杨林镇2023年政府信息公开工作年度报告 | 衡东县人民政府", *BODY_TOWN], TOWN),  # a text page: no table row
    # no title that names the agency
    ([BARE_TITLE, PREAMBLE_BUREAU, "一、总体情况", "2023年，衡东县统计局认真贯彻落实《条例》。"],
     ("衡东县统计局", 2023, "county_dept")),  # 「现将我局」 is no name
    (["发布时间：2024-01-18 来源：衡东县统计局 浏览次数：12", BARE_TITLE, PREAMBLE_BUREAU,
      "一、总体情况", "我局认真贯彻落实《条例》。"],
     ("衡东县统计局", 2023, "county_dept")),  # 「来源：」 inside the metadata line
    ([BARE_TITLE, "根据《条例》要求，我局编制了2023年度报告。", "一、总体情况",
      "2023年，淮安市公安局清江浦分局认真贯彻落实《条例》。"],
     ("淮安市公安局清江浦分局", 2023, "county_dept")),  # a branch bureau, whole, one level below its city
    ([BARE_TITLE, "现将我县2023年度政府信息公开工作情况报告如下。", "一、总体情况", "我县认真贯彻落实《条例》。",
      "六、其他需要报告的事项", "无。", "三都水族自治县人民政府", "2024年1月15日"],
     ("三都水族自治县人民政府", 2023, "county_gov")),  # the signature keeps its place name's 三
    ([BARE_TITLE, "现将我厅2023年度政府信息公开工作情况报告如下。", "一、总体情况",
      "2023年，贵州省人民政府办公厅认真贯彻落实贵州省人民政府部署。"],
     ("贵州省人民政府办公厅", 2023, "province_dept")),  # 我厅: the office, not the government it names
    # levels
    (["贵州省人民政府2023年政府信息公开工作年度报告", "一、总体情况", "2023年，我省认真贯彻落实《条例》。"],
     ("贵州省人民政府", 2023, "province_gov")),  # 贵州省 is no 州
    (["贵州省教育厅2023年政府信息公开工作年度报告", "一、总体情况", "2023年，我厅认真贯彻落实《条例》。"],
     ("贵州省教育厅", 2023, "province_dept")),
    (["衡东县供销合作社联合社2023年政府信息公开工作年度报告", "一、总体情况", "2023年，我社认真贯彻落实《条例》。"],
     ("衡东县供销合作社联合社", 2023, "county_dept")),
    (["涟水县档案馆2023年政府信息公开工作年度报告", "一、总体情况", "2023年，我馆认真贯彻落实《条例》。"],
     ("涟水县档案馆", 2023, "county_dept")),
    (["武汉市人民政府2023年政府信息公开工作年度报告", "一、总体情况",
      "2023年，我市指导各区人民政府推进基层政务公开标准化规范化向乡镇（街道）延伸。"],
     ("武汉市人民政府", 2023, "city_gov")),  # a city of districts (「各区」), not a county-level one
    # a city's name tells its rank: 淮安 and 东莞 are prefecture-level cities, 仁怀 a county-level one
    (["淮安市人民政府2023年政府信息公开工作年度报告", "一、总体情况", "2023年，我市推进基层政务公开向乡镇延伸。"],
     ("淮安市人民政府", 2023, "city_gov")),
    (["东莞市人民政府2023年政府信息公开工作年度报告", "一、总体情况", "2023年，我市指导各镇（街道）做好政务公开工作。"],
     ("东莞市人民政府", 2023, "city_gov")),  # a prefecture-level city with towns and no counties
    (["仁怀市教育局2023年政府信息公开工作年度报告", "一、总体情况", "2023年，我局认真贯彻落实《条例》。"],
     ("仁怀市教育局", 2023, "county_dept")),
    (["遵义市发展和改革委员会2023年政府信息公开工作年度报告", "一、总体情况", "2023年，我委认真贯彻落实《条例》。"],
     ("遵义市发展和改革委员会", 2023, "city_dept")),
    # the preamble's statement, in Chinese numerals, or with 关于
    ([BARE_TITLE, "根据《条例》要求，现将涟水县统计局二〇二三年度政府信息公开工作情况报告如下。", "一、总体情况",
      "我局认真贯彻落实《条例》。"], ("涟水县统计局", 2023, "county_dept")),
    ([BARE_TITLE, "根据《条例》要求，现将关于衡东县统计局2023年度政府信息公开工作情况报告如下。", "一、总体情况",
      "我局认真贯彻落实《条例》。"], ("衡东县统计局", 2023, "county_dept")),
    # the body: a generic 「政府办公室」 is no name; a department that calls itself 我社
    ([BARE_TITLE, "现将我办2021年度政府信息公开工作情况报告如下。", "一、总体情况",
      "2021年，衡阳市人民政府办公室认真贯彻落实《条例》。全市各县区政府办公室同步开展培训。"],
     ("衡阳市人民政府办公室", 2021, "city_dept")),
    (["衡东县供销合作社联合社", "2022年度", BARE_TITLE,
      "根据《条例》要求，特发布本报告。本报告电子版可在衡东县人民政府门户网站下载。", "一、总体情况",
      "2022年，衡东县供销合作社联合社在衡东县人民政府的正确领导下，我社认真贯彻落实《条例》。"],
     ("衡东县供销合作社联合社", 2022, "county_dept")),
    # the 来源 names the office above: a city's over a 旗, a bureau over its branch
    (["发布时间：2024-01-11 来源：鄂尔多斯市人民政府办公室 浏览次数：87", BARE_TITLE,
      "现将我旗2023年度政府信息公开工作情况报告如下。", "一、总体情况",
      "2023年，鄂托克旗人民政府在鄂尔多斯市人民政府的正确领导下，我旗认真贯彻落实《条例》。"],
     ("鄂托克旗人民政府", 2023, "county_gov")),
    (["发布时间：2025-01-22 来源：商洛市生态环境局 浏览次数：87", BARE_TITLE,
      "本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。", "一、总体情况",
      "2024年，商洛市生态环境局柞水分局在商洛市生态环境局的正确领导下，我局认真贯彻落实《条例》。"],
     ("商洛市生态环境局柞水分局", 2024, "county_dept")),
    # the report's name before its year (「…政府信息公开工作2023年度报告」); the agency a line above, a date between
    (["衡东县人民政府政府信息公开工作2023年度报告", "一、总体情况", "2023年，我县认真贯彻落实《条例》。"],
     ("衡东县人民政府", 2023, "county_gov")),
    (["衡东县教育局", "2024年1月15日", "2023年政府信息公开工作年度报告", "一、总体情况",
      "2023年，我局认真贯彻落实《条例》。"],
     ("衡东县教育局", 2023, "county_dept")),
    # 苏木, 街道办事处, 管委会 and 部 are agencies too
    (["阿尔巴斯苏木", "2023年政府信息公开工作年度报告", "一、总体情况", "2023年，我苏木认真贯彻落实《条例》。"],
     ("阿尔巴斯苏木", 2023, "township")),
    ([BARE_TITLE, "现将我街道2023年度政府信息公开工作情况报告如下。", "一、总体情况",
      "2023年，汉阳区江堤街道办事处认真贯彻落实《条例》。"], ("汉阳区江堤街道办事处", 2023, "township")),
    ([BARE_TITLE, "现将我镇2023年度政府信息公开工作情况报告如下。", "一、总体情况",
      "2023年，石湖镇认真贯彻落实《条例》，在涟水县委、县政府的正确领导下，我镇政务公开工作有序推进。"],
     ("石湖镇", 2023, "township")),  # named once, and as 我镇
    ([BARE_TITLE, "根据《条例》要求，现公布淮安经济技术开发区管委会2023年政府信息公开工作年度报告。", "一、总体情况",
      "2023年，开发区管委会认真贯彻落实《条例》。"], ("淮安经济技术开发区管委会", 2023, "county_dept")),
    (["2023年政府信息公开工作年度报告", "根据《条例》要求，现公布中共衡东县委宣传部2023年政府信息公开工作年度报告。",
      "一、总体情况", "我部认真贯彻落实《条例》。"], ("中共衡东县委宣传部", 2023, "county_dept")),
    (["发布时间：2024-01-27 来源：国务院 浏览次数：87", BARE_TITLE,
      "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。", "一、总体情况",
      "2023年，水利部在国务院的正确领导下，认真贯彻落实《条例》，我部政府信息公开工作取得新成效。"],
     ("水利部", 2023, "state_dept")),
    # the agency beside the report's name: in brackets, after a dash, or as the page title's second part
    (["【涟水县统计局】2023年度政府信息公开工作年度报告", *BODY_BUREAU], BUREAU),
    (["2023年度政府信息公开工作年度报告（涟水县统计局）", *BODY_BUREAU], BUREAU),
    (["2023年度政府信息公开工作年度报告——涟水县统计局", *BODY_BUREAU], BUREAU),
    (["2023年政府信息公开工作年度报告-涟水县统计局", *BODY_BUREAU], BUREAU),
    (["2023年政府信息公开工作年度报告_涟水县统计局", *BODY_BUREAU], BUREAU),
    (["2023年政府信息公开工作年度报告 - 涟水县统计局 - 涟水县人民政府", *BODY_BUREAU], BUREAU),
    (["涟水县统计局-2023年政府信息公开工作年度报告", *BODY_BUREAU], BUREAU),  # no 「-」 left on the name
    (["涟水县统计局关于2023年度政府信息公开工作年度报告的公告", *BODY_BUREAU], BUREAU),
    (["2023年政府信息公开工作年度报告_淮安市人民政府", "一、总体情况", "2023年，我市认真贯彻落实《条例》。"],
     ("淮安市人民政府", 2023, "city_gov")),
    # the year after the report's name, or on the line below; no year in the title at all
    (["涟水县统计局政府信息公开工作年度报告（2023年度）", *BODY_BUREAU[:1], "我局认真贯彻落实《条例》。"], BUREAU),
    (["涟水县统计局政府信息公开工作年度报告", "（2023年度）", *BODY_BUREAU[:1], "我局认真贯彻落实《条例》。"], BUREAU),
    (["涟水县统计局", "政府信息公开工作年度报告", "（2023年度）", *BODY_BUREAU[:1], "我局认真贯彻落实《条例》。"],
     BUREAU),
    (["涟水县统计局政府信息公开工作年度报告", *BODY_BUREAU], BUREAU),
    (["政府信息公开工作年度报告", "涟水县统计局", "2024年1月15日", *BODY_BUREAU], BUREAU),
    (["衡东县教育局", "政府信息公开工作年度报告", "（2024年1月15日）", "根据《条例》要求，特发布本报告。",
      "一、总体情况", "我局认真贯彻落实《条例》。"], ("衡东县教育局", 2023, "county_dept")),  # year from 成文日期
    # the office that compiled the report, and the agency it serves
    ([BARE_TITLE, "本报告由高沟镇人民政府党政办公室负责编制。", "一、总体情况", "2023年，我镇认真贯彻落实《条例》。"],
     ("高沟镇人民政府", 2023, "township")),
    ([BARE_TITLE, "本报告由涟水县人民政府办公室负责编制。", "一、总体情况", "2023年，我办认真贯彻落实《条例》。"],
     ("涟水县人民政府办公室", 2023, "county_dept")),
    ([BARE_TITLE, "本报告由涟水县人民政府办公室负责编制。", "一、总体情况", "2023年，我县认真贯彻落实《条例》。"],
     ("涟水县人民政府", 2023, "county_gov")),
    # a title line printed above the report's own: the one nearest the text is the report's
    (["相关推荐", "2024年涟水县政府信息公开工作年度报告", "杨林镇2023年政府信息公开工作年度报告", *BODY_TOWN], TOWN),
    (["首页 > 政务公开 > 杨林镇2022年政府信息公开工作年度报告", "杨林镇2023年政府信息公开工作年度报告", *BODY_TOWN],
     TOWN),
]


@pytest.mark.parametrize(("lines", "expected"), CASES, ids=[lines[0][:24] for lines, _ in CASES])
def test_agency_year_and_level(lines: list[str], expected: tuple[str, int, str | None]) -> None:
    result = import_text("\n".join(lines) + "\n", "page.txt")
    meta = result.report.meta
    agency, year, level = expected
    assert (meta.agency, meta.year) == (agency, year), result.account
    assert (None if "level" in result.missing else meta.level.value) == level, result.account


@pytest.mark.parametrize("body", [["一、总体情况", "2023年，我局认真贯彻落实《条例》。"],
                                  ["一、总体情况", "2023年，我镇认真贯彻落实《条例》。"],
                                  ["一、总体情况", "2023年，认真贯彻落实《条例》。"]])
def test_a_page_title_s_site_is_not_taken_for_the_agency(body: list[str]) -> None:
    """「…年度报告_淮安市人民政府」 on the city's portal may be one of its bureaus' or towns' report: the name
    counts only where the text calls itself by its unit (我市), and otherwise the clerk is asked."""
    result = import_text("\n".join(["2023年政府信息公开工作年度报告_淮安市人民政府", *body]) + "\n", "page.txt")
    assert AGENCY in result.missing, result.account


def test_a_township_page_is_not_taken_for_the_county_it_names() -> None:
    """A town's page names the county government in its boilerplate, twice; the text calls itself 我镇, so
    the county is not its agency, and the clerk is asked rather than told a wrong name."""
    text = "\n".join([BARE_TITLE, "现将我镇2023年度政府信息公开工作情况报告如下。"
                      "本报告电子版可在衡东县人民政府门户网站下载。如有疑问请与衡东县人民政府办公室联系。",
                      "一、总体情况", "2023年，杨林镇认真贯彻落实《条例》。"])
    for furniture in ("", "来源：衡东县人民政府办公室\n"):
        result = import_text(furniture + text, "page.txt")
        assert "衡东县" not in result.report.meta.agency, result.account
        assert result.report.meta.agency == "杨林镇" or AGENCY in result.missing


@pytest.mark.parametrize("furniture", ["信息来源：涟水县统计局 | 发布时间：2024-01-20 10:30",
                                       "[ 来源：涟水县统计局 | 发布日期：2024-01-20 ]"])
def test_the_source_in_a_line_of_metadata_with_bars(furniture: str) -> None:
    """The bars make the line a row of cells; its 来源 still names the agency."""
    result = import_text("\n".join([furniture, "2023年政府信息公开工作年度报告", *BODY_BUREAU]) + "\n", "page.txt")
    assert (result.report.meta.agency, str(result.report.meta.date)) == ("涟水县统计局", "2024-01-20"), result.account


@pytest.mark.parametrize(("furniture", "date", "noted"), [
    ("索引号：001 发文机关：杨林镇 成文日期：2024-01-04", "2024-01-04", False),  # one line of metadata
    ("来源:杨林镇 发布时间:2024-03-26", "2024-03-26", True),  # published in the following year: a hint
    ("发布日期：2024年01月18日", "2024-01-18", True),
    ("发布时间：2025-06-18", None, False),  # a mirror's copy years later says nothing of the 成文日期
    ("生成日期：2024-01-20", "2024-01-20", True),
    ("时间：2024-01-20 来源：杨林镇", "2024-01-20", True),  # a bare 时间 in a line of metadata
    ("日期：2024-01-20　作者：党政办", "2024-01-20", True),
    ("信息来源：杨林镇 | 发布时间：2024-01-20 10:30", "2024-01-20", True),
])
def test_the_date_from_the_page_s_metadata(furniture: str, date: str | None, noted: bool) -> None:
    result = import_text("\n".join([furniture, "杨林镇2023年政府信息公开工作年度报告", *BODY_TOWN]) + "\n")
    assert (str(result.report.meta.date) if result.report.meta.date else None) == date
    assert any("按网页的发布时间" in line for line in result.account) is noted


SIX = ["六、其他需要报告的事项", "本年度未收取信息处理费。"]


@pytest.mark.parametrize("signature", [
    ["杨林镇人民政府", "2024年1月4日"], ["杨林镇人民政府", "二〇二四年一月四日"], ["杨林镇人民政府", "2024.1.4"],
    ["杨林镇人民政府", "2024-01-04"], ["杨林镇人民政府", "2024/1/4"], ["杨林镇人民政府", "（2024年1月4日）"],
    ["杨林镇人民政府 2024年1月4日"], ["杨林镇人民政府2024年1月4日"], ["衡东县杨林镇人民政府 二〇二四年一月四日"],
    ["（2024年1月4日）"],
])
def test_the_signature_and_its_date_in_any_form_close_section_six(signature: list[str]) -> None:
    lines = ["杨林镇2023年政府信息公开工作年度报告", *BODY_TOWN, *SIX, *signature]
    report = import_text("\n".join(lines) + "\n").report
    assert str(report.meta.date) == "2024-01-04"
    assert report.text["text.s6"] == "本年度未收取信息处理费。"


def test_a_last_line_of_prose_with_a_date_stays_in_section_six() -> None:
    lines = ["杨林镇2023年政府信息公开工作年度报告", *BODY_TOWN, *SIX, "本报告于2024.1.4经镇政府常务会议审议通过。"]
    report = import_text("\n".join(lines) + "\n").report
    assert report.meta.date is None
    assert report.text["text.s6"].endswith("本报告于2024.1.4经镇政府常务会议审议通过。")


@pytest.mark.parametrize("title", [
    "关于杨林镇2023年政府信息公开工作的年度报告", "杨林镇2023年政府信息公开工作的年度报告",
    "杨林镇2023年政府信息公开工作年度报告.docx", "杨林镇2023年政府信息公开工作年度报告.PDF",
])
def test_titles_with_的_or_a_file_name_s_suffix(title: str) -> None:
    report = import_text("\n".join([title, *BODY_TOWN]) + "\n").report
    assert (report.meta.agency, report.meta.year, report.meta.level.value) == TOWN
