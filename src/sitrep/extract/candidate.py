"""The candidate event one clause yields (``_Cand``) and the sentence spans candidates are found in."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sitrep.extract.actors import ActorMention
from sitrep.extract.events import (
    CREDIT,
    VIOLENT,
    Hit,
)
from sitrep.records import ActorRef, Place


# --------------------------------------------------------------------------- candidates
@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    sent: int
    hit: Hit
    event_type: str
    sub: str | None
    method: str
    actor1: ActorMention | None = None
    actor2: ActorMention | None = None
    actor1_ref: ActorRef | None = None
    actor2_ref: ActorRef | None = None
    fatalities: int | None = None
    injured: int | None = None
    date: str | None = None
    precision: str = "unknown"
    date_method: str | None = None
    story_day: str | None = None  # the narrative's day (merging works on its month; the event keeps the day)
    place: Place | None = None
    notes: list[str] = field(default_factory=list)
    confidence: float = 0.5
    anaphoric: bool = False
    last_sent: int = -1
    extra_spans: list[tuple[int, int]] = field(default_factory=list)
    headline: bool = False  # written in headline style (a title, a restated title, a related-article link)
    listed: bool = False  # one of the places of a listed action ("shelled X, Y and Z"): one event per place
    list_toll: int | None = None  # the toll told for the whole list (no one place's): see emit._split_listed
    title: bool = False  # in the page's title or where the lead restates it: joins the body's report
    generic: str | None = None  # why it is generic (not a reported happening): left out unless asked for

    @property
    def violent(self) -> bool:
        return self.event_type in VIOLENT


def _sentences(sp: Any, text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    if sp is not None:
        for s in sp.sents:
            a, b = s.start_char, s.end_char
            # spaCy keeps blank lines inside a sentence: cut at line breaks (headlines, captions), and after a
            # photo credit a caption ends on ("... June 18 2016 (TRT World and Agencies) The death toll ..."): the
            # caption's date is not the next sentence's
            cuts = [a] + [m.end() for m in CREDIT.finditer(text, a, b) if text[m.end():m.end() + 1].isupper()] + [b]
            for x, y in zip(cuts, cuts[1:], strict=False):
                for m in re.finditer(r"[^\n]+", text[x:y]):
                    out.append((x + m.start(), x + m.end()))
    else:
        for m in re.finditer(r"[^\n.!?]+[.!?]*", text):
            out.append(m.span())
    res = []
    for a, b in out:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            res.append((a, b))
    return res
