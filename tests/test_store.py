"""The store test suite: every test runs on SQLite and on PostgreSQL (fixtures in conftest_store.py).

The fixtures are short real-world-style reports (the Palmyra ambush of December 2025 as two
outlets told it, a Deir ez-Zor drone strike, a Baghdad protest) with the values an analyst
would code from them.
"""

from __future__ import annotations

import os
from dataclasses import replace
from typing import Any

import pytest

from sitrep.records import (
    ActorRef,
    Contradiction,
    ContradictionValue,
    Document,
    Event,
    Evidence,
    Incident,
    PersonRole,
    Place,
)
from sitrep.store import Query, Store, open_store

PALMYRA = Place(
    name="Palmyra", country="SY", admin1="Homs", admin2="Tadmur", lat=34.5604, lon=38.2784, geonameid=163808,
    precision="point", mention="the Palmyra desert",
)
DEIR = Place(name="Deir ez-Zor", country="SY", admin1="Deir ez-Zor", lat=35.3359, lon=40.1408, geonameid=170794)
BAGHDAD = Place(name="Baghdad", country="IQ", admin1="Baghdad", lat=33.3406, lon=44.4009, geonameid=98182)

ISIS = ActorRef("Islamic State (ISIS)", "rebel group", None, "a Daesh gunman")
US = ActorRef("Military Forces of the United States", "external/other forces", "US", "US service members")
PROTESTERS = ActorRef("Protesters (Iraq)", "protesters", "IQ", "hundreds of demonstrators")

TEXT_A = (
    "Washington, December 15, 2025 – Two US service members and one American civilian were killed on "
    "Saturday when a Daesh gunman ambushed their convoy in the Palmyra desert, the Pentagon said. "
    "Syrian Foreign Minister Asaad al-Shaibani condemned the attack."
)
TEXT_B = (
    "A suicide bomber blew himself up near a joint patrol outside Palmyra on December 19, killing "
    "three Americans, a monitoring group reported. Café owners in Homs said the town was tense."
)
TEXT_C = (
    "A drone strike hit a vehicle on the outskirts of Deir ez-Zor on Tuesday, killing two fighters, "
    "local sources said."
)
TEXT_D = "Hundreds of demonstrators gathered in Tahrir Square in Baghdad on Friday to protest power cuts."


def _doc(text: str, **kw: Any) -> Document:
    return Document.create(text, **kw)


DOC_A = _doc(TEXT_A, title="US troops killed in Palmyra ambush", source="Reuters", url="https://example.org/a",
             published="2025-12-15", published_precision="day", published_method="dateline", origin="a.html")
DOC_B = _doc(TEXT_B, title="Suicide bombing near Palmyra", source="SOHR", published="2025-12",
             published_precision="month", published_method="inferred", origin="b.txt")
DOC_C = _doc(TEXT_C, title=None, source="Deir ez-Zor 24", published="2025-11-04", published_precision="day",
             published_method="metadata")
DOC_D = _doc(TEXT_D, title="Baghdad protest", source="Reuters", published=None, published_precision="unknown")
DOCS = [DOC_A, DOC_B, DOC_C, DOC_D]


def _event(doc: Document, sentence: str, **kw: Any) -> Event:
    start = doc.text.index(sentence)
    ev = Evidence(sentence, start, start + len(sentence))
    event_type = str(kw.pop("event_type"))
    return Event(
        doc_id=doc.id,
        event_id=Event.make_id(doc.id, ev.start, ev.end, event_type),
        event_type=event_type,
        evidence=ev,
        source=doc.source,
        **kw,
    )


