"""Resolver cost, session 19 (issue #18): the aggregate check of :func:`signatures.is_tally` skips its regex for a
sentence that spells none of the words every branch needs; the answer is the same for every sentence."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from sitrep.resolve import signatures as S

SAMPLE_CSV = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "data" / "sample" / "fakes_sample.csv"

AGGREGATES = [
    "Coalition strikes in the province have killed hundreds of civilians.",
    "Thousands of people have been killed in regime air raids on the city.",
    "Russia has been carrying out air strikes in support of its ally since September.",
    "Air strikes on opposition-held towns across the country killed 32 people.",
    "A rights group says in a report that it documented the names of 69 civilians killed.",
    "IS has killed hundreds of people since it took the city.",
]


@pytest.mark.parametrize("text", AGGREGATES)
def test_aggregates_are_tallies(text: str) -> None:
    assert S._AGGREGATE.search(text)
    assert S.is_tally(text)


def test_a_sentence_without_a_cue_never_matches_the_aggregate_regex() -> None:
    # every sentence of the bundled FA-KES sample: the cue check only skips sentences the regex cannot match
    with SAMPLE_CSV.open(encoding="utf-8", newline="") as fh:
        texts = [row["article_title"] + ". " + row["article_content"] for row in csv.DictReader(fh)]
    sentences = [s for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if s.strip()]
    assert len(sentences) > 500
    matched = [s for s in sentences if S._AGGREGATE.search(s)]
    assert matched  # the sample has aggregates
    assert all(any(cue in s.casefold() for cue in S._AGGREGATE_CUES) for s in matched)
