"""Ingest benchmark: seeds -> documents with gold dates; FA-KES read/prepare/near-duplicate figures.

Usage: python benchmarks/bench_ingest.py [--shared ../shared] [--threshold 0.7] [--repeat 3] [--pairs]

Pure library calls (sitrep.ingest.iter_raw, sitrep.documents.prepare/signature/NearDupIndex), no
store and no extraction, so the figures are those of the ingest stages alone. Results go to
docs/bench/ingest.md by hand.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

from sitrep.documents import DEFAULT_THRESHOLD, NearDupIndex, is_furniture, prepare, signature, signature_similarity
from sitrep.ingest import IngestError, RawArticle, iter_raw
from sitrep.records import Document

ROOT = Path(__file__).resolve().parents[1]


def seeds(shared: Path) -> bool:
    gold = yaml.safe_load((shared / "eval" / "seeds_gold.yaml").read_text(encoding="utf-8"))["documents"]
    ok = True
    total = 0
    for name, spec in gold.items():
        raws = [r for r in iter_raw([str(shared / "corpus" / "seeds" / name)]) if isinstance(r, RawArticle)]
        docs = [d for r in raws for d in prepare(r)]
        total += len(docs)
        parts = spec.get("parts") or [spec]
        if len(docs) != len(parts):
            print(f"  {name}: {len(docs)} documents, gold {len(parts)}")
            ok = False
            continue
        for doc, want in zip(docs, parts, strict=True):
            gold_value = None if want.get("published") is None else str(want["published"])
            lines = [ln for ln in doc.text.split("\n") if ln.strip()]
            furniture = [ln for ln in lines if is_furniture(ln)]
            repeats = [ln for ln, c in Counter(lines).items() if c > 1]
            good = (doc.published, doc.published_precision) == (gold_value, want["published_precision"])
            ok &= good and not furniture and not repeats
            print(
                f"  {doc.origin.rsplit('/', 1)[-1] if doc.origin else name:32} {str(doc.published):10} "
                f"{doc.published_precision:7} {doc.published_method:9} gold={gold_value} {want['published_precision']}"
                f" {'ok' if good else 'WRONG'} furniture={len(furniture)} repeated={len(repeats)}"
            )
    print(f"  seeds: {total} documents, all dates and cleaning {'ok' if ok else 'NOT ok'}")
    return ok


def fakes(shared: Path, threshold: float, repeat: int, show_pairs: bool) -> None:
    csv_path = str(shared / "corpus" / "fakes" / "FA-KES-Dataset.csv")
    t_read: list[float] = []
    t_prep: list[float] = []
    t_sig: list[float] = []
    t_idx: list[float] = []
    cpu: list[float] = []
    for _ in range(repeat):
        c0 = time.process_time()
        t0 = time.perf_counter()
        items = list(iter_raw([csv_path]))
        t1 = time.perf_counter()
        raws = [i for i in items if isinstance(i, RawArticle)]
        docs: list[Document] = [d for r in raws for d in prepare(r)]
        t2 = time.perf_counter()
        sigs = [signature(d.text) for d in docs]
        t3 = time.perf_counter()
        index = NearDupIndex(threshold)
        seen: set[str] = set()
        links: list[tuple[Document, str, float]] = []
        sig_of = dict(zip((d.id for d in docs), sigs, strict=False))
        for d, s in zip(docs, sigs, strict=True):
            if d.id in seen:
                continue
            seen.add(d.id)
            original = index.query(s)
            if original is None:
                index.add(d.id, s)
            else:
                links.append((d, original, signature_similarity(s, sig_of[original])))
        t4 = time.perf_counter()
        cpu.append(time.process_time() - c0)
        t_read.append(t1 - t0)
        t_prep.append(t2 - t1)
        t_sig.append(t3 - t2)
        t_idx.append(t4 - t3)
    errors = [i for i in items if isinstance(i, IngestError)]
    med = statistics.median
    total = med(t_read) + med(t_prep) + med(t_sig) + med(t_idx)
    print(f"  FA-KES: {len(items)} rows -> {len(raws)} articles, {len(errors)} errors, {len(docs)} documents")
    print(f"  exact duplicates (same content id): {len(docs) - len(seen)}")
    print(f"  near-duplicates linked at threshold {threshold}: {len(links)}")
    print(
        f"  time (median of {repeat}): read {med(t_read):.3f} s, prepare {med(t_prep):.3f} s, "
        f"signatures {med(t_sig):.3f} s, index {med(t_idx):.3f} s; total {total:.2f} s = {len(docs) / total:.0f} docs/s"
    )
    print(f"  CPU time of this process per 804 (median): {med(cpu):.2f} s = {len(docs) / med(cpu):.0f} docs/s per core")
    print(f"  dates: {dict(Counter((d.published_method, d.published_precision) for d in docs))}")
    if show_pairs:
        by_id = {d.id: d for d in docs}
        for d, original, sim in links:
            o = by_id[original]
            print(f"    {sim:.2f}  {d.source} {d.published} {(d.title or '')[:50]!r}  ->  "
                  f"{o.source} {o.published} {(o.title or '')[:50]!r}")


def dates_without_metadata(shared: Path) -> None:
    """Drop FA-KES's date column and compare what the text alone gives with that column."""
    import dataclasses
    import datetime as dt

    from sitrep.documents import parse_date_string

    res: Counter[str] = Counter()
    for raw in iter_raw([str(shared / "corpus" / "fakes" / "FA-KES-Dataset.csv")]):
        if not isinstance(raw, RawArticle):
            continue
        meta = parse_date_string(raw.published)
        for doc in prepare(dataclasses.replace(raw, published=None)):
            if meta is None or doc.published is None:
                res[f"{doc.published_method}"] += 1
            elif doc.published_precision == "day":
                gap = abs((dt.date.fromisoformat(doc.published) - dt.date.fromisoformat(meta[0])).days)
                what = "same day" if gap == 0 else "within 3 days" if gap <= 3 else "more than 3 days off"
                res[f"dateline: {what}"] += 1
            else:
                same = meta[0].startswith(doc.published)
                earlier = doc.published <= meta[0][: len(doc.published)]
                what = "same period" if same else "earlier (a valid lower bound)" if earlier else "LATER"
                res[f"inferred {doc.published_precision}: {what}"] += 1
    for key, n in sorted(res.items()):
        print(f"  {key}: {n}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--pairs", action="store_true", help="list the linked near-duplicate pairs")
    args = ap.parse_args()
    if not args.shared.is_dir():
        print(f"{args.shared} not found", file=sys.stderr)
        return 1
    print("seeds")
    ok = seeds(args.shared)
    print("FA-KES")
    fakes(args.shared, args.threshold, args.repeat, args.pairs)
    print("FA-KES dated from the text alone (date column dropped), against the date column")
    dates_without_metadata(args.shared)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