EV_A = _event(
    DOC_A, "Two US service members and one American civilian were killed on Saturday when a Daesh gunman "
    "ambushed their convoy in the Palmyra desert",
    event_type="Battles", sub_event_type="Armed clash", date="2025-12-13", date_precision="day",
    actor1=ISIS, actor2=US, location=PALMYRA, fatalities=3, method="ambush by gunman", confidence=0.87,
    date_method="anchored-weekday",
)
EV_B = _event(
    DOC_B, "A suicide bomber blew himself up near a joint patrol outside Palmyra on December 19",
    event_type="Explosions/Remote violence", sub_event_type="Suicide bomb", date="2025-12-19", date_precision="day",
    actor1=ActorRef("Unidentified Armed Group (Syria)", "political militia", "SY", "A suicide bomber"),
    actor2=US, location=PALMYRA, fatalities=3, method="suicide bomber",
)
EV_C = _event(
    DOC_C, "A drone strike hit a vehicle on the outskirts of Deir ez-Zor on Tuesday, killing two fighters",
    event_type="Explosions/Remote violence", sub_event_type="Air/drone strike", date="2025-11", date_precision="month",
    location=DEIR, fatalities=2,
)
EV_D = _event(
    DOC_D, "Hundreds of demonstrators gathered in Tahrir Square in Baghdad on Friday to protest power cuts.",
    event_type="Protests", sub_event_type="Peaceful protest", date=None, date_precision="unknown",
    actor1=PROTESTERS, location=BAGHDAD,
)
EV_GENERIC = _event(
    DOC_C, "local sources said", event_type="Battles", sub_event_type="Armed clash", date="2025-11-04",
    date_precision="day", generic=True,
)
EVENTS = [EV_A, EV_B, EV_C, EV_D, EV_GENERIC]

PALMYRA_INCIDENT = Incident(
    incident_id=Incident.make_id([EV_A.event_id, EV_B.event_id]),
    event_ids=(EV_A.event_id, EV_B.event_id),
    doc_ids=(DOC_A.id, DOC_B.id),
    event_type="Battles",
    sub_event_type="Armed clash",
    date="2025-12-13",
    date_precision="day",
    date_low="2025-12-13",
    date_high="2025-12-19",
    location=PALMYRA,
    actor1=ISIS,
    actor2=US,
    fatalities=3,
    fatalities_low=3,
    fatalities_high=3,
    method="ambush by gunman",
    sources=("Reuters", "SOHR"),
    contradictions=(
        Contradiction(
            "date",
            (
                ContradictionValue("2025-12-13", (EV_A.event_id,), (EV_A.evidence,), ("Reuters",), (DOC_A.id,)),
                ContradictionValue("2025-12-19", (EV_B.event_id,), (EV_B.evidence,), ("SOHR",), (DOC_B.id,)),
            ),
            kind="date beyond precision",
        ),
        Contradiction(
            "sub_event_type",
            (
                ContradictionValue("Armed clash", (EV_A.event_id,), sources=("Reuters",)),
                ContradictionValue("Suicide bomb", (EV_B.event_id,), sources=("SOHR",)),
            ),
            kind="method",
        ),
    ),
    support={"date": {"2025-12-13": 1, "2025-12-19": 1}},
)
DEIR_INCIDENT = Incident(
    incident_id=Incident.make_id([EV_C.event_id]),
    event_ids=(EV_C.event_id,),
    doc_ids=(DOC_C.id,),
    event_type="Explosions/Remote violence",
    sub_event_type="Air/drone strike",
    date="2025-11",
    date_precision="month",
    location=DEIR,
    fatalities=2,
    sources=("Deir ez-Zor 24",),
)

SHAIBANI = PersonRole(
    name="Asaad al-Shaibani", role="Foreign Minister", organisation="Government of Syria", country="SY",
    first_seen="2025-01-03", last_seen="2025-12-15", aliases=("Asaad Hassan al-Shibani",),
    doc_ids=(DOC_A.id,), sources=("Reuters",),
    evidence=(Evidence("Syrian Foreign Minister Asaad al-Shaibani", 10, 50),),
)
SHARAA = PersonRole(
    name="Ahmed al-Sharaa", role="President", organisation="Government of Syria", country="SY",
    first_seen="2025-01-29", last_seen="2025-11-10", aliases=("Ahmad al-Sharaa", "Abu Mohammad al-Jolani"),
)


