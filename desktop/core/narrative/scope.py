"""Whose count a sentence gives: the agency's own, or a whole place's or several agencies'.

「全县各级行政机关共收到申请5000件」 counts many agencies, and so does 「全县共收到申请500件」 in a township's or a
county department's report. A government speaks for its place: 「全市共受理政府信息公开申请3119件」 is the city
government's own figure (the table of the 淮安 report says 3119), unless the sentence sets 本级 apart from it.
"""

from __future__ import annotations

from desktop.core.fields import Level
from desktop.core.leading import leading

# Several agencies at once: 「全县各部门」 「各乡镇」 「各级行政机关」. The rules' own guards name them too.
AGENCY_GROUPS = "各级|各部门|各单位|各乡|各镇|各县|各区|各市|各街道|各村|各地"
_AGENCIES = leading(AGENCY_GROUPS)
_PLACE = leading("(?:全|我)(自治区|省|市|州|盟|县|区|旗|乡|镇|街道)")
# The places whose whole a government's own figures cover.
_OWN_PLACES = {
    Level.TOWNSHIP: {"乡", "镇", "街道"},
    Level.COUNTY_GOV: {"县", "区", "旗", "市"},
    Level.CITY_GOV: {"市", "州", "盟"},
    Level.PROVINCE_GOV: {"省", "自治区", "区", "市"},
}


def of_other_agencies(before: str, sentence: str, level: Level) -> bool:
    """Whether the words of a sentence ``before`` a count make it several agencies' count, or a wider
    place's than an agency of ``level`` reports for."""
    if _AGENCIES.search(before):
        return True
    own = set() if "本级" in sentence else _OWN_PLACES.get(level, set())
    return any(match.group(1) not in own for match in _PLACE.finditer(before))
