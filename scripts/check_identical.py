"""Check that a restructuring left extraction output unchanged.

    python scripts/check_identical.py --record DIR [--sets seeds,acled2018,fakes]
    python scripts/check_identical.py --compare DIR [--sets ...]

Runs ``python -m sitrep extract IN.jsonl -o OUT.jsonl`` (this tree's ``src`` first on the path,
an empty config file, no SITREP_* variables) on three input sets built from ../shared (read-only):

- ``seeds``: ../shared/corpus/seeds/*.txt, one document each, no publication date;
- ``acled2018``: the ACLED 2018 dev notes, rows sharing a note being one document,
  ``published`` = the latest event date of the group + 1 day (as ../shared/tools/score_acled.py builds it);
- ``fakes``: the 804 FA-KES articles, ``published`` from the date column (month/day/year).

``--record`` writes DIR/SET.jsonl (one normalised line per document: id and its events, keys sorted)
and DIR/SET.sha256; ``--compare`` extracts again and lists the documents whose events differ (exit 1).
Exit 0 with a message when ../shared is not there. Keep DIR outside the repository.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from collections import OrderedDict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SETS = ("seeds", "acled2018", "fakes")
Doc = dict[str, str]


def seeds() -> list[Doc]:
    return [{"id": p.stem, "text": p.read_text(encoding="utf-8")}
            for p in sorted((SHARED / "corpus" / "seeds").glob("*.txt"))]


def _acled_date(s: str) -> dt.date | None:
    for fmt in ("%d-%b-%y", "%d-%b-%Y", "%Y-%m-%d", "%d %B %Y"):
        try:
            return dt.datetime.strptime(s.strip(), fmt).date()
        except ValueError:
            continue
    return None


def acled2018() -> list[Doc]:
    groups: OrderedDict[str, list[dict[str, str]]] = OrderedDict()
    with open(SHARED / "eval" / "dev" / "acled_2018_syria_iraq.csv", encoding="utf-8-sig", newline="") as fh:
        for i, raw in enumerate(csv.DictReader(fh)):
            row = {(k or "").strip(): v for k, v in raw.items()}
            note = (row.get("notes") or "").strip()
            if note:
                row["_id"] = (row.get("data_id") or "").strip() or (row.get("event_id_cnty") or "").strip() or f"row{i}"
                groups.setdefault(note, []).append(row)
    docs = []
    for note, rows in groups.items():
        days = [d for d in (_acled_date(r.get("event_date") or "") for r in rows) if d]
        doc = {"id": rows[0]["_id"], "text": note}
        if days:
            doc["published"] = (max(days) + dt.timedelta(days=1)).isoformat()
        docs.append(doc)
    return docs


def fakes() -> list[Doc]:
    docs = []
    with open(SHARED / "corpus" / "fakes" / "FA-KES-Dataset.csv", encoding="latin-1", newline="") as fh:
        for row in csv.DictReader(fh):
            text = (row.get("article_content") or "").strip()
            if not text:
                continue
            doc = {"id": row["unit_id"], "text": text}
            with contextlib.suppress(ValueError):
                doc["published"] = dt.datetime.strptime(row.get("date", "").strip(), "%m/%d/%Y").date().isoformat()
            docs.append(doc)
    return docs


BUILDERS = {"seeds": seeds, "acled2018": acled2018, "fakes": fakes}


def extract(docs: list[Doc], tmp: Path) -> dict[str, list[str]]:
    """doc id -> its events as normalised JSON strings, in output order."""
    src, out = tmp / "in.jsonl", tmp / "out.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    (tmp / "empty.toml").write_text("", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("SITREP_")}
    env["SITREP_CONFIG"] = str(tmp / "empty.toml")
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    proc = subprocess.run([sys.executable, "-m", "sitrep", "extract", str(src), "-o", str(out)],
                          env=env, cwd=tmp, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"sitrep extract failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    by_doc: dict[str, list[str]] = {d["id"]: [] for d in docs}
    with open(out, encoding="utf-8") as fh:
        for line in fh:
            ev = json.loads(line)
            by_doc.setdefault(str(ev.get("doc_id")), []).append(json.dumps(ev, sort_keys=True, ensure_ascii=False))
    if proc.stderr.strip():
        by_doc["<stderr>"] = sorted(line for line in proc.stderr.splitlines() if line.startswith("failed"))
    return by_doc


def lines(by_doc: dict[str, list[str]]) -> list[str]:
    return [json.dumps({"id": k, "events": v}, ensure_ascii=False) for k, v in by_doc.items()]


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--record", metavar="DIR", help="write the normalised output per set to DIR")
    mode.add_argument("--compare", metavar="DIR", help="compare with what --record wrote to DIR")
    ap.add_argument("--sets", default=",".join(SETS), help=f"comma-separated, of {', '.join(SETS)}")
    args = ap.parse_args()
    if not SHARED.is_dir():
        print(f"{SHARED} is not here: nothing to check", file=sys.stderr)
        return 0
    names = [s for s in args.sets.split(",") if s]
    unknown = set(names) - set(SETS)
    if unknown:
        ap.error(f"unknown set(s): {', '.join(sorted(unknown))}")
    folder = Path(args.record or args.compare)
    differing = 0
    for name in names:
        with tempfile.TemporaryDirectory(prefix="sitrep-identical-") as tmp:
            docs = BUILDERS[name]()
            now = lines(extract(docs, Path(tmp)))
        digest = hashlib.sha256("\n".join(now).encode()).hexdigest()
        if args.record:
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{name}.jsonl").write_text("\n".join(now) + "\n", encoding="utf-8")
            (folder / f"{name}.sha256").write_text(digest + "\n", encoding="utf-8")
            print(f"{name}: {len(docs)} documents recorded, sha256 {digest[:16]}")
            continue
        base = (folder / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        if base == now:
            print(f"{name}: identical ({len(docs)} documents, sha256 {digest[:16]})")
            continue
        old = {json.loads(x)["id"]: x for x in base}
        new = {json.loads(x)["id"]: x for x in now}
        diff = sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k))
        if not diff:
            print(f"{name}: same documents and events, different order")
            diff = ["<order>"]
        else:
            print(f"{name}: {len(diff)} document(s) differ: {', '.join(diff[:50])}{' ...' if len(diff) > 50 else ''}")
        differing += len(diff)
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
