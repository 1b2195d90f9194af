"""`sitrep serve` over real HTTP on loopback: API, headers, limits, injection, read-only, schemathesis."""

from __future__ import annotations

import http.client
import json
import shutil
import subprocess
import sys
import urllib.parse
from collections.abc import Iterator
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import pytest

from tests._outputs_data import XSS_SCRIPT, LiveServer, build_store, palmyra_incident_id
from tests._outputs_data import http as http_request

pytest.importorskip("starlette", reason="the web extra is not installed")

FILTERS = ("country", "admin1", "since", "until", "type", "actor", "near", "text", "source", "offset", "limit")
PAYLOADS = (
    "' OR '1'='1",
    "' OR 1=1 --",
    '" OR ""="',
    "1; DROP TABLE events; --",
    "%' UNION SELECT data FROM documents --",
    "') OR ('a'='a",
    "*",
    "%",
    "_",
    "\\",
    '"unbalanced',
    "NEAR(a b)",
    "a OR b NOT c",
    "../../../../etc/passwd",
    "<script>alert(1)</script>",
    "${jndi:ldap://x}",
    "\x00",
    "１２３",
    "-1",
    "99999999999999999999999",
    "1e309",
    "nan",
    "2025-13-45",
    "34.5,38.2",
    "91,0,10",
    "0,0,-1",
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    db = tmp_path_factory.mktemp("serve") / "sitrep.db"
    build_store(db, xss=True).close()
    with LiveServer(db) as live:
        yield live


def get(server: LiveServer, path: str, **params: str) -> tuple[int, dict[str, str], bytes]:
    qs = urllib.parse.urlencode(params)
    return http_request("GET", server.url + path + ("?" + qs if qs else ""))


def get_json(server: LiveServer, path: str, **params: str) -> dict:
    status, headers, body = get(server, path, **params)
    assert status == 200, (path, params, body[:300])
    assert headers["content-type"].startswith(("application/json", "application/geo+json"))
    return json.loads(body)


def test_api_lists_filters_and_details(server: LiveServer) -> None:
    events = get_json(server, "/api/events")
    assert events["count"] == 6 and events["limit"] == 100
    assert get_json(server, "/api/events", source="Research paper")["count"] == 1
    incidents = get_json(server, "/api/incidents", country="SY", type="Armed clash")["items"]
    assert palmyra_incident_id() in {i["incident_id"] for i in incidents}
    assert get_json(server, "/api/incidents", since="2025-12-15")["count"] == 1  # only Palmyra's range reaches
    near = get_json(server, "/api/incidents", near="34.56,38.28,20")["items"]
    assert all(i["location"]["name"].startswith("Palmyra") for i in near) and near

    inc = get_json(server, f"/api/incidents/{palmyra_incident_id()}")
    assert [c["field"] for c in inc["contradictions"]] == ["date", "sub_event_type"]
    assert {v["value"] for v in inc["contradictions"][0]["values"]} == {"2025-12-13", "2025-12-19"}
    assert len(inc["reports"]) == 2
    for r in inc["reports"]:
        ex = r["excerpt"]
        assert ex["text"][ex["start"] : ex["end"]] == r["event"]["evidence"]["text"]

    doc_id = inc["reports"][0]["event"]["doc_id"]
    doc = get_json(server, f"/api/documents/{doc_id}")
    assert doc["text"] and doc["events"]
    for e in doc["events"]:
        assert doc["text"][e["evidence"]["start"] : e["evidence"]["end"]] == e["evidence"]["text"]
        assert e["incident_id"]

    fc = get_json(server, "/api/map")
    assert fc["type"] == "FeatureCollection" and all(f["geometry"]["type"] == "Point" for f in fc["features"])
    people = get_json(server, "/api/people", name="Shaibani")["items"]
    assert people[0]["name"] == "Asaad al-Shaibani"
    found = get_json(server, "/api/search", q="suicide bomber Palmyra")
    assert any("Palmyra" in (d["title"] or "") for d in found["documents"])
    meta = get_json(server, "/api/meta")
    assert "Battles" in meta["event_types"] and meta["writable"] is False and meta["date_min"]


def test_pages_and_security_headers(server: LiveServer) -> None:
    for path in ("/", "/incident/x", "/document/x", "/search", "/people", "/api/events", "/static/app.js",
                 "/api/nothing", "/openapi.json"):
        status, headers, _ = get(server, path)
        assert status in (200, 404), path
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
        assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert headers["referrer-policy"] == "no-referrer"
        assert "server" not in headers


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict[str, str | None]] = []
        self.inline: list[str] = []
        self.handlers: list[str] = []
        self.external: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.handlers += [k for k in a if k.startswith("on")]
        for key in ("src", "href"):
            v = a.get(key) or ""
            if "//" in v and not v.startswith("data:"):
                self.external.append(v)
        if tag == "script":
            self.scripts.append(a)
            self._in_script = True

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False if tag == "script" else self._in_script

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.inline.append(data)


