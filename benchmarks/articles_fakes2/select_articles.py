#!/usr/bin/env python3
"""Pick the FA-KES articles of the articles_fakes2 gold set deterministically and write texts/.

Rule: drop every unit_id in shared/eval/articles_dev/RESERVED.txt (filtered by id before anything is
read or printed) and every article already in shared/eval/articles_dev/texts/, plus any row whose
title or content duplicates one of those dropped rows; keep texts of 400..3000 characters; shuffle
each outlet's rows with random.Random(2026); then take one article per outlet in turn (outlets in
alphabetical order) until N (default 44) are chosen.
Text of each file = title.strip() + "\\n\\n" + content.strip() + "\\n" (the construction of
shared/eval/articles_dev/texts/).
"""
import argparse
import csv
import os
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("SITREP_SHARED", "/work/shared"))
CSV = SHARED / "corpus/fakes/FA-KES-Dataset.csv"
DEV = SHARED / "eval/articles_dev"
MIN_LEN, MAX_LEN, SEED = 400, 3000, 2026


def text_of(row):
    return row["article_title"].strip() + "\n\n" + row["article_content"].strip() + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, default=44)
    ap.add_argument("--write", action="store_true", help="write texts/fakes_<unit_id>.txt")
    args = ap.parse_args()
    lines = (DEV / "RESERVED.txt").read_text(encoding="utf-8").splitlines()
    reserved = {ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")}
    done = {f[len("fakes_"):-len(".txt")] for f in os.listdir(DEV / "texts") if f.startswith("fakes_")}
    with open(CSV, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    excluded = reserved | done
    ex_titles = {r["article_title"].strip() for r in rows if r["unit_id"] in excluded}
    ex_bodies = {r["article_content"].strip() for r in rows if r["unit_id"] in excluded}
    seen_bodies = set()
    pool = {}
    for r in rows:   # CSV order; rows with a body already seen are dropped
        if r["unit_id"] in excluded:
            continue
        body = r["article_content"].strip()
        if r["article_title"].strip() in ex_titles or body in ex_bodies or body in seen_bodies:
            continue
        seen_bodies.add(body)
        if MIN_LEN <= len(text_of(r)) <= MAX_LEN:
            pool.setdefault(r["source"], []).append(r)
    rng = random.Random(SEED)
    outlets = sorted(pool)
    for o in outlets:
        rng.shuffle(pool[o])
    chosen, i = [], 0
    while len(chosen) < args.n and any(pool.values()):
        o = outlets[i % len(outlets)]
        if pool[o]:
            chosen.append(pool[o].pop(0))
        i += 1
    if args.write:
        (HERE / "texts").mkdir(exist_ok=True)
    for r in chosen:
        if args.write:
            (HERE / "texts" / f"fakes_{r['unit_id']}.txt").write_text(text_of(r), encoding="utf-8")
        print(r["unit_id"], r["source"], r["date"], len(text_of(r)))


if __name__ == "__main__":
    main()