def ids(items: list[Event] | list[Incident] | list[Document]) -> list[str]:
    out = []
    for x in items:
        out.append(x.event_id if isinstance(x, Event) else x.incident_id if isinstance(x, Incident) else x.id)
    return out


@pytest.fixture
def loaded(store: Store) -> Store:
    store.add_documents(DOCS)
    store.add_events(EVENTS)
    return store


# -- the interface ------------------------------------------------------------------------------
def test_store_implements_the_protocol(store: Store) -> None:
    assert isinstance(store, Store)
    assert store.stats() == {
        "documents": 0, "events": 0, "incidents": 0, "people": 0, "duplicates": 0, "contradictions": 0,
    }


# -- documents ----------------------------------------------------------------------------------
def test_add_documents_is_idempotent(store: Store) -> None:
    first = store.add_documents(DOCS)
    assert first.inserted == tuple(d.id for d in DOCS) and first.existing == ()
    again = store.add_documents([DOC_B, DOC_A])
    assert again.inserted == () and again.existing == (DOC_B.id, DOC_A.id)
    assert store.count_documents() == 4
    assert store.has_documents([DOC_A.id, "0" * 16, DOC_D.id]) == {DOC_A.id, DOC_D.id}
    assert store.has_documents([]) == set()


def test_duplicate_inside_one_batch_is_stored_once(store: Store) -> None:
    res = store.add_documents([DOC_A, DOC_A])
    assert res.inserted == (DOC_A.id,) and res.existing == (DOC_A.id,)
    assert store.count_documents() == 1


def test_document_round_trip(store: Store) -> None:
    store.add_documents(DOCS)
    for d in DOCS:
        assert store.get_document(d.id) == d
    assert store.get_document("ffffffffffffffff") is None


def test_documents_order_and_paging(loaded: Store) -> None:
    # newest first, undated last, ties by id
    assert ids(loaded.documents()) == [DOC_A.id, DOC_B.id, DOC_C.id, DOC_D.id]
    assert ids(loaded.documents(Query(limit=2))) == [DOC_A.id, DOC_B.id]
    assert ids(loaded.documents(Query(limit=2, offset=2))) == [DOC_C.id, DOC_D.id]
    assert sorted(d.id for d in loaded.iter_documents(batch=3)) == sorted(d.id for d in DOCS)
    assert [d.id for d in loaded.iter_documents(batch=1)] == sorted(d.id for d in DOCS)


def test_documents_filters(loaded: Store) -> None:
    assert ids(loaded.documents(Query(source="reuters"))) == [DOC_A.id, DOC_D.id]
    assert ids(loaded.documents(Query(since="2025-12-01"))) == [DOC_A.id, DOC_B.id]
    # a month-precise document belongs to any day of its month
    assert ids(loaded.documents(Query(since="2025-12-16"))) == [DOC_B.id]
    assert ids(loaded.documents(Query(until="2025-11-30"))) == [DOC_C.id]
    assert ids(loaded.documents(Query(since="2025-11-01", until="2025-12-31", source="SOHR"))) == [DOC_B.id]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Palmyra", ["A", "B"]),
        ("palmyra GUNMAN", ["A"]),  # every word must match, case-insensitive
        ("Daesh ambushed convoy", ["A"]),
        ("cafe", ["B"]),  # diacritics removed on both sides
        ("Café", ["B"]),
        ("al-Shaibani", ["A"]),
        ("Shaibani", ["A"]),
        ("ez-Zor", ["C"]),
        ("Tahrir Square", ["D"]),
        ("Baghdad protest", ["D"]),  # title and text are both searched
        ("Palmyra Baghdad", []),
        ("Mosul", []),
        ("!!! ---", []),  # nothing searchable
        ("'; DROP TABLE documents; --", []),
        ('"Palmyra" OR NEAR(x)', []),  # query syntax is never interpreted
    ],
)
def test_documents_full_text_search(loaded: Store, query: str, expected: list[str]) -> None:
    by_name = {"A": DOC_A.id, "B": DOC_B.id, "C": DOC_C.id, "D": DOC_D.id}
    assert sorted(ids(loaded.documents(Query(text=query)))) == sorted(by_name[x] for x in expected)
    assert loaded.count_documents() == 4


