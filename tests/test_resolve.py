"""Cross-document resolution on the real seed texts (reports built by hand from their sentences)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from sitrep.records import ActorRef, Event, Evidence, Incident, Place
from sitrep.resolve import candidate_queries, resolve_events
from sitrep.resolve.blocking import candidate_pairs
from sitrep.resolve.contradictions import method_class

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "eval" / "seeds_gold.yaml"

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared (seed corpus) is not available")

ISIS = ActorRef("Islamic State (ISIS)", "rebel group", None)
US = ActorRef("Military Forces of the United States", "external/other forces", "US")
SY = ActorRef("Military Forces of Syria", "state forces", "SY")
PALMYRA = Place("Palmyra", "SY", "Homs", "Tadmur", 34.56, 38.28, 163808, "point")


def seed_text(prefix: str) -> str:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8")


def _plain_quotes(s: str) -> str:
    return s.translate(str.maketrans("\u2019\u2018\u201c\u201d", "''\"\""))


def evidence(prefix: str, sentence: str) -> Evidence:
    text = seed_text(prefix)
    start = _plain_quotes(text).index(_plain_quotes(sentence))  # one-for-one replacement keeps offsets
    return Evidence(text[start : start + len(sentence)], start, start + len(sentence))


def report(prefix: str, sentence: str, event_type: str, sub: str | None, date: str | None,
           precision: str, **kw: Any) -> Event:
    ev = evidence(prefix, sentence)
    doc_id = next(SEEDS.glob(f"{prefix}_*.txt")).name
    return Event(
        doc_id=doc_id,
        event_id=Event.make_id(doc_id, ev.start, ev.end, event_type),
        event_type=event_type,
        sub_event_type=sub,
        date=date,
        date_precision=precision,
        evidence=ev,
        **kw,
    )


S000_AMBUSH = (
    "The diplomatic exchange followed a Saturday ambush by a Daesh gunman in the Palmyra desert, which killed "
    "two US service members and one American civilian, and wounded three others."
)
S002_BOMB = (
    "On December 19, 2025, an IS-linked suicide bomber attacked a coalition convoy in Palmyra, killing two US "
    "Army personnel and a civilian interpreter."
)


def palmyra_reports() -> tuple[Event, Event]:
    ambush = report(
        "000", S000_AMBUSH, "Battles", "Armed clash", "2025-12-13", "day",
        actor1=ActorRef("Islamic State (ISIS)", "rebel group", None, "a Daesh gunman"),
        actor2=ActorRef(US.name, US.type, "US", "two US service members"),
        location=PALMYRA, fatalities=3, injured=3, method="ambush by gunman", source="Europe Today",
        date_method="sentence:weekday",
    )
    bomb = report(
        "002", S002_BOMB, "Explosions/Remote violence", "Suicide bomb", "2025-12-19", "day",
        actor1=ActorRef("Islamic State (ISIS)", "rebel group", None, "an IS-linked suicide bomber"),
        actor2=ActorRef(US.name, US.type, "US", "a coalition convoy"),
        location=PALMYRA, fatalities=3, method="suicide bomber", date_method="sentence:explicit",
    )
    return ambush, bomb


def test_palmyra_reports_form_one_incident_with_typed_contradictions() -> None:
    ambush, bomb = palmyra_reports()
    result = resolve_events([ambush, bomb])
    assert result.removed == []
    assert len(result.incidents) == 1
    inc = result.incidents[0]
    assert set(inc.event_ids) == {ambush.event_id, bomb.event_id}
    assert set(inc.doc_ids) == {ambush.doc_id, bomb.doc_id}
    by_field = {c.field: c for c in inc.contradictions}
    assert {"date", "sub_event_type", "method"} <= set(by_field)
    assert "fatalities" not in by_field and "actor1" not in by_field and "location" not in by_field

    date = by_field["date"]
    assert date.kind == "date beyond precision"
    values = {v.value: v for v in date.values}
    assert set(values) == {"2025-12-13", "2025-12-19"}
    assert values["2025-12-13"].event_ids == (ambush.event_id,)
    assert values["2025-12-13"].evidence == (ambush.evidence,)
    assert values["2025-12-19"].evidence == (bomb.evidence,)
    assert values["2025-12-13"].sources == ("Europe Today",)
    text0, text2 = seed_text("000"), seed_text("002")
    for v, text in ((values["2025-12-13"], text0), (values["2025-12-19"], text2)):
        ev = v.evidence[0]
        assert text[ev.start : ev.end] == ev.text

    sub = {v.value: v.event_ids for v in by_field["sub_event_type"].values}
    assert sub == {"Armed clash": (ambush.event_id,), "Suicide bomb": (bomb.event_id,)}
    methods = {v.value for v in by_field["method"].values}
    assert methods == {"ambush by gunman", "suicide bomber"}

    # consensus: agreed values, the date range, the conservative toll
    assert inc.location is not None and inc.location.name == "Palmyra"
    assert inc.actor1 is not None and inc.actor1.name == "Islamic State (ISIS)"
    assert inc.fatalities == 3 and inc.fatalities_low == 3 and inc.fatalities_high == 3
    assert (inc.date_low, inc.date_high) == ("2025-12-13", "2025-12-19")
    assert inc.date in ("2025-12-13", "2025-12-19")
    assert inc.support["reports"] == 2

    # the CLI contract of DESIGN.md
    d = inc.to_dict()
    for key in ("incident_id", "event_ids", "doc_ids", "date", "location", "event_type", "sub_event_type",
                "fatalities", "contradictions"):
        assert key in d
    assert {c["field"] for c in d["contradictions"]} >= {"date", "sub_event_type"}
    assert all({"value", "event_ids", "evidence"} <= set(v) for c in d["contradictions"] for v in c["values"])
    assert Incident.from_dict(d).contradictions == inc.contradictions


def test_town_inside_a_district_level_area_corroborates() -> None:
    ambush, bomb = palmyra_reports()
    desert = Place("Badia", "SY", "Homs", "Tadmur", 34.4, 38.4, None, "district", mention="the Palmyra desert")
    res = resolve_events([ambush.with_(location=desert), bomb])
    assert len(res.incidents) == 1
    assert not any(c.field == "location" for c in res.incidents[0].contradictions)


def test_same_pair_far_apart_or_without_corroboration_does_not_merge() -> None:
    ambush, bomb = palmyra_reports()
    # a different toll removes the corroboration that bridges a 6-day gap
    other_toll = bomb.with_(fatalities=7, event_id="x" * 16)
    assert len(resolve_events([ambush, other_toll]).incidents) == 2
    # a place 200 km away is never a candidate
    far = bomb.with_(location=Place("Deir ez-Zor", "SY", "Deir ez-Zor", None, 35.34, 40.14, 170794, "point"),
                     event_id="y" * 16)
    assert candidate_pairs([ambush, far]) == set()


def gold_events() -> list[tuple[str, Event]]:
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    out = []
    for g in gold["events"]:
        prefix = g["doc"][:3]
        sentence = " ".join(g["evidence"].split())
        loc = g.get("location")
        place = None
        if loc:
            place = Place(
                name=loc["name"], country={"Syria": "SY", "United States": "US"}.get(loc.get("country"), "SY"),
                admin1=loc.get("admin1"), lat=loc.get("lat"), lon=loc.get("lon"),
                precision=loc.get("precision", "point"),
            )

        def actor(v: str | None) -> ActorRef | None:
            return ActorRef(v.split(";")[0].strip()) if v else None

        date = str(g["date"]) if g.get("date") is not None else None
        ev = report(prefix, sentence, g["event_type"], g.get("sub_event_type"), date, g["date_precision"],
                    actor1=actor(g.get("actor1")), actor2=actor(g.get("actor2")), location=place,
                    fatalities=g.get("fatalities"), injured=g.get("injured"), method=g.get("method"))
        out.append((g["id"], ev))
    return out


@pytest.mark.skipif(not GOLD.is_file(), reason="seeds_gold.yaml is not available")
def test_seed_events_merge_only_the_palmyra_pair() -> None:
    labelled = gold_events()
    gold_of = {ev.event_id: gid for gid, ev in labelled}
    result = resolve_events([ev for _, ev in labelled])
    assert sum(len(i.event_ids) for i in result.incidents) == len(labelled)
    multi = [sorted(gold_of[e] for e in inc.event_ids) for inc in result.incidents if len(inc.event_ids) > 1]
    assert multi == [["S000-ambush", "S002-palmyra"]]


def test_incremental_attach_is_stable_and_idempotent() -> None:
    ambush, bomb = palmyra_reports()
    first = resolve_events([ambush])
    assert len(first.incidents) == 1
    stored = first.incidents[0]
    # a second batch: the bomb report attaches to the stored incident and keeps its id
    second = resolve_events([bomb], existing=[stored], existing_events=[ambush])
    assert second.removed == []
    assert [i.incident_id for i in second.incidents] == [stored.incident_id]
    assert set(second.incidents[0].event_ids) == {ambush.event_id, bomb.event_id}
    # re-running the same batch changes nothing
    again = resolve_events([bomb], existing=second.incidents, existing_events=[ambush, bomb])
    assert again.incidents == [] and again.removed == []
    # ... also when the caller leaves the batch's own reports out of existing_events
    again = resolve_events([bomb], existing=second.incidents, existing_events=[ambush])
    assert again.incidents == [] and again.removed == []


def test_new_report_bridging_two_incidents_merges_them() -> None:
    ambush, bomb = palmyra_reports()
    # stored separately (e.g. resolved before the corroborating details were known)
    a = resolve_events([ambush]).incidents[0]
    b = resolve_events([bomb]).incidents[0]
    # a third outlet: the suicide bombing of the later report, on the Saturday of the first one
    sentence = ("A Daesh suicide bomber attacked a US convoy in Palmyra on Saturday, killing two US service "
                "members and a civilian interpreter.")
    bridge = Event(
        doc_id="other-outlet", event_id="bridge0000000000", event_type="Explosions/Remote violence",
        sub_event_type="Suicide bomb", date="2025-12-13", date_precision="day",
        evidence=Evidence(sentence, 0, len(sentence)),
        actor1=ISIS, actor2=US, location=PALMYRA, fatalities=3, source="Other outlet",
    )
    res = resolve_events([bridge], existing=[a, b], existing_events=[ambush, bomb])
    assert len(res.incidents) == 1
    assert len(res.removed) == 1 and res.removed[0] in (a.incident_id, b.incident_id)
    assert res.incidents[0].incident_id in (a.incident_id, b.incident_id)
    assert set(res.incidents[0].event_ids) == {ambush.event_id, bomb.event_id, bridge.event_id}


def test_month_only_report_takes_the_day_of_a_corroborating_report() -> None:
    sentence = "US forces came under missile fire in Syria today, Monday, without casualties"
    deir = Place("Deir ez-Zor", "SY", "Deir ez-Zor", None, 35.34, 40.14, None, "admin1")
    month = report("003", sentence, "Explosions/Remote violence", "Shelling/artillery/missile attack",
                   "2021-06", "month", actor2=US, location=deir, fatalities=0, date_method="inferred")
    # another outlet's report of the same attack, dated to the day
    day = Event(
        doc_id="wire-2021-06-28", event_id="wire000000000000", event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack", date="2021-06-28", date_precision="day",
        evidence=Evidence("US forces in eastern Syria came under rocket fire on Monday, no casualties.", 0, 74),
        actor2=US, location=deir, fatalities=0, date_method="sentence:weekday",
    )
    res = resolve_events([month, day])
    assert len(res.incidents) == 1
    inc = res.incidents[0]
    assert (inc.date, inc.date_precision) == ("2021-06-28", "day")
    assert inc.support["date"]["method"] == "refined from corroborating report"
    assert inc.support["date"]["refined_event_ids"] == [month.event_id]
    assert not any(c.field == "date" for c in inc.contradictions)


def test_generic_mentions_form_no_incident() -> None:
    sentence = "air strikes, clashes and provocations are ongoing"
    ev = report("001", sentence, "Battles", "Armed clash", None, "unknown", generic=True)
    assert resolve_events([ev]).incidents == []


def test_candidate_queries_cover_the_matching_window() -> None:
    ambush, bomb = palmyra_reports()
    (q,) = candidate_queries([ambush, bomb])
    assert q.country == "SY"
    assert q.since is not None and q.until is not None
    assert q.since <= "2025-12-06" and q.until >= "2025-12-26"


def test_method_classes_from_data_file() -> None:
    assert method_class("ambush by gunman") == method_class("gunmen opened fire")
    assert method_class("suicide bomber") != method_class("ambush by gunman")
    assert method_class("airstrikes") == method_class("air strike")


def test_incremental_round_trip_through_the_sqlite_store(tmp_path: Path) -> None:
    from sitrep.records import Document
    from sitrep.store import open_store
    from sitrep.store.base import Query

    ambush, bomb = palmyra_reports()
    store = open_store(str(tmp_path / "sitrep.db"))
    try:
        for prefix, ev in (("000", ambush), ("002", bomb)):
            path = next(SEEDS.glob(f"{prefix}_*.txt"))
            store.add_documents([Document(id=ev.doc_id, text=path.read_text(encoding="utf-8"), source=ev.source)])
        # first batch
        store.add_events([ambush])
        first = resolve_events([ambush])
        store.replace_incidents(first.incidents, first.removed)
        # second batch: load the candidates the way candidate_queries describes, attach
        store.add_events([bomb])
        loaded = {e.event_id: e for q in candidate_queries([bomb]) for e in store.events(q)}
        loaded.pop(bomb.event_id, None)
        inc_ids = set(store.incident_for_events(loaded).values())
        existing = [i for i in (store.get_incident(x) for x in sorted(inc_ids)) if i is not None]
        second = resolve_events([bomb], existing=existing, existing_events=list(loaded.values()))
        store.replace_incidents(second.incidents, second.removed)
        (stored,) = store.incidents(Query())
        assert stored.incident_id == first.incidents[0].incident_id
        assert set(stored.event_ids) == {ambush.event_id, bomb.event_id}
        assert {c.field for c in stored.contradictions} >= {"date", "sub_event_type", "method"}
    finally:
        store.close()