def test_pages_have_no_inline_scripts_handlers_or_external_resources(server: LiveServer) -> None:
    for path in ("/", "/incident/x", "/document/x", "/search", "/people"):
        status, _, body = http_request("GET", server.url + path)
        assert status == 200, path
        name = path
        html = body.decode("utf-8")
        p = _Tags()
        p.feed(html)
        assert p.scripts and all((s.get("src") or "").startswith("/static/") for s in p.scripts), name
        assert not p.inline and not p.handlers and not p.external, name
    js = (resources.files("sitrep") / "serve" / "static" / "app.js").read_text(encoding="utf-8")
    assert "innerHTML" not in js and "insertAdjacentHTML" not in js and "eval(" not in js
    assert "document.write" not in js


def test_read_only_without_token(server: LiveServer) -> None:
    body = json.dumps({"text": "Gunmen attacked a checkpoint."}).encode()
    for method in ("POST", "PUT", "PATCH", "DELETE"):
        for path in ("/api/documents", "/api/events", "/api/incidents/x", "/"):
            status, _, _ = http_request(method, server.url + path, body, {"Content-Type": "application/json"})
            assert status in (404, 405), (method, path, status)
    schema = get_json(server, "/openapi.json")
    assert all(set(ops) == {"get"} for ops in schema["paths"].values())


def test_limits_and_clear_errors(server: LiveServer) -> None:
    for params in ({"limit": "100000"}, {"limit": "0"}, {"limit": "ten"}, {"offset": "-1"},
                   {"since": "yesterday"}, {"until": "2025-02-30"}, {"near": "1,2"}, {"near": "95,0,5"},
                   {"country": "x" * 500}):
        status, headers, body = get(server, "/api/events", **params)
        assert status == 400, params
        err = json.loads(body)["error"]
        assert err["status"] == 400 and err["message"]
    assert get(server, "/api/map", limit="20000")[0] == 200
    assert get(server, "/api/map", limit="20001")[0] == 400
    assert get(server, "/api/search")[0] == 400
    status, _, body = get(server, "/api/incidents/does-not-exist")
    assert status == 404 and json.loads(body)["error"]["status"] == 404
    assert get(server, "/api/documents/..%2F..%2Fetc%2Fpasswd")[0] == 404
    status, _, _ = http_request("GET", server.url + "/api/events?text=" + "a" * 5000)
    assert status == 414
    # a declared body over 1 MiB is refused before it is read
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    conn.putrequest("POST", "/api/events")
    conn.putheader("Content-Type", "application/json")
    conn.putheader("Content-Length", str(2 << 20))
    conn.endheaders()
    resp = conn.getresponse()
    assert resp.status == 413 and json.loads(resp.read())["error"]["status"] == 413
    conn.close()


def test_injection_payloads_in_every_filter(server: LiveServer) -> None:
    before = get_json(server, "/api/events", limit="1000")["count"]
    for endpoint in ("/api/events", "/api/incidents", "/api/map"):
        for name in FILTERS:
            for payload in PAYLOADS:
                status, _, body = get(server, endpoint, **{name: payload})
                assert status < 500, (endpoint, name, payload, body[:200])
                if status == 200 and name in ("country", "admin1", "type", "actor", "source"):
                    data = json.loads(body)
                    rows = data.get("items", data.get("features"))
                    # a tautology must not match everything: a row may match only if it holds the payload
                    for row in rows:
                        assert payload.casefold() in json.dumps(row, ensure_ascii=False).casefold(), (
                            endpoint, name, payload)
    for payload in PAYLOADS:
        assert get(server, "/api/search", q=payload)[0] < 500
        assert get(server, "/api/people", name=payload)[0] < 500
        assert get(server, "/api/incidents/" + urllib.parse.quote(payload, safe=""))[0] == 404
    assert get_json(server, "/api/events", limit="1000")["count"] == before  # nothing dropped