def test_document_shingles_skip_duplicates_and_unsigned(store: Store) -> None:
    copy = _doc(TEXT_A + " (syndicated)", source="AFP", duplicate_of=DOC_A.id)
    store.add_documents([DOC_A, DOC_B, copy], signatures={DOC_A.id: b"\x00\x01sig-a", copy.id: b"sig-copy"})
    assert list(store.document_shingles()) == [(DOC_A.id, b"\x00\x01sig-a")]
    assert store.stats()["duplicates"] == 1


def test_demote_document_turns_an_original_into_a_copy(loaded: Store) -> None:
    """A stored original demoted to a copy of another document loses its events, the incidents that
    held them (their other events become unresolved) and its person mentions; its own copies follow it."""
    copy_of_b = _doc(TEXT_B + " (syndicated)", source="AFP", duplicate_of=DOC_B.id)
    loaded.add_documents([copy_of_b])
    loaded.replace_incidents([PALMYRA_INCIDENT, DEIR_INCIDENT])
    loaded.add_person_mentions([("shaibani", SHAIBANI), ("shibani", SHAIBANI)])
    assert loaded.demote_document(DOC_A.id, DOC_B.id) == ["shaibani", "shibani"]
    docs = {d.id: d.duplicate_of for d in loaded.documents(Query())}
    assert docs[DOC_A.id] == DOC_B.id and docs[copy_of_b.id] == DOC_B.id and docs[DOC_B.id] is None
    assert EV_A.event_id not in ids(loaded.events(Query()))
    assert loaded.get_incident(PALMYRA_INCIDENT.incident_id) is None
    assert loaded.get_incident(DEIR_INCIDENT.incident_id) == DEIR_INCIDENT
    assert EV_B.event_id in ids(loaded.unresolved_events())
    assert loaded.person_mentions(["shaibani", "shibani"]) == []
    assert loaded.demote_document(DOC_D.id, DOC_C.id) == []  # nothing of its own: only the flag changes


def test_recent_unresolved_events_are_the_ones_stored_since_all_before_were_resolved(store: Store) -> None:
    """``unresolved_events(recent=True)``, which each ingest runs, reads only the events stored since its last call
    found every earlier one resolved, so its cost does not grow with the store; its first call reads them all, and
    an event left unresolved stays in every later answer until it is resolved."""
    store.add_documents(DOCS)
    store.add_events([EV_A, EV_B, EV_C])
    assert ids(store.unresolved_events(recent=True)) == [EV_A.event_id, EV_B.event_id, EV_C.event_id]
    store.replace_incidents([PALMYRA_INCIDENT])   # A and B resolved, C not (a crash before its resolution)
    assert ids(store.unresolved_events(recent=True)) == [EV_C.event_id]
    store.replace_incidents([DEIR_INCIDENT])
    assert ids(store.unresolved_events(recent=True)) == []
    store.add_events([EV_D, EV_GENERIC])
    assert ids(store.unresolved_events(recent=True)) == [EV_D.event_id]   # only what came since; not the generic
    # a full read still finds what a later change unresolved below the mark (a demoted document's incident)
    store.replace_incidents([], removed=[PALMYRA_INCIDENT.incident_id])
    assert ids(store.unresolved_events(recent=True)) == [EV_D.event_id]
    assert ids(store.unresolved_events()) == [EV_A.event_id, EV_B.event_id, EV_D.event_id]


# -- events -------------------------------------------------------------------------------------
def test_add_events_is_idempotent(store: Store) -> None:
    assert store.add_events(EVENTS) == 5
    store.add_events(EVENTS)
    assert store.stats()["events"] == 5
    assert store.add_events([]) == 0
    changed = EV_A.with_(fatalities=4)
    store.add_events([changed])
    assert store.get_events([EV_A.event_id]) == [changed]


