"""Time-bounded fuzzing of every ingest parser; prints executions and unhandled exceptions per parser.

Usage::

    .venv/bin/python benchmarks/fuzz_ingest.py                    # every target, 60 s each
    .venv/bin/python benchmarks/fuzz_ingest.py --seconds 20 --targets csv,feed
    .venv/bin/python benchmarks/fuzz_ingest.py --engine random    # without atheris
    .venv/bin/python benchmarks/fuzz_ingest.py --json fuzz.json   # also write the summary as JSON

Targets (each is what ``sitrep ingest`` runs on untrusted bytes):

- ``decode``: bytes -> text (BOMs, binary sniffing, encoding detection); ``NotText`` is the expected refusal.
- ``text``: a plain-text file through the reader and ``sitrep.documents.prepare`` (cleaning, splitting, dating).
- ``html``: an HTML file through the reader and ``prepare`` (trafilatura extraction).
- ``csv``, ``jsonl``: the row readers (column auto-detection, truncated rows, bad lines).
- ``feed``: RSS/Atom through defusedxml (entity declarations must be refused, never expanded).
- ``telegram``: Telegram Desktop exports, both as raw bytes and as structure-aware JSON built from the input.

Engine: atheris (coverage-guided libFuzzer, ``pip install atheris``) when it imports, else a
stdlib mutation fuzzer over the same seed corpus. Each target runs in its own child process for
``--seconds``; an exception escaping a parser is recorded (type, innermost sitrep frame, the
input saved under ``--artifacts``) and fuzzing goes on, so one run lists every distinct crash.
A single input that takes longer than ``--slow`` seconds is recorded as a hang candidate.
This is a script, not part of the test suite.
"""

from __future__ import annotations

import argparse
import codecs
import hashlib
import io
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

TARGETS = ("decode", "text", "html", "csv", "jsonl", "feed", "telegram")
Fn = Callable[[bytes], None]

# -- seed corpus: small, realistic inputs of each format ---------------------------------------------
ARTICLE = (
    "DAMASCUS, March 3, 2018 – Government forces shelled the town of Douma in Eastern Ghouta on Saturday, "
    "killing at least 12 civilians and wounding dozens, the Syrian Observatory for Human Rights said.\n\n"
    "Three days later, clashes between the SDF and Islamic State fighters near Hajin left 7 dead."
)
ARABIC = "قصف مدفعي على مدينة دوما أسفر عن مقتل خمسة مدنيين يوم السبت 3 آذار 2018."


