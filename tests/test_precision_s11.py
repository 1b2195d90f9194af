"""Session 11 (issue #12, precision): mentions that are no event of their own -- a toll over a stretch of days,
a happening named only as the object of a call or a demand, an agreement between governments.

All sentences and mini-articles are self-written.
"""

from __future__ import annotations

import pytest

from tests.test_article_merge_s10 import _violent


# --------------------------------------------------------------------------- a toll over a stretch of days
@pytest.mark.parametrize("text,published", [
    ("Government air strikes have killed 45 fighters in the southern countryside of Daraa in the last 72 hours, "
     "a military source said on Friday.", "2019-05-04"),
    ("At least 60 civilians were killed by shelling in Aleppo over the past three days, the health directorate "
     "said.", "2016-08-20"),
    ("More than 80 people died in July alone in artillery fire on Taiz, local officials told reporters on "
     "Thursday.", "2018-08-03"),
    ("Over 50 militants were killed in different parts of Hama province by army raids, sources said on Friday.",
     "2017-10-14"),
    ("Nearly 200 civilians have been killed in March bombardment of the eastern suburbs, a monitor said.",
     "2018-04-02"),
])
def test_a_toll_over_a_stretch_of_days_is_a_tally_not_an_event(text: str, published: str) -> None:
    assert _violent(text, published) == []


@pytest.mark.parametrize("text,published,toll", [
    ("The army has stepped up raids on Idlib in recent days, killing at least 30 people when jets bombed a market "
     "in Ariha on Saturday.", "2019-05-04", 30),
    ("Clashes in Tal Afar killed nine soldiers in the past 24 hours, the army said on Friday.", "2019-05-04", 9),
    ("Air strikes killed 12 people in Saraqeb on Friday, the Observatory said.", "2019-05-04", 12),
])
def test_a_report_with_its_own_day_or_one_day_s_count_stays_an_event(text: str, published: str, toll: int) -> None:
    evs = _violent(text, published)
    assert len(evs) == 1, [(e.sub_event_type, e.fatalities, e.evidence.text) for e in evs]
    assert evs[0].fatalities == toll