def test_event_round_trip_and_order(loaded: Store) -> None:
    wanted = [EV_D.event_id, EV_A.event_id, "missing", EV_C.event_id]
    assert loaded.get_events(wanted) == [EV_D, EV_A, EV_C]
    assert loaded.get_events([]) == []


def test_events_listing_order(loaded: Store) -> None:
    # latest first by the start of their date range, undated last
    assert ids(loaded.events()) == [EV_B.event_id, EV_A.event_id, EV_GENERIC.event_id, EV_C.event_id, EV_D.event_id]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (Query(country="SY"), ["B", "A", "C"]),
        (Query(country="sy"), ["B", "A", "C"]),
        (Query(country="IQ"), ["D"]),
        (Query(admin1="homs"), ["B", "A"]),
        (Query(since="2025-12-14"), ["B"]),
        (Query(until="2025-11-30"), ["G", "C"]),
        (Query(since="2025-11-15", until="2025-11-20"), ["C"]),  # month-precise: overlaps
        (Query(since="2025-12"), ["B", "A"]),
        (Query(type="Explosions/Remote violence"), ["B", "C"]),
        (Query(type="suicide bomb"), ["B"]),
        (Query(actor="daesh"), ["A"]),  # the mention counts
        (Query(actor="United States"), ["B", "A"]),
        (Query(actor="100%_"), []),  # LIKE wildcards are literal
        (Query(source="sohr"), ["B"]),
        (Query(near=(34.55, 38.27, 25.0)), ["B", "A"]),
        (Query(near=(34.0, 38.9, 70.0)), []),  # Palmyra: inside the box, 85 km from the point
        (Query(near=(35.33, 40.14, 5.0)), ["C"]),
        (Query(text="suicide bomber"), ["B"]),
        (Query(text="Palmyra"), ["B", "A"]),  # evidence and location
        (Query(text="Islamic State"), ["A"]),  # actor names are searchable
        (Query(text="demonstrators Baghdad"), ["D"]),
        (Query(text="' OR 1=1 --"), []),
        (Query(country="SY", type="Battles", actor="ISIS", since="2025-12-01", until="2025-12-31"), ["A"]),
        (Query(limit=2), ["B", "A"]),
        (Query(limit=2, offset=1), ["A", "G"]),
        (Query(near=(34.55, 38.27, 25.0), limit=1, offset=1), ["A"]),
    ],
)
def test_event_filters(loaded: Store, query: Query, expected: list[str]) -> None:
    by_name = {"A": EV_A, "B": EV_B, "C": EV_C, "D": EV_D, "G": EV_GENERIC}
    assert ids(loaded.events(query)) == [by_name[x].event_id for x in expected]


def test_events_in_window_skips_generic_and_undated(loaded: Store) -> None:
    window = getattr(loaded, "events_in_window", None)
    assert window is not None, "both stores offer events_in_window for incremental resolution"
    assert sorted(ids(window("2025-11-01", "2025-11-30"))) == [EV_C.event_id]
    assert sorted(ids(window("2025-12-10", "2025-12-31"))) == sorted([EV_A.event_id, EV_B.event_id])


# every width an event's date can have (a day, a week, a month, a leap and a plain year), in two
# countries and in none, around the turn of a year
WINDOW_DATES = ["2024-12-30", "2025-01-02", "2025-W01", "2024-W52", "2024-12", "2025-01", "2024", "2025", None]
WINDOW_PLACES = [PALMYRA, BAGHDAD, None]


def window_events() -> list[Event]:
    out = []
    for n, (date, place, generic) in enumerate(
        (d, p, g) for d in WINDOW_DATES for p in WINDOW_PLACES for g in (False, True)
    ):
        out.append(replace(EV_A, event_id=f"w{n:03d}", date=date, location=place, generic=generic))
    return out


