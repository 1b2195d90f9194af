"""A large test corpus for the scale benchmarks: FA-KES replicated with perturbations.

FA-KES (804 Syrian-war articles from 15 outlets, CC BY 4.0, ../shared/corpus/fakes/) is the
base. Copy ``k`` of the corpus joins the first half of article ``a`` with the second half of
article ``b`` (a different article for every round), and shifts the publication date by the
round number in days, so every document has its own content hash and is not a near-duplicate
of another, while the text stays real news prose of realistic length.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from sitrep.records import Document

ROOT = Path(__file__).resolve().parents[1]
FAKES = ROOT.parent / "shared" / "corpus" / "fakes" / "FA-KES-Dataset.csv"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")


def load_fakes(path: Path = FAKES) -> list[dict[str, str]]:
    if not path.is_file():
        sys.exit(f"FA-KES is not at {path} (../shared/corpus/fakes/FA-KES-Dataset.csv)")
    csv.field_size_limit(10_000_000)
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        return [row for row in csv.DictReader(fh) if (row.get("article_content") or "").strip()]


def _iso(value: str) -> str | None:
    for fmt in ("%m/%d/%Y", "%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(value.strip(), fmt).date().isoformat()
        except ValueError:
            continue
    return None


def replicated(n: int, rows: list[dict[str, str]] | None = None) -> Iterator[Document]:
    """``n`` documents with distinct ids built from FA-KES (the first ~800 are the articles themselves)."""
    rows = rows or load_fakes()
    m = len(rows)
    sentences = [_SENTENCE_END.split(r["article_content"].strip()) for r in rows]
    seen: set[str] = set()
    k = -1
    while len(seen) < n:
        k += 1
        a, rnd = k % m, k // m
        row = rows[a]
        if rnd == 0:
            text = row["article_content"].strip()
        else:
            b = (a + 1 + rnd * 31) % m
            sa, sb = sentences[a], sentences[b]
            text = " ".join(sa[: max(1, len(sa) // 2)] + sb[len(sb) // 2 :])
        published = _iso(row.get("date") or "")
        if published and rnd:
            published = (dt.date.fromisoformat(published) + dt.timedelta(days=rnd)).isoformat()
        doc = Document.create(
            text,
            title=row.get("article_title") or None,
            source=row.get("source") or None,
            published=published,
            published_precision="day" if published else "unknown",
            published_method="metadata" if published else None,
            origin=f"FA-KES#{row.get('unit_id')}/{rnd}",
        )
        if doc.id in seen:  # FA-KES holds a few identical articles
            continue
        seen.add(doc.id)
        yield doc


if __name__ == "__main__":
    docs = list(replicated(int(sys.argv[1]) if len(sys.argv) > 1 else 2000))
    print(len(docs), "documents,", len({d.id for d in docs}), "distinct ids,",
          sum(len(d.text) for d in docs) // len(docs), "characters on average")
