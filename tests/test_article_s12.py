"""Session 12 (issue #12): evidence spans at the clause that states the event, tolls of one happening told twice,
and recall. All sentences are self-written.
"""

from __future__ import annotations

import pytest

from tests.test_article_merge_s10 import _violent


# --------------------------------------------------------------------------- evidence at the clause of the act
@pytest.mark.parametrize("text,published,evidence", [
    ("The minister vowed to hunt down the militants who beheaded a police officer in Mosul on Sunday.",
     "2016-05-04", "the militants who beheaded a police officer in Mosul on Sunday."),
    ("The governor promised to punish the gunmen who shot dead four shepherds near Tal Afar on Friday.",
     "2017-03-12", "the gunmen who shot dead four shepherds near Tal Afar on Friday."),
    ("The opposition praised the fighters who shelled an army checkpoint near Hama on Sunday.",
     "2011-04-13", "the fighters who shelled an army checkpoint near Hama on Sunday."),
])
def test_the_act_of_doers_named_as_an_object_starts_at_its_doers(text: str, published: str, evidence: str) -> None:
    evs = _violent(text, published)
    assert [e.evidence.text for e in evs] == [evidence], [(e.sub_event_type, e.evidence.text) for e in evs]


@pytest.mark.parametrize("text,published,evidence", [
    ("Gunmen killed three farmers in Hama on Monday but the army has ignored similar attacks for months.",
     "2016-05-04", "Gunmen killed three farmers in Hama on Monday"),
    ("Jets struck a market in Ariha on Friday, killing 12 people, but the ministry insists that its planes "
     "never fly over the town.", "2019-05-04", "Jets struck a market in Ariha on Friday, killing 12 people"),
    ("Militants stormed a checkpoint near Baiji on Tuesday but they were driven out within the hour, the army "
     "said.", "2015-06-04", "Militants stormed a checkpoint near Baiji on Tuesday"),
])
def test_a_clause_turned_on_by_but_is_no_part_of_the_evidence(text: str, published: str, evidence: str) -> None:
    evs = _violent(text, published)
    assert evs and evs[0].evidence.text == evidence, [(e.sub_event_type, e.evidence.text) for e in evs]


@pytest.mark.parametrize("text,published,toll", [
    ("A car bomb exploded near a checkpoint in Azaz on Monday but killed nobody.", "2016-05-04", 0),
    ("Jets bombed a bakery in Ariha on Friday, but no one was hurt.", "2019-05-04", 0),
    ("A mortar shell hit a school in Jobar on Sunday but the pupils were spared.", "2016-05-04", None),
])
def test_a_but_that_tells_the_act_s_casualties_stays_in_the_evidence(text: str, published: str,
                                                                     toll: int | None) -> None:
    evs = _violent(text, published)
    assert len(evs) == 1 and evs[0].evidence.text == text, [(e.sub_event_type, e.evidence.text) for e in evs]