@pytest.mark.parametrize("country", ["SY", "IQ", None])
@pytest.mark.parametrize(
    ("since", "until"),
    [("2024-12-31", "2024-12-31"), ("2025-01-01", "2025-01-31"), ("2024-01-01", "2024-11-30"),
     ("2025-02-01", "2025-02-28"), ("2023-12-01", "2026-01-31"), ("2025-06-01", "2025-06-01")],
)
def test_events_in_window_is_the_date_filter(store: Store, country: str | None, since: str, until: str) -> None:
    """The window read (one bounded index range per date width) gives what the date filter gives."""
    store.add_events(window_events())
    expected = [e for e in store.events(Query(country=country, since=since, until=until)) if not e.generic]
    assert sorted(ids(store.events_in_window(since, until, country))) == sorted(ids(expected))
    assert expected or (since, until) == ("2025-06-01", "2025-06-01")


def test_stored_events_get_their_date_width_class_on_upgrade(tmp_path: Any) -> None:
    """A database written before the width classes (schema 3) finds its events by window after the upgrade."""
    import sqlite3

    from sitrep.store.common import event_row, migrations
    from sitrep.store.sqlite import _split_sql

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY)")
    for version, sql in migrations("sqlite"):
        if version <= 3:
            for statement in _split_sql(sql):
                conn.execute(statement)
            conn.execute("INSERT INTO schema_version(version) VALUES (?)", (version,))
    events = window_events()
    for e in events:
        conn.execute("INSERT INTO events (event_id, doc_id, event_type, sub_event_type, date, date_low, date_high, "
                     "country, admin1, location, lat, lon, actor1, actor2, fatalities, source, generic, evidence, "
                     "data) VALUES (" + ",".join("?" * 19) + ")", event_row(e)[:19])
    conn.close()
    store = open_store(str(path))
    for since, until in [("2024-12-31", "2024-12-31"), ("2025-01-01", "2025-01-31"), ("2024-03-01", "2024-03-02")]:
        for country in ("SY", None):
            expected = [e for e in store.events(Query(country=country, since=since, until=until)) if not e.generic]
            assert sorted(ids(store.events_in_window(since, until, country))) == sorted(ids(expected))
    store.close()


# -- incidents ----------------------------------------------------------------------------------
def test_incidents_replace_and_get(loaded: Store) -> None:
    loaded.replace_incidents([PALMYRA_INCIDENT, DEIR_INCIDENT])
    got = loaded.get_incident(PALMYRA_INCIDENT.incident_id)
    assert got == PALMYRA_INCIDENT
    assert got is not None and [c.field for c in got.contradictions] == ["date", "sub_event_type"]
    assert got.contradictions[0].values[1].evidence[0].text.startswith("A suicide bomber")
    assert loaded.get_incident("nope") is None
    assert loaded.incident_for_events([EV_A.event_id, EV_C.event_id, EV_D.event_id]) == {
        EV_A.event_id: PALMYRA_INCIDENT.incident_id,
        EV_C.event_id: DEIR_INCIDENT.incident_id,
    }
    assert loaded.stats()["incidents"] == 2
    assert loaded.stats()["contradictions"] == 2
    # the same write again changes nothing
    loaded.replace_incidents([PALMYRA_INCIDENT, DEIR_INCIDENT])
    assert loaded.stats()["incidents"] == 2
    assert ids(loaded.events(Query(incident_id=PALMYRA_INCIDENT.incident_id))) == [EV_B.event_id, EV_A.event_id]


