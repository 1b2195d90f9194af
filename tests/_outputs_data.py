"""A real SQLite store built from the seed documents, for the output tests (export, brief, serve).

The events are hand-coded from the seed texts (values as eval/seeds_gold.yaml gives them), with
evidence spans located in the real text, so the outputs are tested on real article text. The
Palmyra incident carries the date (2025-12-13 vs 2025-12-19) and method contradictions with both
evidence spans, as the resolver produces them.
"""

from __future__ import annotations

from pathlib import Path
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
from sitrep.store import open_store
from sitrep.store.base import Store

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"

XSS_SCRIPT = "<script>window.__xss=1</script>"
XSS_IMG = '<img src=x onerror="window.__xss=2">'
XSS_SVG = "<svg onload=window.__xss=3>"

PALMYRA = Place(
    name="Palmyra", country="SY", admin1="Homs", admin2="Tadmur", lat=34.56, lon=38.28, geonameid=163808
)
DEIR = Place(name="Deir ez-Zor", country="SY", admin1="Deir ez-Zor", lat=35.34, lon=40.14, precision="admin1")
ISIS = ActorRef("Islamic State (ISIS)", "rebel group", None, "a Daesh gunman")
US = ActorRef("Military Forces of the United States", "external/other forces", "US", "US service members")


def seed_text(name: str) -> str:
    if not SEEDS.is_dir():
        pytest.skip(f"the shared seed corpus is not here ({SEEDS})")
    return next(SEEDS.glob(name + "*")).read_text(encoding="utf-8")


def span(doc: Document, phrase: str) -> Evidence:
    start = doc.text.index(phrase)
    return Evidence(phrase, start, start + len(phrase))


def _event(
    doc: Document, phrase: str, etype: str, sub: str | None, date: str, prec: str, **kw: object
) -> Event:
    ev = span(doc, phrase)
    return Event(
        doc_id=doc.id,
        event_id=Event.make_id(doc.id, ev.start, ev.end, etype),
        event_type=etype,
        sub_event_type=sub,
        date=date,
        date_precision=prec,  # type: ignore[arg-type]
        evidence=ev,
        source=doc.source,
        **kw,  # type: ignore[arg-type]
    )


def _incident(events: list[Event], **kw: object) -> Incident:
    e = events[0]
    base: dict[str, object] = {
        "incident_id": Incident.make_id([x.event_id for x in events]),
        "event_ids": tuple(x.event_id for x in events),
        "doc_ids": tuple(dict.fromkeys(x.doc_id for x in events)),
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "date": e.date,
        "date_precision": e.date_precision,
        "location": e.location,
        "actor1": e.actor1,
        "actor2": e.actor2,
        "fatalities": e.fatalities,
        "method": e.method,
        "sources": tuple(dict.fromkeys(x.source for x in events if x.source)),
    }
    base.update(kw)
    return Incident(**base)  # type: ignore[arg-type]