def test_article_text_is_served_as_json_data_only(server: LiveServer) -> None:
    status, headers, body = get(server, "/api/search", q="Hostile")
    assert status == 200 and headers["content-type"].startswith("application/json")
    assert XSS_SCRIPT in json.loads(body)["documents"][0]["title"]  # kept as data, rendered as text by the UI


def test_write_endpoint_needs_the_token(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    build_store(db).close()
    with LiveServer(db, token="s3cret-token") as live:
        url = live.url + "/api/documents"
        body = json.dumps({"text": "x"}).encode()
        assert http_request("POST", url, body)[0] == 401
        assert http_request("POST", url, body, {"Authorization": "Bearer wrong"})[0] == 401
        auth = {"Authorization": "Bearer s3cret-token", "Content-Type": "application/json"}
        assert http_request("POST", url, b"not json", auth)[0] == 400
        assert http_request("POST", url, json.dumps({"text": ""}).encode(), auth)[0] == 400
        assert http_request("POST", url, json.dumps({"text": "a", "title": 5}).encode(), auth)[0] == 400
        assert json.loads(http_request("GET", live.url + "/api/meta")[2])["writable"] is True
        schema = json.loads(http_request("GET", live.url + "/openapi.json")[2])
        assert "post" in schema["paths"]["/api/documents"]
        # a real article through the normal pipeline
        article = {
            "text": "Damascus, March 3, 2025 - Gunmen attacked a checkpoint in Homs on Sunday, killing two "
            "soldiers, the ministry said.",
            "title": "Checkpoint attack",
            "source": "Test Wire",
            "published": "2025-03-03",
        }
        status, _, body = http_request("POST", url, json.dumps(article).encode(), auth)
        assert status == 201, body
        assert json.loads(body)["documents_new"] == 1, body
        found = json.loads(http_request("GET", live.url + "/api/search?q=checkpoint+Homs")[2])
        assert [d["title"] for d in found["documents"]] == ["Checkpoint attack"]


def test_serve_refuses_a_public_address_without_opt_in() -> None:
    from sitrep.errors import UsageError
    from sitrep.serve import run

    with pytest.raises(UsageError, match="allow-remote"):
        run(":memory:", host="0.0.0.0", port=1)


@pytest.mark.slow
def test_schemathesis_finds_no_server_error(server: LiveServer, tmp_path: Path) -> None:
    st = shutil.which("st", path=str(Path(sys.executable).parent))
    if st is None:
        pytest.skip("schemathesis is not installed")
    cmd = [st, "run", server.url + "/openapi.json", "--checks",
           "not_a_server_error,content_type_conformance,response_schema_conformance",
           "--max-examples", "25", "--phases", "examples,coverage,fuzzing", "--seed", "7",
           "--request-timeout", "20", "--workers", "1", "--no-color"]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]


def test_cached_answers_follow_the_database(tmp_path: Path) -> None:
    """The response cache is dropped as soon as another process writes to the database."""
    import gzip

    from sitrep.records import Event

    db = tmp_path / "live.db"
    build_store(db).close()
    with LiveServer(db) as live:
        first = json.loads(http_request("GET", live.url + "/api/events?limit=1000")[2])["count"]
        assert json.loads(http_request("GET", live.url + "/api/events?limit=1000")[2])["count"] == first
        writer = build_store(db)  # same records again: nothing new
        ev = writer.events()[0]
        writer.add_events([Event.from_dict(ev.to_dict() | {"event_id": "feedfacefeedface", "fatalities": 9})])
        writer.close()
        assert json.loads(http_request("GET", live.url + "/api/events?limit=1000")[2])["count"] == first + 1
        # large bodies are gzipped for clients that ask, and decode to the same JSON
        status, headers, body = http_request("GET", live.url + "/api/map", headers={"Accept-Encoding": "gzip"})
        plain = http_request("GET", live.url + "/api/map")[2]
        if headers.get("content-encoding") == "gzip":
            body = gzip.decompress(body)
        assert status == 200 and json.loads(body) == json.loads(plain)