def test_incidents_replace_with_removed(loaded: Store) -> None:
    single_a = Incident(
        incident_id=Incident.make_id([EV_A.event_id]), event_ids=(EV_A.event_id,), doc_ids=(DOC_A.id,),
        event_type="Battles", sub_event_type="Armed clash", date="2025-12-13", date_precision="day",
        location=PALMYRA, sources=("Reuters",),
    )
    single_b = Incident(
        incident_id=Incident.make_id([EV_B.event_id]), event_ids=(EV_B.event_id,), doc_ids=(DOC_B.id,),
        event_type="Explosions/Remote violence", sub_event_type="Suicide bomb", date="2025-12-19",
        date_precision="day", location=PALMYRA, sources=("SOHR",),
    )
    loaded.replace_incidents([single_a, single_b])
    assert loaded.stats()["incidents"] == 2
    # a later batch merges the two reports into one incident
    loaded.replace_incidents([PALMYRA_INCIDENT], removed=[single_a.incident_id, single_b.incident_id])
    assert ids(loaded.incidents()) == [PALMYRA_INCIDENT.incident_id]
    assert loaded.get_incident(single_a.incident_id) is None
    assert set(loaded.incident_for_events([EV_A.event_id, EV_B.event_id]).values()) == {PALMYRA_INCIDENT.incident_id}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (Query(), ["P", "D"]),
        (Query(country="SY", admin1="Homs"), ["P"]),
        (Query(since="2025-12-15"), ["P"]),  # the incident's date range reaches the 19th
        (Query(until="2025-11-30"), ["D"]),
        (Query(text="suicide"), ["P"]),  # through the incident's reports
        (Query(text="drone strike"), ["D"]),
        (Query(source="sohr"), ["P"]),
        (Query(actor="gunman"), ["P"]),
        (Query(type="Air/drone strike"), ["D"]),
        (Query(near=(35.3, 40.1, 30.0)), ["D"]),
        (Query(incident_id="nope"), []),
        (Query(limit=1, offset=1), ["D"]),
    ],
)
def test_incident_filters(loaded: Store, query: Query, expected: list[str]) -> None:
    loaded.replace_incidents([PALMYRA_INCIDENT, DEIR_INCIDENT])
    by_name = {"P": PALMYRA_INCIDENT, "D": DEIR_INCIDENT}
    assert ids(loaded.incidents(query)) == [by_name[x].incident_id for x in expected]


# -- people -------------------------------------------------------------------------------------
def test_people_replace_and_search(store: Store) -> None:
    store.replace_people([SHARAA, SHAIBANI])
    assert [p.name for p in store.people()] == ["Asaad al-Shaibani", "Ahmed al-Sharaa"]  # latest seen first
    assert store.people(name="shaibani") == [SHAIBANI]
    assert store.people(name="Jolani") == [SHARAA]  # an alias finds the person
    assert store.people(name="al-Sh", limit=1) == [SHAIBANI]
    assert store.people(name="%") == []
    later = PersonRole(**{**{f: getattr(SHARAA, f) for f in SHARAA.__slots__}, "last_seen": "2025-12-20"})
    store.replace_people([later])
    assert store.stats()["people"] == 2
    assert store.people()[0] == later
    store.replace_people([])
    assert store.stats()["people"] == 2


# -- bookkeeping --------------------------------------------------------------------------------
def test_seen_sources_survive_reopening(store_url: str) -> None:
    first = open_store(store_url)
    try:
        assert first.seen_sources() == {}
        first.mark_source("/data/feeds/sana.xml", "sha256:aa")
        first.mark_source("/data/feeds/sana.xml#item-1", "sha256:bb")
        first.mark_source("/data/feeds/sana.xml", "sha256:cc")  # the file changed
    finally:
        first.close()
    again = open_store(store_url)  # migrations run again and keep everything
    try:
        assert again.seen_sources() == {"/data/feeds/sana.xml": "sha256:cc", "/data/feeds/sana.xml#item-1": "sha256:bb"}
    finally:
        again.close()


def test_stats_count_everything(loaded: Store) -> None:
    loaded.replace_incidents([PALMYRA_INCIDENT])
    loaded.replace_people([SHAIBANI])
    assert loaded.stats() == {
        "documents": 4, "events": 5, "incidents": 1, "people": 1, "duplicates": 0, "contradictions": 2,
    }


