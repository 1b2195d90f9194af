#!/usr/bin/env python3
"""Benchmark toponym recognition/resolution and the shared spaCy pipeline.

Measures, in-process (the CLI scorer ../shared/tools/score_geo.py gives the same quality figures
through ``sitrep places``):
  - geoparsing quality on LGL and GeoVirus (recognition P/R/F1, acc@161 km over matched gold
    toponyms, end-to-end acc@161 km, median error) using the scorer's own loader and span matching;
  - model load time (``get_nlp()`` + gazetteer) in a fresh process;
  - throughput: NER pipeline docs/s and find_places ms/doc on FA-KES articles and on short notes.

Run: ``.venv/bin/python benchmarks/bench_places.py [--limit N] [--skip-geo]``.  Needs ../shared.
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
MAX_ERR_KM = 20039.0


def geo_quality(name: str, limit: int | None) -> dict[str, Any]:
    sys.path.insert(0, str(SHARED / "tools"))
    from _common import haversine_km, span_match
    from score_geo import load_geo

    from sitrep.extract.nlp import get_nlp
    from sitrep.extract.places import find_places

    docs, _ = load_geo(SHARED / "eval" / "dev" / "geoparsing" / f"{name}.jsonl", limit)
    nlp = get_nlp()
    n_gold = n_pred = n_match = hits = n_coords = 0
    errors: list[float] = []
    t_nlp = t_places = 0.0
    for d in docs:
        t0 = time.perf_counter()
        sd = nlp(d["text"])
        t1 = time.perf_counter()
        mentions = find_places(d["text"], doc=sd)
        t_places += time.perf_counter() - t1
        t_nlp += t1 - t0
        m = span_match([g["span"] for g in d["gold"]], [(p.start, p.end) for p in mentions])
        n_gold += len(d["gold"])
        n_pred += len(mentions)
        n_match += len(m)
        for gi, g in enumerate(d["gold"]):
            if not g["coords"]:
                continue
            n_coords += 1
            if gi not in m:
                continue
            p = mentions[m[gi]].place
            err = MAX_ERR_KM if p is None or p.lat is None or p.lon is None else haversine_km(
                g["coords"], (p.lat, p.lon))
            errors.append(err)
            hits += err <= 161
    prec = n_match / n_pred if n_pred else 0.0
    rec = n_match / n_gold if n_gold else 0.0
    return {
        "docs": len(docs),
        "rec_p": round(prec, 3),
        "rec_r": round(rec, 3),
        "rec_f1": round(2 * prec * rec / (prec + rec), 3) if prec + rec else 0.0,
        "acc161": round(sum(e <= 161 for e in errors) / len(errors), 3) if errors else None,
        "e2e_acc161": round(hits / n_coords, 3) if n_coords else None,
        "median_err_km": round(statistics.median(errors), 1) if errors else None,
        "nlp_ms_per_doc": round(1000 * t_nlp / len(docs), 1),
        "find_places_ms_per_doc": round(1000 * t_places / len(docs), 2),
    }


def load_time() -> dict[str, float]:
    """Wall and CPU seconds from a fresh interpreter to a usable get_nlp() (imports included).  CPU time
    is what an idle machine would see as wall time; on a shared machine wall time includes waiting."""
    code = (
        "import time; t=time.perf_counter(); c=time.process_time(); from sitrep.extract.nlp import get_nlp; "
        "nlp=get_nlp(); nlp('Warm up in Homs.'); t1=time.perf_counter(); c1=time.process_time(); "
        "p=get_nlp(parse=True); c2=time.process_time(); "
        "print(round(t1-t, 2), round(c1-c, 2), round(c2-c1, 2))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    return {"get_nlp_wall_s": float(out[0]), "get_nlp_cpu_s": float(out[1]), "parse_variant_extra_cpu_s": float(out[2])}


def throughput(limit: int) -> dict[str, Any]:
    from sitrep.extract.nlp import get_nlp
    from sitrep.extract.places import find_places

    csv.field_size_limit(10**9)
    path = SHARED / "corpus" / "fakes" / "FA-KES-Dataset.csv"
    with open(path, encoding="latin-1", newline="") as fh:
        texts = [r["article_content"] for r in csv.DictReader(fh)][:limit]
    res: dict[str, Any] = {"fakes_docs": len(texts)}
    for parse in (False, True):
        nlp = get_nlp(parse=parse)
        t0 = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=32))
        dt = time.perf_counter() - t0
        res[f"fakes_docs_per_s_{'parse' if parse else 'ner'}"] = round(len(texts) / dt, 1)
    t0 = time.perf_counter()
    n = 0
    for text, sd in zip(texts, docs, strict=True):
        n += len(find_places(text, doc=sd))
    res["fakes_find_places_ms_per_doc"] = round(1000 * (time.perf_counter() - t0) / len(texts), 2)
    res["fakes_mentions_per_doc"] = round(n / len(texts), 1)
    # short notes: the first sentence of each article, ACLED-note sized
    notes = [t.split(". ")[0][:300] for t in texts]
    nlp = get_nlp(parse=True)
    t0 = time.perf_counter()
    for note, sd in zip(notes, nlp.pipe(notes, batch_size=64), strict=True):
        find_places(note, doc=sd)
    res["short_notes_per_s_parse_and_places"] = round(len(notes) / (time.perf_counter() - t0), 1)
    return res


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="documents per geoparsing set")
    ap.add_argument("--fakes", type=int, default=200, help="FA-KES articles for the throughput run")
    ap.add_argument("--skip-geo", action="store_true")
    args = ap.parse_args()
    if not SHARED.is_dir():
        print(f"needs {SHARED}", file=sys.stderr)
        return 1
    out: dict[str, Any] = {"load": load_time()}
    if not args.skip_geo:
        for name in ("LGL", "GeoVirus"):
            out[name] = geo_quality(name, args.limit)
    out["throughput"] = throughput(args.fakes)
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
