"""Double labelling of the typer training set (docs/LABELLING.md, "Double labelling").

    python scripts/typer_double.py sample [-o /tmp/typer_double_sample.tsv]   # 10% seeded sample, id<TAB>text
    python scripts/typer_double.py kappa LABELS.tsv                          # Cohen's kappa against the set

The sample carries no labels; the second annotator returns id<TAB>label.
"""

from __future__ import annotations

import argparse
import csv
import random
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "typer" / "sentences.tsv"
SEED = 2013


def rows() -> list[dict[str, str]]:
    with DATA.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def sample(out: str) -> None:
    rs = rows()
    pick = random.Random(SEED).sample(rs, k=round(len(rs) * 0.10))
    with open(out, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        for r in sorted(pick, key=lambda r: r["id"]):
            w.writerow([r["id"], r["text"]])
    print(f"{len(pick)} sentences -> {out}")


def kappa(path: str) -> None:
    first = {r["id"]: r["label"] for r in rows()}
    pairs = []
    with open(path, encoding="utf-8", newline="") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and parts[0] in first:
                pairs.append((first[parts[0]], parts[1].strip()))
    n = len(pairs)
    agree = sum(a == b for a, b in pairs) / n
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    chance = sum(ca[k] * cb[k] for k in ca) / (n * n)
    k = (agree - chance) / (1 - chance)
    ta = sum(a.split("|")[0] == b.split("|")[0] for a, b in pairs) / n
    print(f"n={n} observed agreement={agree:.3f} chance={chance:.3f} kappa={k:.3f} event-type agreement={ta:.3f}")
    for (a, b), c in Counter((a, b) for a, b in pairs if a != b).most_common():
        print(f"{c:3d}  first={a}  second={b}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("-o", "--output", default="/tmp/typer_double_sample.tsv")
    k = sub.add_parser("kappa")
    k.add_argument("labels")
    a = ap.parse_args()
    if a.cmd == "sample":
        sample(a.output)
    else:
        kappa(a.labels)


if __name__ == "__main__":
    main()
