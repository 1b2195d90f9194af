"""Engines: the same stage gives the same results, in the same order, on every engine.

Real worker processes and a real Dask cluster on loopback; the inputs are the seed articles
(skipped without ../shared) and sentences written for these tests.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitrep.engines import (
    AUTO_MIN_ITEMS,
    DEFAULT_WARMUP,
    Engine,
    LocalEngine,
    chunked,
    default_workers,
    get_engine,
    ordered_window,
    resolve_engine_name,
    warm_worker,
)
from sitrep.records import Document, content_id

SENTENCES = [
    "Two US service members and one American civilian were killed on Saturday in the Palmyra desert.",
    "A suicide bomber blew himself up near a joint patrol outside Palmyra on December 19.",
    "A drone strike hit a vehicle on the outskirts of Deir ez-Zor on Tuesday, killing two fighters.",
    "Hundreds of demonstrators gathered in Tahrir Square in Baghdad on Friday.",
    "Turkish artillery shelled villages near Manbij overnight, the SDF said.",
    "Syrian Foreign Minister Asaad al-Shaibani met his Jordanian counterpart in Amman.",
    "Clashes between HTS and the SNA left five dead in Afrin countryside.",
    "An IED exploded under a PMF vehicle near Tuz Khurmatu, wounding three.",
]

_WARM: dict[str, int] = {}


# -- module-level stages (workers import them by reference) ------------------------------------
def profile(text: str) -> tuple[str, int, tuple[str, ...]]:
    """A pure stage: content id, word count and the capitalised words of a text."""
    words = re.findall(r"[^\W_]+", text)
    return content_id(text), len(words), tuple(sorted({w for w in words if w[0].isupper()}))


def slow_when_first(item: tuple[int, str]) -> tuple[int, str]:
    """Early items finish last, so a worker that returns first must not reorder the output."""
    n, text = item
    time.sleep(0.02 if n < 4 else 0.0)
    return n, content_id(text)


def fail_on_drone(text: str) -> str:
    if "drone" in text:
        raise ValueError(f"cannot handle: {text[:20]}")
    return text.upper()


def mark_warm() -> None:
    _WARM["pid"] = os.getpid()


def warm_pid(_: object) -> int | None:
    return _WARM.get("pid")


# -- fixtures ------------------------------------------------------------------------------------
@pytest.fixture(scope="module", params=["local", "processes", "dask"])
def engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    """Each engine with 2 workers, started once for the module (warm-up: mark_warm)."""
    if request.param == "dask":
        pytest.importorskip("distributed", reason="dask[distributed] is not installed")
    eng = get_engine(request.param, workers=2, warmup=f"{__name__}:mark_warm")
    try:
        yield eng
    finally:
        eng.close()


def _seed_texts() -> list[str]:
    seeds = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"
    if not seeds.is_dir():
        return []
    return [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]


# -- results are identical on every engine -------------------------------------------------------
def test_same_results_as_in_process(engine: Engine) -> None:
    texts = SENTENCES * 5 + _seed_texts()
    expected = [profile(t) for t in texts]
    for chunksize in (1, 3, 16):
        assert list(engine.map(profile, texts, chunksize=chunksize)) == expected


def test_order_kept_when_workers_finish_out_of_order(engine: Engine) -> None:
    items = list(enumerate(SENTENCES * 2))
    assert list(engine.map(slow_when_first, items, chunksize=1)) == [slow_when_first(i) for i in items]


def test_lazy_and_empty_inputs(engine: Engine) -> None:
    assert list(engine.map(profile, [])) == []
    gen = (s for s in SENTENCES)  # a generator is consumed once, lazily
    assert list(engine.map(profile, gen, chunksize=2)) == [profile(s) for s in SENTENCES]


def test_stage_errors_reach_the_caller(engine: Engine) -> None:
    with pytest.raises(ValueError, match="cannot handle"):
        list(engine.map(fail_on_drone, SENTENCES, chunksize=2))
    # the engine is still usable afterwards
    assert list(engine.map(fail_on_drone, SENTENCES[:2])) == [s.upper() for s in SENTENCES[:2]]


def test_every_worker_ran_the_warm_up(engine: Engine) -> None:
    pids = set(engine.map(warm_pid, range(40), chunksize=1))
    if isinstance(engine, LocalEngine):
        assert pids == {None}  # in-process: nothing to warm up
    else:
        assert None not in pids and os.getpid() not in pids


def test_extract_stage_identical_on_every_engine(engine: Engine) -> None:
    """The real extract stage on the seed articles: same events, byte for byte, on every engine."""
    pytest.importorskip("sitrep.extract", reason="extraction is not available")
    from sitrep import extract

    if not hasattr(extract, "extract_document"):
        pytest.skip("sitrep.extract.extract_document is not available yet")
    from sitrep.pipeline import stage_extract

    texts = _seed_texts()
    if not texts:
        pytest.skip("../shared (seed corpus) is not present")
    docs = [Document.create(t, source=f"seed-{i}", published="2025-12-15", published_precision="day")
            for i, t in enumerate(texts)]
    local = [stage_extract(d) for d in docs]
    assert all(r.error is None for r in local), [r.error for r in local]
    assert sum(len(r.events) for r in local) > 0
    assert list(engine.map(stage_extract, docs, chunksize=1)) == local


# -- the Dask engine joins an existing scheduler -------------------------------------------------
def test_dask_joins_a_running_scheduler() -> None:
    distributed = pytest.importorskip("distributed", reason="dask[distributed] is not installed")
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address="127.0.0.1:0"
    )
    try:
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        with get_engine("dask", scheduler=cluster.scheduler_address, warmup=None) as eng:
            assert eng.workers == 2
            assert list(eng.map(profile, SENTENCES, chunksize=3)) == [profile(s) for s in SENTENCES]
    finally:
        cluster.close()


# -- building engines and the helpers ------------------------------------------------------------
def test_get_engine_rejects_bad_options() -> None:
    with pytest.raises(ValueError, match="unknown engine"):
        get_engine("ray")
    with pytest.raises(ValueError, match="scheduler"):
        get_engine("processes", scheduler="tcp://127.0.0.1:8786")
    with pytest.raises(ValueError, match="workers"):
        get_engine("processes", workers=0)
    with get_engine("local") as eng:
        assert eng.name == "local" and eng.workers == 1


# -- auto: a process pool for big jobs on two or more cores, else in-process ----------------------
@pytest.mark.parametrize(
    ("name", "n_items", "workers", "cores", "expected"),
    [
        ("auto", AUTO_MIN_ITEMS, None, 2, "processes"),
        ("auto", 804, None, 16, "processes"),
        ("auto", 804, 2, 2, "processes"),
        ("auto", AUTO_MIN_ITEMS - 1, None, 2, "local"),  # too small to repay the workers' start-up
        ("auto", 0, None, 2, "local"),
        ("auto", None, None, 16, "local"),  # size unknown (a feed, a folder)
        ("auto", 10_000, None, 1, "local"),  # one usable core
        ("auto", 10_000, 1, 4, "local"),  # one worker asked for
        ("local", 10_000, None, 16, "local"),  # an explicit engine always wins
        ("processes", 1, None, 1, "processes"),
        ("dask", None, None, 1, "dask"),
    ],
)
def test_resolve_engine_name(name: str, n_items: int | None, workers: int | None, cores: int, expected: str) -> None:
    assert resolve_engine_name(name, n_items, workers=workers, cores=cores) == expected


def test_auto_engine_uses_the_usable_cores() -> None:
    many = 10 * AUTO_MIN_ITEMS
    expected = "processes" if default_workers() >= 2 else "local"
    assert resolve_engine_name("auto", many) == expected
    with get_engine("auto", n_items=many, warmup=None) as eng:  # the pool starts on first use only
        assert eng.name == expected
        assert eng.workers == (default_workers() if expected == "processes" else 1)
    with get_engine("auto", n_items=AUTO_MIN_ITEMS - 1) as eng:
        assert isinstance(eng, LocalEngine)
    with get_engine("auto") as eng:
        assert isinstance(eng, LocalEngine)
    with get_engine("auto", n_items=many, workers=1) as eng:
        assert isinstance(eng, LocalEngine)
    with pytest.raises(ValueError, match="scheduler"):
        get_engine("auto", scheduler="tcp://127.0.0.1:8786")


def test_chunked_and_ordered_window() -> None:
    assert list(chunked(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(chunked([], 3)) == []
    with pytest.raises(ValueError):
        list(chunked([1], 0))
    submitted: list[list[int]] = []

    def submit(chunk: list[int]) -> list[int]:
        submitted.append(chunk)
        return [x * 10 for x in chunk]

    out = ordered_window(submit, lambda r: r, chunked(range(10), 2), in_flight=2)
    assert next(out) == 0
    assert len(submitted) == 2  # no more than the window is submitted ahead
    assert list(out) == [x * 10 for x in range(1, 10)]


def test_warm_worker_tolerates_missing_modules() -> None:
    warm_worker(None)
    warm_worker("sitrep.no_such_module:load")
    warm_worker(f"{__name__}:mark_warm")
    assert _WARM["pid"] == os.getpid()
    assert DEFAULT_WARMUP.startswith("sitrep.extract.nlp:")


# -- end to end: sitrep ingest on the dask engine == in-process ---------------------------------
def _sitrep(*args: str, env: dict[str, str]) -> str:
    import subprocess
    import sys

    got = subprocess.run([sys.executable, "-m", "sitrep", *args], capture_output=True, text=True, env=env,
                         timeout=600, check=False)
    assert got.returncode == 0, got.stderr[-2000:]
    return got.stdout


def test_ingest_on_dask_exports_the_same_bytes_as_in_process(tmp_path: Path) -> None:
    """``sitrep ingest --engine dask`` of the bundled seed articles: sorted JSONL exports are byte-identical."""
    pytest.importorskip("distributed", reason="dask[distributed] is not installed")
    from sitrep.ingest import sample_corpus_paths

    sample_root = Path(sample_corpus_paths()[-1]).parent  # the bundled sample corpus folder
    seeds = sorted(str(p) for p in sample_root.rglob("00[0-9]_*.txt"))
    assert len(seeds) == 4
    (tmp_path / "empty.toml").write_text("", encoding="utf-8")
    env = {**os.environ, "SITREP_CONFIG": str(tmp_path / "empty.toml")}
    exports = []
    for engine in ("local", "dask"):
        db = str(tmp_path / f"{engine}.db")
        _sitrep("ingest", *seeds, "--db", db, "--engine", engine, "--workers", "2", "--quiet", env=env)
        lines = []
        for what in ("events", "incidents"):
            out = _sitrep("export", "--db", db, "--format", "jsonl", "--what", what, env=env)
            lines.append(sorted(out.splitlines()))
        exports.append(lines)
    assert exports[0][0], "the seeds yield events"
    assert exports[0] == exports[1]