# -- round 2 (issue 17): DNS rebinding, cache keys, deep bodies, the remote banner ----------------------
def _raw_get(port: int, path: str, host: str) -> tuple[int, bytes]:
    """A GET with exactly this Host header (what a rebound DNS name makes a browser send)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.putrequest("GET", path, skip_host=True)
        conn.putheader("Host", host)
        conn.endheaders()
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


def test_host_header_must_name_this_server(server: LiveServer) -> None:
    p = server.port
    for host in (f"127.0.0.1:{p}", f"localhost:{p}", f"LOCALHOST:{p}", f"[::1]:{p}", "localhost"):
        assert _raw_get(p, "/api/meta", host)[0] == 200, host
    for host in (f"evil.example:{p}", "evil.example", f"127.0.0.1.evil.example:{p}", f"[::2]:{p}"):
        status, body = _raw_get(p, "/api/events", host)
        assert status == 421, (host, status)
        assert b"Palmyra" not in body and "Host" in json.loads(body)["error"]["message"]
    assert _raw_get(p, "/", "evil.example")[0] == 421  # the pages too


def test_allowed_host_names_are_answered(tmp_path: Path) -> None:
    db = tmp_path / "hosts.db"
    build_store(db).close()
    with LiveServer(db, allowed_hosts=["sitrep.lan"]) as live:
        assert _raw_get(live.port, "/api/meta", f"sitrep.lan:{live.port}")[0] == 200
        assert _raw_get(live.port, "/api/meta", "other.lan")[0] == 421
    with LiveServer(db, allowed_hosts=["*"]) as live:
        assert _raw_get(live.port, "/api/meta", "anything.example")[0] == 200


def test_repeated_parameters_are_part_of_the_cache_key(server: LiveServer) -> None:
    """``?text=A&text=B`` answers for B (the last value); its reverse answers for A: two cache entries."""
    nothing = "qqqzzznothing"
    last_nothing = get_json(server, "/api/events?text=Palmyra&text=" + nothing)
    last_palmyra = get_json(server, "/api/events?text=" + nothing + "&text=Palmyra")
    assert last_nothing["count"] == 0
    assert last_palmyra["count"] > 0
    assert last_palmyra == get_json(server, "/api/events", text="Palmyra")


def test_a_deeply_nested_body_is_a_clean_400(tmp_path: Path) -> None:
    db = tmp_path / "deep.db"
    build_store(db).close()
    with LiveServer(db, token="s3cret-token") as live:
        auth = {"Authorization": "Bearer s3cret-token", "Content-Type": "application/json"}
        for body in (b"[" * 200_000 + b"]" * 200_000, b'{"text": ' + b"[" * 200_000 + b"]" * 200_000 + b"}"):
            status, _, answer = http_request("POST", live.url + "/api/documents", body, auth)
            assert status == 400, (status, answer[:200])
            assert "nested" in json.loads(answer)["error"]["message"]
        assert json.loads(http_request("GET", live.url + "/api/meta")[2])["stats"]["documents"] >= 1  # still up


def _serve(*args: str, wait_for: str | None) -> tuple[int | None, str]:
    """``sitrep serve ARGS`` in a real process: (exit code or None if still serving, stderr so far)."""
    import os
    import time

    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    proc = subprocess.Popen([sys.executable, "-m", "sitrep", "serve", *args], stderr=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, text=True, env=env)
    lines: list[str] = []
    try:
        if wait_for is None:
            _, err = proc.communicate(timeout=120)
            return proc.returncode, err
        deadline = time.monotonic() + 120
        assert proc.stderr is not None
        while time.monotonic() < deadline:
            line = proc.stderr.readline()
            if not line:
                break
            lines.append(line)
            if wait_for in line:
                break
        return proc.poll(), "".join(lines)
    finally:
        if proc.poll() is None:
            proc.terminate()
            proc.wait(timeout=30)


def test_remote_serve_with_a_token_warns_it_travels_in_clear(tmp_path: Path) -> None:
    import socket

    db = tmp_path / "remote.db"
    build_store(db).close()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code, err = _serve("--db", str(db), "--host", "0.0.0.0", "--port", str(port), "--allow-remote",
                       "--token", "s3cret", wait_for="plain HTTP")
    assert code is None, err  # still serving
    assert "sitrep serve: http://0.0.0.0:" in err
    assert "warning:" in err and "plain HTTP" in err and "s3cret" not in err


def test_serve_refuses_before_printing_the_banner(tmp_path: Path) -> None:
    code, err = _serve("--db", str(tmp_path / "x.db"), "--host", "0.0.0.0", "--port", "1", wait_for=None)
    assert code == 2 and "allow-remote" in err
    assert "sitrep serve: http" not in err
    code, err = _serve("--db", str(tmp_path / "missing-folder" / "x.db"), wait_for=None)
    assert code != 0 and "sitrep serve: http" not in err, err