def test_unusual_text_is_stored(store: Store) -> None:
    arabic = _doc("قتل ثلاثة أشخاص في تدمر يوم السبت", source="SANA", language="ar")
    store.add_documents([arabic])
    assert store.get_document(arabic.id) == arabic
    assert ids(store.documents(Query(text="تدمر"))) == [arabic.id]
    nul = _doc("Shelling hit Idlib\x00 on Monday", source="x")
    assert store.add_documents([nul]).inserted == (nul.id,)
    got = store.get_document(nul.id)
    assert got is not None and len(got.text) == len(nul.text)  # offsets stay valid


# -- the two backends agree ---------------------------------------------------------------------
@pytest.mark.postgres
def test_backends_agree_on_every_query(tmp_path: object, pg_url: str) -> None:
    """Load the same records into SQLite and PostgreSQL; every query returns the same ids in the same order."""
    if not os.environ.get("SITREP_TEST_PG"):
        pytest.skip("SITREP_TEST_PG is not set")
    stores = [open_store(str(tmp_path / "agree.db")), open_store(pg_url)]  # type: ignore[operator]
    try:
        for s in stores:
            s.add_documents(DOCS)
            s.add_events(EVENTS)
            s.replace_incidents([PALMYRA_INCIDENT, DEIR_INCIDENT])
            s.replace_people([SHAIBANI, SHARAA])
        queries = [
            Query(), Query(country="SY"), Query(text="Palmyra"), Query(since="2025-12"), Query(until="2025-11-30"),
            Query(actor="us"), Query(near=(34.5, 38.3, 80.0)), Query(type="Battles"), Query(limit=1, offset=2),
            Query(text="killed"), Query(source="Reuters"),
        ]
        for q in queries:
            results = [(ids(s.documents(q)), ids(s.events(q)), ids(s.incidents(q))) for s in stores]
            assert results[0] == results[1], q
        assert stores[0].stats() == stores[1].stats()
        assert stores[0].people() == stores[1].people()
    finally:
        for s in stores:
            s.close()


# -- the real pipeline on both backends ---------------------------------------------------------
@pytest.mark.postgres
def test_ingest_pipeline_gives_the_same_export_on_both_backends(tmp_path: object, pg_url: str) -> None:
    """Ingest the bundled seed articles into SQLite and PostgreSQL: identical JSONL exports, idempotent."""
    from pathlib import Path

    from sitrep.engines import LocalEngine
    from sitrep.export import export_text
    from sitrep.ingest import sample_corpus_paths
    from sitrep.pipeline import Pipeline

    sample_root = Path(sample_corpus_paths()[-1]).parent
    seeds = sorted(str(p) for p in sample_root.rglob("00[0-9]_*.txt"))
    exports = []
    for url in (str(Path(str(tmp_path)) / "seeds.db"), pg_url):
        s = open_store(url)
        try:
            first = Pipeline(s, LocalEngine()).ingest(seeds)
            assert first.documents_new == 5 and not first.errors
            again = Pipeline(s, LocalEngine()).ingest(seeds)
            assert again.documents_new == 0
            exports.append([sorted(export_text(s, "jsonl", what=w).splitlines()) for w in ("events", "incidents")])
            exports[-1].append([str(s.stats())])
        finally:
            s.close()
    assert exports[0][0], "the seeds yield events"
    assert exports[0] == exports[1]


def test_others_wrote_tells_a_write_committed_through_another_connection(store_url: str, store: Store) -> None:
    """What the ingest keeps between batches about the stored reports is kept only while no other connection
    (another ingest process) has written: SQLite tells it exactly, PostgreSQL always answers yes."""
    exact = not store_url.startswith("postgres")
    assert store.others_wrote()  # the first call: nothing is known yet
    store.add_documents([DOC_A])  # this connection's own writes are not another's
    store.replace_incidents([])
    assert store.others_wrote() is not exact
    other = open_store(store_url)
    try:
        other.add_documents([DOC_B])
    finally:
        other.close()
    assert store.others_wrote()
    assert store.others_wrote() is not exact  # told once
    store.documents()  # reading changes nothing
    assert store.others_wrote() is not exact
