"""Cost of the libraries document cleaning uses (issue 19): ftfy, py3langid, dateparser; ms per document.

Usage: python benchmarks/bench_libraries.py [--shared ../shared] [--repeat 3]

On the 804 FA-KES articles: the time of ftfy's repair, of the language identifier and of the whole
``prepare`` stage (read -> clean -> split -> date -> language), each as the best of ``--repeat`` runs in
CPU time (the machine is shared). dateparser runs only when the fast metadata parser misses: the script
counts how often that happens on FA-KES's date column and times one fallback call on French, Arabic and
Russian dates. Run it against another tree with PYTHONPATH=OTHER/src to compare. Figures go to
docs/benchmarks.md ("Libraries (#19)") by hand.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from sitrep import documents
from sitrep.ingest import RawArticle, iter_raw

ROOT = Path(__file__).resolve().parents[1]


def best_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return min(times) * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    raws = [r for r in iter_raw([str(args.shared / "corpus" / "fakes" / "FA-KES-Dataset.csv")])
            if isinstance(r, RawArticle)]
    n = len(raws)
    texts = [r.text for r in raws]
    print(f"FA-KES: {n} articles, {sum(map(len, texts)) / n:.0f} characters on average")

    documents.guess_language("warm up the model")  # one-time load, reported apart
    prep = best_ms(lambda: [documents.prepare(r) for r in raws], args.repeat)
    norm = best_ms(lambda: [documents.normalise_text(t) for t in texts], args.repeat)
    lang = best_ms(lambda: [documents.guess_language(t) for t in texts], args.repeat)
    print(f"prepare (whole stage)   {prep / n:7.3f} ms/doc")
    print(f"  normalise_text        {norm / n:7.3f} ms/doc")
    print(f"  guess_language        {lang / n:7.3f} ms/doc")
    fix = getattr(documents, "_FTFY", None)
    if fix is not None:
        import ftfy

        ftfy_ms = best_ms(lambda: [ftfy.fix_text(t, fix) for t in texts], args.repeat)
        print(f"  of which ftfy         {ftfy_ms / n:7.3f} ms/doc")
        t0 = time.perf_counter()
        documents._language_identifier.cache_clear()
        documents._language_identifier()
        print(f"language model load     {(time.perf_counter() - t0) * 1000:7.1f} ms once per process")

    dates = [r.published for r in raws if r.published]
    fast = sum(1 for d in dates if documents._parse_date_string(" ".join(d.split())) is not None)
    print(f"metadata dates          {len(dates)}, {len(dates) - fast} missed by the fast path (go to dateparser)")
    if hasattr(documents, "_parse_date_any_language"):
        samples = ["15 décembre 2025", "الاثنين 15 ديسمبر 2025", "15 декабря 2025 г."]
        cold = best_ms(lambda: [documents.parse_date_string(s) for s in samples], 1) / len(samples)
        warm = best_ms(lambda: [documents.parse_date_string(s) for s in samples * 20], args.repeat) / (20 * 3)
        print(f"dateparser fallback     {warm:7.3f} ms/date warm, {cold:.1f} ms/date on first use")


if __name__ == "__main__":
    main()
