"""Session 15 (issue #18): reports of one happening resolved apart, each class on self-written reports extracted
for real."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sitrep.records import Event
from sitrep.resolve import resolve_events
from sitrep.resolve.matching import profile, same_document_repeat


def _reports(source: str, published: str, text: str) -> list[Event]:
    from sitrep.extract import extract

    return [e for e in extract(text, published, source=source) if e.event_type != "Diplomacy"]


# ---------------------------------------------------------------- a sentence with no day and no place of its own

# One page: a sentence naming the town and the day of a strike, then (further down, after a sentence that names the
# province) a sentence telling the strike's dead with neither a day nor a place of its own ("a market in the town").
# The extractor places that sentence from the page (the province's capital, carried from the sentence before); the
# page is telling its strike again, not a strike on another town of the province. Another outlet's report of the day
# joins them. (town sentence, page context + the sentence told again, another outlet's report)
_TOLD_AGAIN = {
    "market": ("2017-11-13",
               "The opposition condemned the strike carried out by Russian aircraft on the town of Atareb in western "
               "rural Aleppo on Monday.",
               "Atareb lies in the Aleppo countryside. Over 40 civilians were killed when Russian jets fired missiles "
               "on a popular market in the town.",
               "Russian air strikes hit the town of Atareb on Monday killing 53 people, a monitor said."),
    "bakery": ("2018-03-06",
               "Rescuers condemned the air strike by government jets on the town of Maarat al-Numan in southern Idlib "
               "on Tuesday.",
               "Maarat al-Numan lies in the Idlib countryside. Rescuers said 12 people died when the warplanes hit a "
               "bakery there.",
               "Government warplanes bombed Maarat al-Numan on Tuesday killing 14 people near a bakery, a monitor "
               "said."),
    "village": ("2016-05-08",
                "Activists denounced the raid carried out by regime helicopters on the town of Busra al-Harir in "
                "eastern Daraa on Sunday.",
                "Busra al-Harir lies in the Daraa countryside. The barrel bombs left nine people dead in the town, "
                "activists said.",
                "Regime helicopters dropped barrel bombs on Busra al-Harir on Sunday killing nine people, a monitor "
                "said."),
}


def _page(case: str, again: str | None = None) -> tuple[Event, Event]:
    published, named, told, _ = _TOLD_AGAIN[case]
    first = _reports("alpha", published, named)[0]
    # the page's two sentences, extracted apart so that the extractor's own page merge does not join them
    second = replace(_reports("alpha", published, again or told)[-1], doc_id=first.doc_id)
    return first, second


@pytest.mark.parametrize("case", sorted(_TOLD_AGAIN))
def test_a_sentence_with_no_day_and_no_place_of_its_own_tells_its_page_again(case: str) -> None:
    first, second = _page(case)
    a, b = profile(0, first), profile(1, second)
    assert b.date_guess and not b.place_named and b.level == "point" and a.place_named
    assert second.location is not None and second.location.name != first.location.name  # carried: another place
    assert same_document_repeat(a, b)
    published, _, _, other = _TOLD_AGAIN[case]
    third = _reports("beta", published, other)[0]
    result = resolve_events([first, second, third])
    assert sorted(len(i.event_ids) for i in result.incidents) == [3]


@pytest.mark.parametrize("case, again", [
    # near misses: the sentence names another town of the province, states a day of its own, tells one more act
    ("market", "Atareb lies in the Aleppo countryside. Over 40 civilians were killed when Russian jets fired missiles "
               "on a popular market in the town of Darat Izza."),
    ("bakery", "Maarat al-Numan lies in the Idlib countryside. Rescuers said 12 people died on Sunday when the "
               "warplanes hit a bakery there."),
    ("village", "Busra al-Harir lies in the Daraa countryside. Another barrel bomb left nine people dead in the "
                "town, activists said."),
])
def test_a_sentence_with_a_place_day_or_act_of_its_own_is_not_told_again(case: str, again: str) -> None:
    first, second = _page(case, again)
    assert not same_document_repeat(profile(0, first), profile(1, second))


# ---------------------------------------------------------------- a town named as one end of a road

# Two outlets' reports of one attack on a road between two towns of one province, each placed by the extractor at
# the end its sentence names first: the attack was along the road, in the province, at neither town.
_ROAD = [
    (("alpha", "2016-05-18", "A roadside bomb hit a bus on the Homs-Palmyra highway on Tuesday, killing 11 "
      "passengers."),
     ("beta", "2016-05-18", "Eleven passengers were killed on Tuesday when a bomb struck their bus on the Palmyra-Homs "
      "road.")),
    (("alpha", "2016-10-05", "A suicide bomber blew himself up at a checkpoint on the Hasaka-Qamishli highway on "
      "Monday, killing eight."),
     ("beta", "2016-10-05", "Eight people died on Monday when a suicide bomber struck a checkpoint on the "
      "Qamishli-Hasaka road.")),
    (("alpha", "2017-02-08", "Gunmen ambushed a fuel convoy on the Raqqa-Tabqa road on Tuesday killing five drivers, "
      "activists said."),
     ("beta", "2017-02-08", "Five drivers were killed on Tuesday when gunmen attacked fuel trucks on the Tabqa-Raqqa "
      "highway.")),
]


@pytest.mark.parametrize("a, b", _ROAD)
def test_an_attack_on_a_road_is_at_neither_of_the_towns_it_joins(
        a: tuple[str, str, str], b: tuple[str, str, str]) -> None:
    from sitrep.resolve.blocking import happening_place

    events = _reports(*a) + _reports(*b)
    assert len(events) == 2 and events[0].location is not None and events[1].location is not None
    assert events[0].location.name != events[1].location.name  # the extractor's places: the two ends
    places = [happening_place(e) for e in events]
    assert all(p is not None and p.precision == "admin1" for p in places)
    assert [len(i.event_ids) for i in resolve_events(events).incidents] == [2]


@pytest.mark.parametrize("text, place", [
    # near misses: the town is named in its own right before the road is named
    ("A car bomb exploded in central Homs on Tuesday near the start of the Homs-Palmyra highway, killing six.",
     "Homs"),
    ("A bomb killed 11 people in Palmyra on Tuesday, a week after the Homs-Palmyra road reopened.", "Tadmur"),
    ("Shelling killed four people in Qamishli on Monday, the Hasaka-based governor said.", "Al Qāmishlī"),
])
def test_a_town_named_in_its_own_right_stays_the_place(text: str, place: str) -> None:
    from sitrep.resolve.blocking import happening_place

    event = _reports("alpha", "2016-05-18", text)[0]
    found = happening_place(event)
    assert found is not None and found.name == place and found.precision == "point"


def test_a_bombing_in_a_town_and_one_on_its_road_stay_two() -> None:
    events = (_reports("alpha", "2016-05-18", "A car bomb exploded in central Homs on Tuesday, killing six people.")
              + _reports("beta", "2016-05-18", "A roadside bomb hit a bus on the Homs-Palmyra highway on Tuesday, "
                         "killing 11 passengers."))
    assert sorted(len(i.event_ids) for i in resolve_events(events).incidents) == [1, 1]


@pytest.mark.parametrize("text, mention, end", [
    ("near al-Sanabel hall on the Hasaka-Qamishli road", "Qamishli", True),  # the second end
    ("a bus hit on the Damascus-Beirut highway", "Damascus", True),  # the first end
    ("an ambush on the Idlib - Saraqib road", "Saraqib", True),
    ("the Homs-based governor said the bus was hit near Homs", "Homs", False),  # a hyphen that is no road
    ("clashes in Raqqa city, near the road to Tabqa", "Raqqa", False),  # not named as an end
])
def test_a_town_named_as_one_end_of_a_road(text: str, mention: str, end: bool) -> None:
    from sitrep.resolve.blocking import road_end

    assert road_end(text, text.find(mention), mention) is end


@pytest.mark.parametrize("a, b", _ROAD[:2])
def test_the_store_ingest_and_the_stream_join_the_road_reports_as_batch_resolve_does(
        tmp_path: object, a: tuple[str, str, str], b: tuple[str, str, str]) -> None:
    """One rule on every path: the place is read by ``blocking.happening_place``, which batch resolution, the stream
    and the store's ingest (one article a batch, the incremental path) all use."""
    from pathlib import Path

    from sitrep.ingest import RawArticle
    from sitrep.pipeline import Pipeline
    from sitrep.resolve import resolve_stream, time_key
    from sitrep.store import open_store
    from sitrep.store.base import Query

    raws = [RawArticle(text=text, origin=f"{n}.txt", source=source, published=published)
            for n, (source, published, text) in enumerate((a, b))]
    store = open_store(str(Path(str(tmp_path)) / "s.db"))
    try:
        Pipeline(store, batch_size=1).ingest_raw(raws)
        events = [e for e in store.events(Query()) if e.event_type != "Diplomacy"]
        ids = {e.event_id for e in events}
        stored = sorted(len(i.event_ids) for i in store.incidents(Query()) if ids & set(i.event_ids))
    finally:
        store.close()
    streamed = sorted(len(i.event_ids) for i in resolve_stream(sorted(events, key=time_key)))
    assert stored == streamed == [2]
