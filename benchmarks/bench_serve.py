"""Load benchmark of ``sitrep serve`` on loopback (bounded in time; not a test).

Builds a SQLite database of N synthetic events (default 20,000) made from the bundled FA-KES
sample articles (CC BY 4.0) — each document a replica of a real article, each event a real
sentence of it as evidence, placed at a Syrian/Iraqi province centre with jitter, dated in
2016-2018, grouped into incidents of 1-3 reports with date/fatality contradictions — then starts
``sitrep serve`` and measures requests/s and p50/p99 latency with wrk (Debian package) or, when
wrk is missing, a Python keep-alive load generator.

Endpoints: the events API (``/api/events?limit=100``, filtered and unfiltered), the map data
(``/api/map``), the incident page's data (``/api/incidents/{id}``, rotating over ids) and the
incident page shell (``/incident/{id}``).

    .venv/bin/python benchmarks/bench_serve.py [--events 20000] [--duration 10] [--connections 8]
                                               [--workers 1 2] [--db PATH]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from importlib import resources
from pathlib import Path

from sitrep.records import (
    ActorRef,
    Contradiction,
    ContradictionValue,
    Document,
    Event,
    Evidence,
    Incident,
    Place,
)
from sitrep.store import open_store

ROOT = Path(__file__).resolve().parents[1]
TYPES = [
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Suicide bomb"),
    ("Violence against civilians", "Attack"),
    ("Strategic developments", "Arrests"),
    ("Protests", "Peaceful protest"),
]
ACTORS = [
    ActorRef("Military Forces of Syria", "state forces", "SY"),
    ActorRef("Islamic State (ISIS)", "rebel group", None),
    ActorRef("Syrian Democratic Forces", "rebel group", "SY"),
    ActorRef("Hayat Tahrir al-Sham", "rebel group", "SY"),
    ActorRef("Military Forces of Russia", "external/other forces", "RU"),
    ActorRef("Military Forces of the United States", "external/other forces", "US"),
    ActorRef("Civilians (Syria)", "civilians", "SY"),
]


def _articles() -> list[tuple[str, str, str]]:
    path = resources.files("sitrep") / "data" / "sample" / "fakes_sample.csv"
    rows = list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))
    out = []
    for r in rows:
        text = r.get("article_content") or r.get("text") or ""
        if len(text) > 200:
            out.append((r.get("article_title") or r.get("title") or "", text, r.get("source") or "unknown"))
    if not out:
        raise SystemExit("the bundled FA-KES sample has no usable articles")
    return out


def _provinces() -> list[tuple[str, str, float, float]]:
    path = resources.files("sitrep") / "data" / "naturalearth" / "admin1_10m.geojson"
    fc = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for f in fc["features"]:
        if f["properties"]["iso2"] not in ("SY", "IQ"):
            continue
        pts = [p for poly in _polys(f["geometry"]) for p in poly[0]]
        out.append((f["properties"]["name"], f["properties"]["iso2"],
                    statistics.fmean(p[1] for p in pts), statistics.fmean(p[0] for p in pts)))
    return out


def _polys(geom: dict) -> list:
    return [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]


def build_db(path: Path, n_events: int, seed: int = 7) -> dict[str, float]:
    rng = random.Random(seed)
    articles = _articles()
    provinces = _provinces()
    t0 = time.perf_counter()
    store = open_store(str(path))
    docs: list[Document] = []
    events: list[Event] = []
    per_doc = 10
    for d in range((n_events + per_doc - 1) // per_doc):
        title, text, source = articles[d % len(articles)]
        text = f"{text}\n\n(replica {d})"
        doc = Document.create(text, title=title, source=source, published="2017-06-01",
                              published_precision="day", published_method="metadata")
        docs.append(doc)
        spans = [(m.start(), m.end()) for m in re.finditer(r"[^.!?]+[.!?]", text) if len(m.group().strip()) > 30]
        spans = spans or [(0, len(text))]
        for k in range(per_doc):
            if len(events) >= n_events:
                break
            start, end = spans[k % len(spans)]
            etype, sub = rng.choice(TYPES)
            name, cc, lat, lon = rng.choice(provinces)
            day = f"2017-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            a1, a2 = rng.sample(ACTORS, 2)
            events.append(Event(
                doc_id=doc.id, event_id=Event.make_id(doc.id, start, end, etype + str(k)), event_type=etype,
                sub_event_type=sub, date=day, date_precision="day",
                evidence=Evidence(text[start:end], start, end), actor1=a1, actor2=a2,
                location=Place(f"{name} {k}", cc, name, None, round(lat + rng.uniform(-0.4, 0.4), 4),
                               round(lon + rng.uniform(-0.4, 0.4), 4), precision="point"),
                fatalities=rng.choice([None, 0, 1, 2, 3, 5, 12]), source=source, confidence=0.6,
            ))
    store.add_documents(docs)
    store.add_events(events)
    incidents: list[Incident] = []
    i = 0
    while i < len(events):
        group = events[i : i + rng.choice([1, 1, 1, 2, 3])]
        i += len(group)
        first = group[0]
        contradictions: tuple[Contradiction, ...] = ()
        if len(group) > 1:
            contradictions = (Contradiction("date", tuple(
                ContradictionValue(e.date, (e.event_id,), (e.evidence,), (e.source or "",), (e.doc_id,))
                for e in group), "date beyond precision"),)
        dates = sorted(e.date for e in group if e.date)
        incidents.append(Incident(
            incident_id=Incident.make_id([e.event_id for e in group]), event_ids=tuple(e.event_id for e in group),
            doc_ids=tuple(dict.fromkeys(e.doc_id for e in group)), event_type=first.event_type,
            sub_event_type=first.sub_event_type, date=dates[0], date_precision="day", date_low=dates[0],
            date_high=dates[-1], location=first.location, actor1=first.actor1, actor2=first.actor2,
            fatalities=first.fatalities, sources=tuple(dict.fromkeys(e.source for e in group if e.source)),
            contradictions=contradictions,
        ))
    store.replace_incidents(incidents)
    store.close()
    return {"documents": len(docs), "events": len(events), "incidents": len(incidents),
            "build_s": time.perf_counter() - t0}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "sitrep", "serve", "--db", str(db), "--port", str(port), "--workers", str(workers)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/meta", timeout=2).read()
            return proc
        except OSError as exc:
            if proc.poll() is not None:
                err = (proc.stderr.read() if proc.stderr else b"").decode()[-2000:]
                raise SystemExit("server failed: " + err) from exc
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("server did not start")


_UNIT = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 6e4}


def _ms(value: str) -> float:
    m = re.match(r"([\d.]+)(us|ms|s|m)", value)
    if not m:
        return float("nan")
    return float(m.group(1)) * _UNIT[m.group(2)]


def run_wrk(
    url: str, paths: list[str], duration: int, connections: int, tmp: Path, gzip: bool = False
) -> dict[str, float]:
    script = tmp / "paths.lua"
    headers = "{['Accept-Encoding'] = 'gzip'}" if gzip else "{}"
    script.write_text(
        "local paths = {" + ",".join(json.dumps(p) for p in paths) + "}\n"
        f"local headers = {headers}\n"
        "local i = 0\nrequest = function()\n  i = i % #paths + 1\n"
        "  return wrk.format('GET', paths[i], headers)\nend\n",
        encoding="utf-8",
    )
    out = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{duration}s", "--latency", "-s", str(script), url],
        capture_output=True, text=True, timeout=duration + 60,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": rps, "p50_ms": p50, "p99_ms": p99, "non2xx": float(errors.group(1)) if errors else 0.0}


def run_python(
    url: str, paths: list[str], duration: int, connections: int, gzip: bool = False
) -> dict[str, float]:
    import http.client

    host, port = url.split("//")[1].split(":")
    lat: list[float] = []
    bad = 0
    lock = threading.Lock()
    end = time.perf_counter() + duration

    def worker(k: int) -> None:
        nonlocal bad
        conn = http.client.HTTPConnection(host, int(port), timeout=30)
        i = k
        mine: list[float] = []
        while time.perf_counter() < end:
            t = time.perf_counter()
            conn.request("GET", paths[i % len(paths)], headers={"Accept-Encoding": "gzip"} if gzip else {})
            resp = conn.getresponse()
            resp.read()
            mine.append((time.perf_counter() - t) * 1000)
            if resp.status >= 300:
                with lock:
                    bad += 1
            i += connections
        with lock:
            lat.extend(mine)

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    lat.sort()
    return {"rps": len(lat) / duration, "p50_ms": lat[len(lat) // 2], "p99_ms": lat[int(len(lat) * 0.99)],
            "non2xx": float(bad)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=20_000)
    ap.add_argument("--duration", type=int, default=10, help="seconds per endpoint")
    ap.add_argument("--connections", type=int, default=8)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--db", type=Path, default=None, help="reuse/keep the database here")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="bench_serve_"))
    db = args.db or tmp / "bench.db"
    if not db.exists():
        info = build_db(db, args.events)
        print(f"built {db}: {info['documents']} documents, {info['events']} events, "
              f"{info['incidents']} incidents in {info['build_s']:.1f} s", file=sys.stderr)
    store = open_store(str(db))
    ids = [i.incident_id for i in store.incidents()][:2000]
    stats = store.stats()
    store.close()
    random.Random(1).shuffle(ids)
    endpoints: dict[str, tuple[list[str], bool]] = {
        "events API (limit 100)": (["/api/events?limit=100"], False),
        "events API, filtered (type + since + country)": (
            ["/api/events?type=Battles&since=2017-06-01&country=SY&limit=100"], False),
        "map data (/api/map, 5,000 features, 2 MB)": (["/api/map"], False),
        "map data (/api/map, gzip as browsers ask)": (["/api/map"], True),
        "map data, one province": (["/api/map?admin1=Aleppo"], False),
        "incident API (/api/incidents/{id}, 2,000 ids rotating)": ([f"/api/incidents/{i}" for i in ids], False),
        "incident page shell (/incident/{id})": ([f"/incident/{i}" for i in ids], False),
    }
    use_wrk = shutil.which("wrk") is not None
    print(f"database: {stats}; load generator: {'wrk' if use_wrk else 'python'}; "
          f"{args.connections} connections, {args.duration} s per endpoint; cores: {os.cpu_count()}")
    print()
    print("| workers | endpoint | req/s | p50 ms | p99 ms | first request ms | non-2xx |")
    print("|---|---|---|---|---|---|---|")
    for workers in args.workers:
        port = free_port()
        proc = start_server(db, port, workers)
        try:
            url = f"http://127.0.0.1:{port}"
            for name, (paths, gz) in endpoints.items():
                # cold: the first request after start-up (or after the database changed) computes
                t = time.perf_counter()
                urllib.request.urlopen(url + paths[0], timeout=60).read()
                cold = (time.perf_counter() - t) * 1000
                r = (run_wrk(url, paths, args.duration, args.connections, tmp, gz) if use_wrk
                     else run_python(url, paths, args.duration, args.connections, gz))
                print(f"| {workers} | {name} | {r['rps']:.0f} | {r['p50_ms']:.1f} | {r['p99_ms']:.1f} | "
                      f"{cold:.0f} | {r['non2xx']:.0f} |", flush=True)
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
    if args.db is None:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