def seeds(target: str) -> list[bytes]:
    """The starting corpus of a target."""
    if target == "decode":
        return [ARTICLE.encode(), ARABIC.encode("cp1256"), "Déjà à Alep, été".encode("latin-1"),
                codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"), b"%PDF-1.4\n", b"\x00\x01binary"]
    if target == "text":
        return [ARTICLE.encode(), (ARTICLE + "\nTT\n20\nPlease enter your comment!\n" + ARTICLE[::-1]).encode(),
                ARABIC.encode("cp1256")]
    if target == "html":
        page = (f"<html><head><title>Douma shelling</title><meta name='date' content='2018-03-03'></head>"
                f"<body><article><h1>Douma</h1><p>{ARTICLE}</p><p>Photo: AFP</p></article>"
                "<script>alert(1)</script><img src=x onerror=alert(1)></body></html>")
        return [page.encode(), page.encode()[:120], b"<p>Shelling &amp; clashes &#x41; &bogus; <b>bold"]
    if target == "csv":
        rows = 'id,title,article_content,date,source\n1,Douma,"' + ARTICLE.replace('"', '""') + '",3/3/2018,SANA\n'
        return [rows.encode(), b"text;published\nClashes in Hama killed 2;2018-01-01\n", rows.encode()[:90]]
    if target == "jsonl":
        line = json.dumps({"id": "a", "text": ARTICLE, "published": "2018-03-03", "source": "AFP"})
        return [(line + "\n" + line.replace('"a"', '"b"') + "\n").encode(), b'{"body": "x", "date": 0}\n[1,2]\n{"te']
    if target == "feed":
        rss = ("<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title><item><title>Douma</title>"
               f"<link>https://example.org/a</link><pubDate>Sat, 03 Mar 2018 10:00:00 GMT</pubDate>"
               f"<description><![CDATA[<p>{ARTICLE}</p>]]></description><guid>a1</guid></item></channel></rss>")
        atom = ("<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>A</title><entry>"
                f"<title>x</title><id>u1</id><updated>2018-03-03T00:00:00Z</updated><content type='xhtml'>"
                f"<div xmlns='http://www.w3.org/1999/xhtml'>{ARTICLE}</div></content></entry></feed>")
        laughs = ('<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
                  "<rss><channel><item><description>&b;</description></item></channel></rss>")
        return [rss.encode(), atom.encode(), laughs.encode()]
    if target == "telegram":
        export = {"name": "Deir ez-Zor 24", "type": "public_channel", "id": 1, "messages": [
            {"id": 1, "type": "message", "date": "2018-03-03T10:00:00", "text": ARTICLE},
            {"id": 2, "type": "message", "date": "2018-03-04T10:00:00",
             "text": ["Clashes in ", {"type": "bold", "text": "Hajin"}, " killed 7"]},
            {"id": 3, "type": "service", "action": "pin_message"},
            {"id": 4, "type": "message", "photo": "photos/1.jpg", "text": ""},
        ]}
        return [json.dumps(export, ensure_ascii=False).encode(), b'{"messages": [{"id": 1}, 5, null]}']
    raise ValueError(target)


# -- targets ------------------------------------------------------------------------------------------
class Skip(Exception):
    """The target cannot run in this build (a module it needs is missing)."""


def build_target(target: str) -> tuple[Fn, tuple[type[BaseException], ...]]:
    """The function to call on each input, and the exceptions that are its documented refusals."""
    from sitrep.ingest import Limits, RawArticle
    from sitrep.ingest.decode import NotText, decode
    from sitrep.ingest.readers import read_csv, read_feed, read_json, read_jsonl, read_text, telegram_messages

    limits = Limits(max_file_bytes=200_000, max_parsed_bytes=400_000, max_article_chars=100_000)

    def drain(it: Any) -> list[Any]:
        return list(it)

    def prepare_fn() -> Callable[[Any], Any]:
        try:
            from sitrep.documents import prepare
        except ImportError as exc:
            raise Skip(f"sitrep.documents is not available ({exc})") from exc
        return prepare

    if target == "decode":
        return (lambda data: None if decode(data) is None else None), (NotText,)
    if target in ("text", "html"):
        prepare = prepare_fn()
        is_html = target == "html"

        def run_text(data: bytes) -> None:
            for item in read_text(io.BytesIO(data), "fuzz", limits, is_html=is_html):
                if isinstance(item, RawArticle):
                    drain(prepare(item))

        return run_text, ()
    if target == "csv":
        return (lambda data: None if drain(read_csv(io.BytesIO(data), "fuzz", limits)) is None else None), ()
    if target == "jsonl":
        return (lambda data: None if drain(read_jsonl(io.BytesIO(data), "fuzz", limits)) is None else None), ()
    if target == "feed":
        return (lambda data: None if drain(read_feed(io.BytesIO(data), "fuzz", limits)) is None else None), ()
    if target == "telegram":

        def run_telegram(data: bytes) -> None:
            drain(read_json(io.BytesIO(data), "fuzz", limits))
            drain(telegram_messages(structured_export(data), "fuzz", limits))

        return run_telegram, ()
    raise ValueError(target)


def structured_export(data: bytes) -> dict[str, Any]:
    """A Telegram-export-shaped object derived deterministically from ``data`` (structure-aware fuzzing)."""
    rng = random.Random(data)
    pool: list[Any] = [None, True, 0, -1, 2**70, 1.5, "", " ", "2018-03-03T10:00:00", "0000-01-01T00:00:00",
                       "9999-12-31T23:59:59", "32/13/2020", ARTICLE[:80], "x" * rng.randint(0, 300), [], {}]
    text_parts: list[Any] = [data[:200].decode("utf-8", "replace"), {"type": "bold", "text": "Hajin"},
                             {"type": "link"}, {"text": 5}, None, 7, ["nested"]]

    def value(depth: int = 0) -> Any:
        r = rng.random()
        if depth < 2 and r < 0.1:
            return [value(depth + 1) for _ in range(rng.randint(0, 3))]
        if depth < 2 and r < 0.2:
            return {rng.choice(["text", "type", "id", "date"]): value(depth + 1) for _ in range(rng.randint(0, 3))}
        return rng.choice(pool)

    messages: list[Any] = []
    for _ in range(rng.randint(0, 6)):
        if rng.random() < 0.1:
            messages.append(value())
            continue
        msg: dict[str, Any] = {}
        for key in ("id", "type", "date", "text", "text_entities", "from", "forwarded_from", "views", "photo"):
            if rng.random() < 0.6:
                if key in ("text", "text_entities") and rng.random() < 0.7:
                    msg[key] = rng.choice([text_parts[0], [rng.choice(text_parts) for _ in range(rng.randint(0, 4))]])
                elif key == "type":
                    msg[key] = rng.choice(["message", "service", None, 3])
                else:
                    msg[key] = value()
        messages.append(msg)
    export: dict[str, Any] = {"messages": messages}
    if rng.random() < 0.8:
        export["name"] = value()
    if rng.random() < 0.5:
        export["username"] = value()
    return export


# -- the child: fuzz one target, record findings -------------------------------------------------------
class Recorder:
    """Calls the target on each input; records each distinct unexpected exception once, and slow inputs."""

    def __init__(self, target: str, fn: Fn, allowed: tuple[type[BaseException], ...], artifacts: Path,
                 findings: Path, slow: float) -> None:
        self.target, self.fn, self.allowed = target, fn, allowed
        self.artifacts, self.findings, self.slow = artifacts, findings, slow
        self.seen: set[str] = set()
        self.execs = 0
        self.slowest = 0.0
        self._flushed = time.monotonic()

    def __call__(self, data: bytes) -> None:
        self.execs += 1
        t0 = time.perf_counter()
        try:
            self.fn(data)
        except self.allowed:
            pass
        except RecursionError as exc:
            self._record(data, exc)
        except Exception as exc:
            self._record(data, exc)
        took = time.perf_counter() - t0
        self.slowest = max(self.slowest, took)
        if took > self.slow:
            self._write({"kind": "slow", "seconds": round(took, 2), "input": self._save(data, "slow")},
                        key=f"slow-{len(data) // 10000}")
        if time.monotonic() - self._flushed > 2.0:  # libFuzzer may exit without running atexit handlers
            self.stats()

    def _record(self, data: bytes, exc: BaseException) -> None:
        frames = traceback.extract_tb(exc.__traceback__)
        ours = [f for f in frames if "/sitrep/" in f.filename] or frames
        where = f"{Path(ours[-1].filename).name}:{ours[-1].lineno} in {ours[-1].name}" if ours else "?"
        key = f"{type(exc).__name__}@{where}"
        if key in self.seen:
            return
        self._write({"kind": "exception", "exception": type(exc).__name__, "message": str(exc)[:300],
                     "where": where, "input": self._save(data, "crash"),
                     "traceback": "".join(traceback.format_exception(exc))[-3000:]}, key=key)

    def _save(self, data: bytes, kind: str) -> str:
        self.artifacts.mkdir(parents=True, exist_ok=True)
        path = self.artifacts / f"{self.target}-{kind}-{hashlib.sha1(data).hexdigest()[:12]}"
        path.write_bytes(data)
        return str(path)

    def _write(self, rec: dict[str, Any], key: str) -> None:
        if key in self.seen:
            return
        self.seen.add(key)
        with self.findings.open("a", encoding="utf-8") as f:
            f.write(json.dumps({"target": self.target, **rec}) + "\n")

    def stats(self) -> None:
        self._flushed = time.monotonic()
        with self.findings.open("a", encoding="utf-8") as f:
            f.write(json.dumps({"target": self.target, "kind": "stats", "execs": self.execs,
                                "slowest_s": round(self.slowest, 3)}) + "\n")


def mutate(rng: random.Random, data: bytes, corpus: list[bytes]) -> bytes:
    """One random edit (stdlib fallback engine): flip, insert, delete, duplicate, splice, magic token."""
    buf = bytearray(data)
    magic = [b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"<", b">", b"&", b";", b'"', b",", b"\n", b"\r", b"{", b"}",
             b"[", b"]", b"<!ENTITY a 'x'>", b"<!DOCTYPE r [", b"]]>", b"<![CDATA[", b"\\u0000", b"\xc3", b"\xd9\x85",
             b"99999999999999999999", b"-1", b"null", b"9999-12-31", b"0000-00-00", b"32/13/2020"]
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(6)
        pos = rng.randint(0, len(buf))
        if op == 0 and buf:
            buf[min(pos, len(buf) - 1)] ^= 1 << rng.randrange(8)
        elif op == 1:
            buf[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif op == 2 and buf:
            del buf[pos : pos + rng.randint(1, 64)]
        elif op == 3 and buf:
            chunk = buf[pos : pos + rng.randint(1, 256)]
            buf[pos:pos] = chunk * rng.randint(1, 8)
        elif op == 4:
            other = rng.choice(corpus)
            cut = rng.randint(0, len(other))
            buf = buf[:pos] + other[cut:]
        else:
            buf[pos:pos] = rng.choice(magic)
    return bytes(buf[:300_000])


def child(target: str, seconds: float, engine: str, artifacts: Path, findings: Path, slow: float) -> int:
    if engine == "atheris":
        import atheris

        with atheris.instrument_imports(include=["sitrep"]):
            try:
                fn, allowed = build_target(target)
            except Skip as exc:
                findings.open("a").write(json.dumps({"target": target, "kind": "skip", "why": str(exc)}) + "\n")
                return 0
    else:
        try:
            fn, allowed = build_target(target)
        except Skip as exc:
            findings.open("a").write(json.dumps({"target": target, "kind": "skip", "why": str(exc)}) + "\n")
            return 0
    rec = Recorder(target, fn, allowed, artifacts, findings, slow)
    corpus = seeds(target)
    if engine == "atheris":
        import atexit

        import atheris

        atexit.register(rec.stats)
        seed_dir = Path(tempfile.mkdtemp(prefix=f"fuzz-{target}-"))
        for i, s in enumerate(corpus):
            (seed_dir / f"seed{i}").write_bytes(s)
        args = [sys.argv[0], f"-max_total_time={int(seconds)}", "-timeout=60", "-rss_limit_mb=3072",
                "-max_len=65536", "-print_final_stats=1", str(seed_dir)]
        atheris.Setup(args, rec)
        atheris.Fuzz()  # exits the process when the time is up
        return 0
    rng = random.Random(int(os.environ.get("FUZZ_SEED", "1")))
    for s in corpus:
        rec(s)
    pool = list(corpus)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        data = mutate(rng, rng.choice(pool), corpus)
        rec(data)
        if rng.random() < 0.02 and len(pool) < 500:
            pool.append(data)
    rec.stats()
    return 0


# -- the parent: one child per target, then the summary --------------------------------------------------
def run_target(target: str, seconds: float, engine: str, artifacts: Path, slow: float) -> dict[str, Any]:
    findings = Path(tempfile.mkstemp(prefix=f"fuzz-{target}-", suffix=".jsonl")[1])
    cmd = [sys.executable, __file__, "--child", target, "--seconds", str(seconds), "--engine", engine,
           "--artifacts", str(artifacts), "--findings", str(findings), "--slow", str(slow)]
    t0 = time.monotonic()
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds * 3 + 300)
    took = time.monotonic() - t0
    recs = [json.loads(line) for line in findings.read_text().splitlines() if line.strip()]
    findings.unlink(missing_ok=True)
    out: dict[str, Any] = {"target": target, "engine": engine, "seconds": round(took, 1), "rc": proc.returncode}
    skip = next((r for r in recs if r["kind"] == "skip"), None)
    if skip:
        return {**out, "skipped": skip["why"]}
    stats: dict[str, Any] = next((r for r in reversed(recs) if r["kind"] == "stats"), {})
    execs = stats.get("execs")
    m = re.search(r"stat::number_of_executed_units:\s*(\d+)", proc.stderr)
    if m:
        execs = int(m.group(1))
    cov = re.findall(r"\bcov: (\d+) ft: (\d+)", proc.stderr)
    out.update(
        execs=execs,
        execs_per_s=round(execs / max(took, 1e-9), 1) if execs else None,
        slowest_input_s=stats.get("slowest_s"),
        coverage_edges=int(cov[-1][0]) if cov else None,
        exceptions=[r for r in recs if r["kind"] == "exception"],
        slow_inputs=[r for r in recs if r["kind"] == "slow"],
    )
    if proc.returncode != 0 and not stats:
        tail = "\n".join(proc.stderr.strip().splitlines()[-15:])
        out["died"] = tail  # libFuzzer timeout / out-of-memory / native crash
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=60.0, help="fuzzing time per target (default 60)")
    ap.add_argument("--targets", default=",".join(TARGETS), help=f"comma-separated subset of {', '.join(TARGETS)}")
    ap.add_argument("--engine", choices=["auto", "atheris", "random"], default="auto")
    ap.add_argument("--artifacts", default=str(Path(tempfile.gettempdir()) / "sitrep-fuzz"),
                    help="where inputs that crash or hang are saved")
    ap.add_argument("--slow", type=float, default=5.0, help="record inputs taking longer than this many seconds")
    ap.add_argument("--json", default=None, help="also write the summary to this file")
    ap.add_argument("--child", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--findings", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    engine = args.engine
    if engine == "auto":
        try:
            import atheris  # noqa: F401

            engine = "atheris"
        except ImportError:
            engine = "random"
    if args.child:
        return child(args.child, args.seconds, engine, Path(args.artifacts), Path(args.findings), args.slow)

    targets = [t.strip() for t in args.targets.split(",") if t.strip()]
    unknown = sorted(set(targets) - set(TARGETS))
    if unknown:
        ap.error(f"unknown target(s) {', '.join(unknown)}")
    results = []
    print(f"engine: {engine}; {args.seconds:g} s per target; artifacts in {args.artifacts}", flush=True)
    print(f"{'target':<10} {'execs':>9} {'exec/s':>8} {'edges':>6} {'slowest':>8}  unhandled exceptions", flush=True)
    for target in targets:
        r = run_target(target, args.seconds, engine, Path(args.artifacts), args.slow)
        results.append(r)
        if "skipped" in r:
            print(f"{target:<10} skipped: {r['skipped']}", flush=True)
            continue
        excs = r["exceptions"]
        print(f"{target:<10} {r['execs'] or 0:>9} {r['execs_per_s'] or 0:>8} {r['coverage_edges'] or '-':>6} "
              f"{(r['slowest_input_s'] or 0):>7.2f}s  {len(excs) or 'none'}", flush=True)
        for e in excs:
            print(f"    {e['exception']} at {e['where']}: {e['message'][:120]}  (input: {e['input']})", flush=True)
        for s in r["slow_inputs"]:
            print(f"    slow input: {s['seconds']} s  (input: {s['input']})", flush=True)
        if r.get("died"):
            print(f"    the fuzzer process died (rc {r['rc']}):\n      " + r["died"].replace("\n", "\n      "))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1), encoding="utf-8")
    bad = sum(len(r.get("exceptions", [])) + bool(r.get("died")) for r in results)
    print(f"total: {sum(r.get('execs') or 0 for r in results)} executions, {bad} unhandled exception(s) / deaths")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