def build_records(xss: bool = False) -> tuple[list[Document], list[Event], list[Incident], list[PersonRole]]:
    d000 = Document.create(
        seed_text("000"),
        title="Syria and US say Daesh attack aimed at undermining ties",
        source="The Europe Today",
        published="2025-12-15",
        published_precision="day",
        published_method="dateline",
        origin="seeds/000",
    )
    d002 = Document.create(
        seed_text("002"),
        title="The Palmyra Attack in the Context of Islamic State Resurgence",
        source="Research paper",
        published=None,
        published_precision="unknown",
        origin="seeds/002",
    )
    d003 = Document.create(
        seed_text("003"),
        title="US forces come under missile fire in Syria",
        source="Enab Baladi",
        published="2021-06",
        published_precision="month",
        published_method="inferred",
        origin="seeds/003",
    )
    ambush = _event(
        d000,
        "a Saturday ambush by a Daesh gunman in the Palmyra desert, which killed two US service members "
        "and one American civilian, and wounded three others",
        "Battles",
        "Armed clash",
        "2025-12-13",
        "day",
        actor1=ISIS,
        actor2=US,
        location=PALMYRA,
        fatalities=3,
        injured=3,
        method="ambush by gunman",
        confidence=0.87,
        date_method="anchored-weekday",
    )
    bomb = _event(
        d002,
        "On December 19, 2025, an IS-linked suicide bomber attacked a coalition convoy in Palmyra, "
        "killing two US Army personnel and a civilian interpreter",
        "Explosions/Remote violence",
        "Suicide bomb",
        "2025-12-19",
        "day",
        actor1=ActorRef("Islamic State (ISIS)", "rebel group", None, "an IS-linked suicide bomber"),
        actor2=US,
        location=PALMYRA,
        fatalities=3,
        method="suicide bomber",
        confidence=0.82,
        date_method="explicit",
    )
    call = _event(
        d000,
        "a telephone conversation on Sunday between Syrian Foreign Minister Asaad al-Shaibani and US "
        "Secretary of State Marco Rubio",
        "Diplomacy",
        "consult",
        "2025-12-14",
        "day",
        actor1=ActorRef(
            "Government of Syria", "state forces", "SY", "Syrian Foreign Minister Asaad al-Shaibani"
        ),
        actor2=ActorRef("Government of the United States", "external/other forces", "US", "Marco Rubio"),
        confidence=0.8,
    )
    rockets = _event(
        d003,
        "US forces came under missile fire in Syria today, Monday, without casualties",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        "2021-06",
        "month",
        actor1=ActorRef("Unidentified Armed Group (Syria)", "political militia", "SY", None),
        actor2=US,
        location=DEIR,
        fatalities=0,
        confidence=0.7,
    )
    omar = _event(
        d003,
        "an Iranian-backed faction fired artillery shells near the Al-Omar oil field, which is "
        "controlled by the US-backed Syrian Democratic Forces",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        "2021-06",
        "month",
        actor1=ActorRef(
            "Unidentified Armed Group (Syria)", "political militia", "SY", "an Iranian-backed faction"
        ),
        actor2=ActorRef("Syrian Democratic Forces", "rebel group", "SY", "Syrian Democratic Forces"),
        location=Place("Al-Omar oil field", "SY", "Deir ez-Zor", None, 35.10, 40.55, precision="district"),
        confidence=0.75,
    )
    contradictions = (
        Contradiction(
            "date",
            (
                ContradictionValue(
                    "2025-12-13", (ambush.event_id,), (ambush.evidence,), ("The Europe Today",), (d000.id,)
                ),
                ContradictionValue(
                    "2025-12-19", (bomb.event_id,), (bomb.evidence,), ("Research paper",), (d002.id,)
                ),
            ),
            "date beyond precision",
        ),
        Contradiction(
            "sub_event_type",
            (
                ContradictionValue(
                    "Armed clash", (ambush.event_id,), (ambush.evidence,), ("The Europe Today",), (d000.id,)
                ),
                ContradictionValue(
                    "Suicide bomb", (bomb.event_id,), (bomb.evidence,), ("Research paper",), (d002.id,)
                ),
            ),
            "method",
        ),
    )
    palmyra = _incident(
        [ambush, bomb],
        date="2025-12-13",
        date_low="2025-12-13",
        date_high="2025-12-19",
        fatalities_low=3,
        fatalities_high=3,
        contradictions=contradictions,
        support={"fatalities": {"3": 2}, "date": {"2025-12-13": 1, "2025-12-19": 1}},
    )
    docs = [d000, d002, d003]
    events = [ambush, bomb, call, rockets, omar]
    incidents = [palmyra, _incident([call]), _incident([rockets]), _incident([omar])]
    people = [
        PersonRole(
            "Asaad al-Shaibani",
            "Foreign Minister",
            "Government of Syria",
            "SY",
            "2025-12-15",
            "2025-12-15",
            doc_ids=(d000.id,),
            sources=("The Europe Today",),
            evidence=(span(d000, "Syrian Foreign Minister Asaad al-Shaibani"),),
        ),
        PersonRole(
            "Marco Rubio",
            "Secretary of State",
            "Government of the United States",
            "US",
            "2025-12-15",
            "2025-12-15",
            doc_ids=(d000.id,),
            sources=("The Europe Today",),
            evidence=(span(d000, "US Secretary of State Marco Rubio"),),
        ),
        PersonRole(
            "Ahmad al-Sharaa",
            "President",
            "Government of Syria",
            "SY",
            "2025-12-15",
            "2025-12-15",
            aliases=("Ahmed al-Sharaa",),
            doc_ids=(d000.id,),
            sources=("The Europe Today",),
        ),
    ]
    if xss:
        hostile = (
            f"Hostile report {XSS_SCRIPT} from {XSS_IMG} the front.\n"
            f"Gunmen {XSS_SVG} attacked a checkpoint in Palmyra on December 2, 2025, killing two guards."
        )
        dx = Document.create(
            hostile,
            title=f"Title {XSS_SCRIPT}{XSS_IMG}",
            source=f"Outlet {XSS_IMG}",
            published="2025-12-03",
            published_precision="day",
            published_method="metadata",
            url="javascript:window.__xss=4",
        )
        phrase = f"Gunmen {XSS_SVG} attacked a checkpoint in Palmyra on December 2, 2025, killing two guards."
        ex = _event(
            dx,
            phrase,
            "Battles",
            "Armed clash",
            "2025-12-02",
            "day",
            actor1=ActorRef(f"Gunmen {XSS_SCRIPT}", "political militia", "SY", XSS_IMG),
            actor2=ActorRef(f"Guards {XSS_IMG}", "state forces", "SY", None),
            location=Place(f"Palmyra {XSS_SVG}", "SY", f"Homs {XSS_IMG}", None, 34.55, 38.27),
            fatalities=2,
            method=XSS_IMG,
        )
        docs.append(dx)
        events.append(ex)
        incidents.append(_incident([ex]))
        people.append(
            PersonRole(
                f"Mr {XSS_SCRIPT}",
                f"Chief {XSS_IMG}",
                f"Org {XSS_SVG}",
                "SY",
                "2025-12-03",
                "2025-12-03",
                doc_ids=(dx.id,),
                sources=(dx.source or "",),
            )
        )
    return docs, events, incidents, people


