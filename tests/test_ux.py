"""What a new user meets, on a real demo database built by `sitrep demo` (issue #16), and stored text
that must reach a real terminal as text (a pty; issue #17, item 3)."""

from __future__ import annotations

import html
import json
import os
import re
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ("events", "incidents", "conflicts", "people", "documents", "stats")
RAW_VALUE = re.compile(r"\{'|'\w+': |geonameid|\bNone\b")  # a Python dict/None shown to people
DOC_HASH = re.compile(r"\b[0-9a-f]{16}\b")


def env(**extra: str) -> dict[str, str]:
    e = {k: v for k, v in os.environ.items() if k not in ("SITREP_DB", "SITREP_DEBUG", "COLUMNS", "LINES")}
    e["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + e.get("PYTHONPATH", "")
    return {**e, **extra}


def sitrep(*args: str, cwd: Path = ROOT, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sitrep", *args], capture_output=True, text=True, timeout=600,
                          cwd=cwd, env=env(**extra), check=False)


class Demo:
    def __init__(self, folder: Path, out: subprocess.CompletedProcess[str]) -> None:
        self.folder = folder
        self.db = str(folder / "sitrep.db")
        self.out = out

    def json(self, *args: str) -> list[dict]:  # type: ignore[type-arg]
        r = sitrep(*args, "--db", self.db, "--format", "json")
        assert r.returncode == 0, r.stderr
        return json.loads(r.stdout)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    folder = tmp_path_factory.mktemp("demo")
    out = sitrep("demo", "--db", "sitrep.db", "--brief", "brief.html", cwd=folder)
    assert out.returncode == 0, out.stderr[-2000:]
    yield Demo(folder, out)


# -- 1. no raw Python values; 2. a source label everywhere ------------------------------------------------
def test_no_raw_python_value_in_any_output(demo: Demo) -> None:
    for cmd in QUERIES:
        r = sitrep(cmd, "--db", demo.db, *(() if cmd == "stats" else ("--all",)), COLUMNS="200")
        assert r.returncode == 0, r.stderr
        assert not RAW_VALUE.search(r.stdout), (cmd, RAW_VALUE.search(r.stdout))
    md = demo.folder / "brief.md"
    assert sitrep("brief", "--db", demo.db, "--country", "SY", "-o", str(md)).returncode == 0
    for text in (html.unescape((demo.folder / "brief.html").read_text(encoding="utf-8")),
                 md.read_text(encoding="utf-8")):
        assert "{'" not in text and "geonameid" not in text
    for c in demo.json("conflicts"):
        for v in c["values"]:
            assert isinstance(v["label"], str) and not v["label"].startswith("{")


def test_every_incident_and_contradiction_has_a_source_label(demo: Demo) -> None:
    incidents = demo.json("incidents")
    assert incidents and all(i["sources"] for i in incidents), [i["incident_id"] for i in incidents if not i["sources"]]
    docs = demo.json("documents")
    assert all(d["label"] for d in docs)
    palmyra = [d for d in docs if d["origin"] and d["origin"].endswith("000_9571ce05f62b1867.txt")]
    assert palmyra and palmyra[0]["source"] is None and palmyra[0]["label"] == "000_9571ce05f62b1867.txt"
    r = sitrep("conflicts", "--db", demo.db, "--all", COLUMNS="400")
    assert "unknown source" not in r.stdout
    side = [c["side_by_side"] for c in demo.json("conflicts")]
    assert side and not any(DOC_HASH.search(s) for s in side), side
    brief = (demo.folder / "brief.html").read_text(encoding="utf-8")
    assert "reports from </p>" not in brief
    assert not re.search(r"<b>0</b>\s*sources", brief) and ">0 sources" not in brief


def test_diplomacy_incidents_have_no_fatalities(demo: Demo) -> None:
    dip = [i for i in demo.json("incidents") if i["event_type"] == "Diplomacy"]
    assert dip and all(i["fatalities"] is None and i["injured"] is None for i in dip)


# -- 4. a missing database is refused -------------------------------------------------------------------------
@pytest.mark.parametrize("cmd", [*QUERIES, "export", "brief"])
def test_query_on_a_missing_database_exits_1_and_creates_nothing(tmp_path: Path, cmd: str) -> None:
    missing = tmp_path / "typo.db"
    r = sitrep(cmd, "--db", str(missing), cwd=tmp_path)
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert r.stderr.strip().count("\n") == 0 and "no database at" in r.stderr and "Traceback" not in r.stderr
    assert list(tmp_path.iterdir()) == [], "a query must not create a database (or a brief)"


def test_stats_in_an_empty_folder_leaves_nothing_behind(tmp_path: Path) -> None:
    r = sitrep("stats", cwd=tmp_path)
    assert r.returncode == 1 and "sitrep.db" in r.stderr
    assert not (tmp_path / "sitrep.db").exists()


def test_unknown_country_is_named(demo: Demo) -> None:
    r = sitrep("events", "--db", demo.db, "--country", "Narnia")
    assert r.returncode == 2 and "'Narnia' matches no country" in r.stderr
    assert sitrep("events", "--db", demo.db, "--country", "Syria", "--limit", "1").returncode == 0


# -- 5. the demo's commands work as printed ---------------------------------------------------------------
def test_demo_prints_commands_that_run_as_printed(demo: Demo) -> None:
    line = next(x for x in demo.out.stdout.splitlines() if x.startswith("Try:"))
    cmd = line.removeprefix("Try:").strip()
    # a shell whose PATH lacks the virtualenv, as after `make demo`
    path = os.pathsep.join(p for p in os.environ["PATH"].split(os.pathsep) if Path(sys.executable).parent != Path(p))
    r = subprocess.run(["bash", "-c", cmd], capture_output=True, text=True, cwd=demo.folder, timeout=300,
                       env=env(PATH=path), check=False)
    assert r.returncode == 0, (cmd, r.stderr)
    assert "Tadmur" in r.stdout
    assert "README" not in cmd and shlex.split(cmd)[1] == "conflicts"


def test_readme_says_how_to_put_sitrep_on_path() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "source .venv/bin/activate" in readme and "pipx install" in readme


# -- 6. terminal output --------------------------------------------------------------------------------------
@pytest.mark.parametrize("columns", [80, 100, 160])
def test_tables_fit_the_terminal_and_are_limited(demo: Demo, columns: int) -> None:
    for cmd in ("events", "incidents", "conflicts", "people", "documents"):
        r = sitrep(cmd, "--db", demo.db, COLUMNS=str(columns))
        assert r.returncode == 0, r.stderr
        lines = r.stdout.splitlines()
        assert max(len(x) for x in lines) <= columns, (cmd, max(lines, key=len))
        assert len(lines) <= 50 + 4, cmd  # one line a row, 50 rows by default
        if cmd == "events":
            assert "Explosions/Remo te" not in r.stdout and "…" in r.stdout
            assert re.search(r"50 of \d+ rows shown; \d+ more — use --limit N or --all", r.stderr), r.stderr
    every = sitrep("events", "--db", demo.db, "--all", COLUMNS="100")
    assert len(every.stdout.splitlines()) > 54 and "more —" not in every.stderr


def test_cells_are_cut_at_a_word() -> None:
    from sitrep.cli.options import fit_widths, shorten

    assert shorten("The diplomatic exchange followed a Saturday ambush", 30) == "The diplomatic exchange…"
    assert shorten("short", 30) == "short"
    assert len(shorten("x" * 50, 20)) == 20
    widths = fit_widths([16, 10, 40, 80], 100)
    assert widths[:2] == [16, 10] and sum(widths) + 3 * 4 + 1 <= 100


def test_json_notes_are_not_repeated(demo: Demo) -> None:
    events = demo.json("events")
    assert all(len(e["notes"]) == len(set(e["notes"])) for e in events)


def test_help_is_not_cut_mid_phrase() -> None:
    r = sitrep("--help", COLUMNS="100")
    assert r.returncode == 0
    commands = r.stdout.split("Commands:", 1)[1]
    cut = [x for x in commands.splitlines() if x.rstrip().endswith(("...", "…"))]
    assert not cut, cut


def demo_text(demo: Demo) -> str:
    if not hasattr(demo, "text"):
        demo.text = "\n".join(d["text"] for d in demo.json("documents"))  # type: ignore[attr-defined]
    return demo.text  # type: ignore[attr-defined,no-any-return]


# -- 3. the people table ----------------------------------------------------------------------------------------
def test_people_list_of_the_demo_corpus_is_clean(demo: Demo) -> None:
    """Over the whole `sitrep people` list: no possessive, headline word, organisation or person twice."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from sitrep.resolve.people import lexicon, name_key

    lx = lexicon()
    people = demo.json("people")
    assert len(people) >= 40
    names = [p["name"] for p in people]
    every = {n for p in people for n in (p["name"], *p.get("aliases", []))}
    for n in names:
        words = n.split()
        assert len(words) >= 2 or re.fullmatch(r"[A-Z]\w+ [IVX]+", n), n
        # a possessive that lost its apostrophe: the same name without the final "s" is listed too
        assert not (n.endswith("s") and n[:-1] in every), n
        assert not (n.endswith("s") and demo_text(demo).count(n[:-1] + " ") > demo_text(demo).count(n + " ")), n
        # headline words and organisations
        for w in words[:-1]:
            assert w.casefold() not in STOP_WORDS or w.casefold() in lx.particles, f"headline words: {n}"
        assert all(w[0].isupper() or w.casefold().rstrip("-") in lx.particles or w.startswith(("al-", "el-"))
                   for w in words), n
        assert not any(w.casefold() in lx.not_name_words for w in words), f"organisation: {n}"
        assert words[0] not in lx.country_forms, f"a country word, not a name: {n}"
    # one person once: no two rows for one name, nor for two forms of one name (one ends the other, or a slip)
    assert len({name_key(n) for n in names}) == len(names), sorted(names)
    keys = [name_key(n).split() for n in names]
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            short, long_ = sorted((a, b), key=len)
            assert long_[len(long_) - len(short) :] != short, (a, b)
            assert not (len(a) == len(b) and a[-1] == b[-1] and a[0][:5] == b[0][:5]), (a, b)
    for n in ("Bashar al-Assad", "Barack Obama", "Ban Ki-moon", "Recep Tayyip Erdogan", "Staffan de Mistura",
              "Boris Johnson", "Theresa May"):
        assert names.count(n) == 1, n
    rudskoi = [p for p in people if p["name"] == "Sergei Rudskoi"]
    assert rudskoi and rudskoi[0].get("country") in (None, "RU")


# -- #17 item 3: stored text reaches a real terminal as text ------------------------------------------------
HOSTILE_SOURCE = "[/bad] [link=https://evil.example]Reuters[/link] \x1b[2J\x1b]8;;https://evil.example\x07x\x00"


def in_pty(*args: str) -> tuple[int, bytes]:
    """Run sitrep on a pseudo-terminal (so Rich believes it talks to a real one) and return what it wrote."""
    import pty
    import select

    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "sitrep", *args], stdin=slave, stdout=slave, stderr=slave,
                            env=env(TERM="xterm-256color", COLUMNS="200"), cwd=ROOT)
    os.close(slave)
    out = b""
    while True:
        ready, _, _ = select.select([master], [], [], 120)
        if not ready:
            proc.kill()
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    return proc.wait(timeout=60), out


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("hostile")
    rows = [
        {"id": "a", "source": HOSTILE_SOURCE, "title": "[bold]Headline[/bold] \x1b[31mred",
         "published": "2024-03-05", "text": "Azaz, 3 March 2024 - A car bomb exploded in the market of Azaz "
         "on Sunday, killing 5 people, [/bad] local sources said."},
        {"id": "b", "source": "[link=https://evil.example]Reuters[/link]", "published": "2024-03-05",
         "text": "Azaz, 3 March 2024 - A car bomb exploded in the market of Azaz on Sunday, killing 9 people and "
         "wounding 20, medics said."},
    ]
    src = folder / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = str(folder / "sitrep.db")
    r = sitrep("ingest", str(src), "--db", db, "-q")
    assert r.returncode == 0, r.stderr
    return db


@pytest.mark.parametrize("cmd", ["events", "incidents", "conflicts", "documents", "people"])
def test_stored_text_is_printed_as_text_on_a_terminal(hostile_db: str, cmd: str) -> None:
    rc, out = in_pty(cmd, "--db", hostile_db)
    text = out.decode("utf-8", "replace")
    assert rc == 0, text[-2000:]
    assert "MarkupError" not in text and "Traceback" not in text
    assert b"\x1b]8;" not in out, "a hidden terminal hyperlink"
    assert b"\x1b[2J" not in out and b"\x00" not in out and b"\x1b[31m" not in out
    if cmd in ("events", "incidents", "documents"):
        assert "[link=" in text or "[/bad]" in text, text[-2000:]  # shown as the characters they are


# -- 7. the brief's drawings ---------------------------------------------------------------------------------
def _svg_texts(svg: str) -> list[dict[str, str]]:
    """Every <text> of an SVG: its attributes and, under "text", its content."""
    return [dict(re.findall(r'([\w-]+)="([^"]*)"', attrs), text=html.unescape(body))
            for attrs, body in re.findall(r"<text ([^>]*)>([^<]*)</text>", svg)]


def test_brief_map_province_labels_do_not_collide_or_hide_under_dots(demo: Demo) -> None:
    from sitrep.brief_svg import _label_box, map_svg
    from sitrep.store import open_store
    from sitrep.store.base import Query

    store = open_store(demo.db, create=False)
    try:
        svg = map_svg(store.incidents(Query(country="SY")), "SY")
    finally:
        store.close()
    width = float(re.search(r'<svg[^>]* width="(\d+)"', svg).group(1))  # type: ignore[union-attr]
    assert width <= 600, "the map leaves room beside it"
    labels = [(float(t["x"]), float(t["y"]), t["text"]) for t in _svg_texts(svg) if t.get("class") == "province"]
    assert len(labels) >= 8, labels  # most provinces are named
    boxes = [_label_box(x, y, t) for x, y, t in labels]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)
    dots = [(float(x), float(y)) for x, y in re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)"', svg)]
    for (x0, y0, x1, y1), (_, _, t) in zip(boxes, labels, strict=True):
        assert not any(x0 < x < x1 and y0 < y < y1 for x, y in dots), f"{t} hides a dot's centre"
    # the names are drawn after the dots, so a dot never covers a name
    assert svg.rfind("<circle") < svg.find('class="province"')


def test_brief_timeline_last_label_is_not_cut(demo: Demo) -> None:
    from sitrep.brief_svg import timeline_svg
    from sitrep.store import open_store

    store = open_store(demo.db, create=False)
    try:
        svg = timeline_svg([e for e in store.events() if e.location and e.location.country == "SY"])
    finally:
        store.close()
    width = float(re.search(r'<svg[^>]* width="(\d+)"', svg).group(1))  # type: ignore[union-attr]
    ticks = [t for t in _svg_texts(svg) if re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", t["text"])]
    assert len(ticks) >= 3
    for t in ticks:
        x, anchor, text = float(t["x"]), t.get("text-anchor", "start"), t["text"]
        half = 0.6 * 10 * len(text)
        right = x if anchor == "end" else x + half if anchor == "start" else x + half / 2
        left = x - half if anchor == "end" else x if anchor == "start" else x - half / 2
        assert left >= 0 and right <= width, (text, x, anchor)
