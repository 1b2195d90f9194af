"""cProfile of in-process extraction as ``sitrep extract`` runs it (chunks of 32 records through
``extract_chunk``) on the first N FA-KES articles (not a test; needs ../shared, like bench_extract_cli.py).

    PYTHONPATH=$PWD/src .venv/bin/python benchmarks/prof_extract.py [N] [--sort tottime|cumulative] [--rows 45]
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_extract_cli import fakes  # noqa: E402

from sitrep.cli.core import extract_chunk  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", nargs="?", type=int, default=128)
    ap.add_argument("--sort", default="cumulative")
    ap.add_argument("--rows", type=int, default=45)
    ap.add_argument("--out", help="also dump the raw stats here")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fakes.jsonl"
        fakes(path)
        recs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()][: args.n]
    extract_chunk(recs[-1:])  # model loads and caches, not profiled
    pr = cProfile.Profile()
    t0 = time.process_time()
    pr.enable()
    for i in range(0, len(recs), 32):
        extract_chunk(recs[i:i + 32])
    pr.disable()
    print(f"CPU {time.process_time() - t0:.2f} s for {len(recs)} documents")
    st = pstats.Stats(pr)
    if args.out:
        st.dump_stats(args.out)
    st.sort_stats(args.sort).print_stats(args.rows)


if __name__ == "__main__":
    main()