def build_store(path: Path, xss: bool = False) -> Store:
    """A real SQLite store at ``path`` holding the seed-based records."""
    docs, events, incidents, people = build_records(xss=xss)
    store = open_store(str(path))
    store.add_documents(docs)
    store.add_events(events)
    store.replace_incidents(incidents)
    store.replace_people(people)
    return store


def palmyra_incident_id() -> str:
    _, _, incidents, _ = build_records()
    return incidents[0].incident_id


class LiveServer:
    """``sitrep serve``'s app under uvicorn on a free loopback port, in a thread (real HTTP)."""

    def __init__(self, db: Path, token: str | None = None, **app_kw: Any) -> None:
        import socket
        import threading

        pytest.importorskip("starlette", reason="the web extra (starlette) is not installed")
        uvicorn = pytest.importorskip("uvicorn", reason="the web extra (uvicorn) is not installed")
        from sitrep.serve import make_app, server_config

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = server_config(make_app(str(db), token, **app_kw), "127.0.0.1", self.port, log_level="error")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        import time

        self.thread.start()
        for _ in range(200):
            if self.server.started:
                return self
            time.sleep(0.05)
        raise RuntimeError("the test server did not start")

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def http(
    method: str, url: str, body: bytes | None = None, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    """One real HTTP request; returns (status, headers, body bytes) for any status."""
    import urllib.error
    import urllib.request

    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, {k.lower(): v for k, v in resp.headers.items()}, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, {k.lower(): v for k, v in err.headers.items()}, err.read()
