"""Extraction: Document -> Events, each value tied to its evidence span.

``extract_document(doc)`` parses the text once (spaCy), finds time expressions and places (the
``dates`` and ``places`` modules), actor mentions (``actors``), triggers (``events``) and
casualty figures (``numbers``), and assembles one Event per reported happening: a clause with a
trigger, its actors assigned from the dependency parse (subject / agent -> actor1, object /
passive subject / target -> actor2), its date and place, and its figures. Sentences that carry
on the same incident (a casualty sentence after the attack sentence, "the attack" later in the
article) are merged into it. Generic, aggregate, hypothetical and future mentions are left out."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Any

from sitrep.extract import classifier as typer
from sitrep.extract.actors import ActorMention, load_actors
from sitrep.extract.events import (
    Hit,
    clauses,
    find_triggers,
    main_hit,
    prefix_type,
)
from sitrep.records import Document, Event, Place, PlaceMention

from .build import _add_casualties, _assign_governments, _candidate, _event_places, _quote_spans
from .candidate import _Cand, _sentences
from .emit import _FORCED, _doc_country, _split_listed, _to_event
from .inputs import _actor_home, _document_province, _find_dates, _find_places, _nlp, _parse_sentences
from .merge import _merge, _merge_duplicates, _merge_headlines, _merge_references, headline_style

__all__ = ["extract", "extract_document", "extract_documents"]


# --------------------------------------------------------------------------- main
_CAS_CONTINUATION = re.compile(
    r"\b(?:killed|killing|dead|died|deaths?|wounded|injured|injuring|casualties|fatalities|injury|injuries)\b", re.I
)


def parse(text: str) -> Any:
    """The spaCy parse extraction needs (also reusable by other stages: one parse per document)."""
    return _nlp()(text) if text.strip() else None


# A document longer than this is extracted section by section (paragraph-aligned, about
# SECTION_CHARS each): the document-wide context (place votes and coherence, the narrative date,
# actor homes) is pairwise over a document's mentions, so one UN report or transcript of a
# million characters would cost quadratic time and hold one huge parse in memory. Articles (a
# few thousand characters, the longest news features well under this) are never split.
LONG_DOC_CHARS = 100_000
SECTION_CHARS = 50_000


def sections(text: str, size: int = SECTION_CHARS, limit: int = LONG_DOC_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` of the parts ``text`` is extracted in: the whole text when it is at most
    ``limit`` characters, else parts of at most ``size`` characters cut at a paragraph break
    (else a line break, else a sentence end, else anywhere), so no sentence is cut in normal text."""
    if len(text) <= limit:
        return [(0, len(text))]
    out: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        lo, hi = start + size // 2, start + size
        cut = text.rfind("\n\n", lo, hi)
        cut = cut + 2 if cut >= 0 else text.rfind("\n", lo, hi) + 1
        if cut <= 0:
            cut = max(text.rfind(". ", lo, hi) + 2, 0)
        if cut <= start + 1:
            cut = hi
        out.append((start, cut))
        start = cut
    out.append((start, len(text)))
    return out


def document_sections(doc: Document) -> list[tuple[Document, int]]:
    """``[(part, offset)]``: ``[(doc, 0)]`` for a normal document, else one Document (same id and
    metadata) per section of :func:`sections` with the offset of its text in ``doc.text``."""
    spans = sections(doc.text)
    if len(spans) == 1:
        return [(doc, 0)]
    return [(replace(doc, text=doc.text[a:b]), a) for a, b in spans]


def shift_event(ev: Event, offset: int) -> Event:
    """An event found in a section, moved onto its document's offsets (and so its id)."""
    if not offset:
        return ev
    evidence = replace(ev.evidence, start=ev.evidence.start + offset, end=ev.evidence.end + offset)
    return replace(ev, evidence=evidence,
                   event_id=Event.make_id(ev.doc_id, evidence.start, evidence.end,
                                          ev.event_type + (ev.sub_event_type or "")))


def extract_document(doc: Document, *, keep_generic: bool = False, nlp_doc: Any = None,
                     theatre: Sequence[str] = ()) -> list[Event]:
    """The events a document reports (generic / hypothetical mentions left out unless ``keep_generic``).

    ``nlp_doc``: the document already parsed by ``parse(doc.text)``, so a caller parses once (a
    long document, see :data:`LONG_DOC_CHARS`, is parsed and extracted section by section instead).
    ``theatre``: ISO2 countries the desk follows (the ``theatre`` setting, e.g. ``("SO", "KE")``): they
    count as if the report named them, and a group active in several countries (Islamic State) places
    the report in them.  Empty (the default): the countries come from the document itself, its places
    and its own armed actors.
    """
    parts = document_sections(doc)
    if len(parts) == 1:
        return _extract(doc, nlp_doc if nlp_doc is not None else parse(doc.text), keep_generic=keep_generic,
                        theatre=tuple(theatre))
    return [shift_event(ev, off) for part, off in parts
            for ev in _extract(part, parse(part.text), keep_generic=keep_generic, theatre=tuple(theatre))]


def extract_documents(docs: Iterable[Document], *, batch_size: int = 32, theatre: Sequence[str] = ()
                      ) -> Iterator[list[Event]]:
    """``extract_document`` over many documents, parsing them in batches (faster than one by one)."""
    nlp = _nlp()
    buf: list[Document] = []

    def flush() -> Iterator[list[Event]]:
        for d, sp in zip(buf, nlp.pipe([d.text for d in buf], batch_size=batch_size), strict=True):
            yield _extract(d, sp, theatre=tuple(theatre))
        buf.clear()

    for d in docs:
        if len(d.text) > LONG_DOC_CHARS:  # parsed section by section, never in one piece
            yield from flush()
            yield extract_document(d)
            continue
        buf.append(d)
        if len(buf) >= batch_size:
            yield from flush()
    if buf:
        yield from flush()


def extract(text: str, published: str | None = None, **meta: Any) -> list[Event]:
    """Events in ``text`` (published ``YYYY-MM-DD``/``YYYY-MM``/``YYYY`` or None); ``meta``: Document fields."""
    precision = {10: "day", 7: "month", 4: "year"}.get(len(published or ""), "unknown")
    doc = Document.create(text, published=published, published_precision=precision,
                          **{k: v for k, v in meta.items() if k not in ("published", "published_precision")})
    return extract_document(doc)


def _extract(doc: Document, sp: Any, keep_generic: bool = False, theatre: tuple[str, ...] = ()) -> list[Event]:
    text = doc.text
    if not text.strip():
        return []
    dic = load_actors()
    sents = _sentences(sp, text)
    mentions = dic.find(text)
    home = tuple(dict.fromkeys((*theatre, *_actor_home(mentions, theatre))))
    places = _find_places(text, sp, home)
    if any(m.ambiguous for m in mentions):  # "SNA": the Somali or the Syrian National Army, by the report's country
        where = _doc_country(places, mentions)
        mentions = [m.in_country(where) for m in mentions]
    times = _find_dates(text, doc.published)
    quotes = _quote_spans(text)
    persons = dic.person_countries(text)
    places = _event_places(text, places, mentions, home)
    # the parse only decides between two or more actors of a sentence; one actor is placed by word order
    parses = _parse_sentences(text, [(a, b) for a, b in sents
                                     if sum(a <= m.start < b for m in mentions) >= 2 and find_triggers(text, a, b)])
    cands: list[_Cand] = []
    generic_cands: list[_Cand] = []
    # the learned typer scores every clause once (batched); it adds and corrects typings below
    probs = typer.clause_probs(text, [c for ss, se in sents for c in clauses(text, ss, se)])
    for si, (ss, se) in enumerate(sents):
        forced = prefix_type(text, ss, se) if si == 0 else None
        for cs, ce in clauses(text, ss, se):
            hits = find_triggers(text, cs, ce)
            picks = [h for h in (main_hit([h for h in hits if h.trigger.type != "Diplomacy"]),
                                 main_hit([h for h in hits if h.trigger.type == "Diplomacy"])) if h is not None]
            if forced is not None and not any(h.trigger.type != "Diplomacy" for h in picks):
                picks.insert(0, Hit(_FORCED, cs, min(ce, cs + 1), text[cs:min(ce, cs + 1)]))
            if not picks and (cs, ce) in probs:
                added = typer.decide(probs[(cs, ce)], typer.labels(), None)
                if added is not None:  # an event the rules have no trigger for
                    picks = [Hit(typer.model_trigger(added), cs, ce, text[cs:ce])]
            if not picks:
                if cands and max(cands[-1].sent, cands[-1].last_sent) >= si - 1 and _CAS_CONTINUATION.search(
                        text[cs:ce]):
                    _add_casualties(cands[-1], text, cs, ce)
                    cands[-1].last_sent = si
                continue
            for hit in picks:
                cand = _candidate(doc, parses.get(ss), text, hit, (cs, ce), si, forced, mentions, times, places,
                                  quotes, dic)
                if cand is not None and (cand.event_type == "Diplomacy" or cand.sub == "Agreement"):
                    _assign_governments(text, cand, (cs, ce), dic, persons)
                if forced is not None and hit.trigger.type != "Diplomacy":
                    forced = None
                if cand is None:
                    continue
                cand.headline = headline_style(text[cs:ce])
                typer.review(cand, probs.get((cs, ce)))
                if any(n.startswith("generic:") for n in cand.notes):
                    generic_cands.append(cand)
                else:
                    cands.extend(_split_listed(cand, places, text))
    merged = _merge(cands, text)
    merged = _merge_references(merged, text)
    merged = _merge_duplicates(merged, text)
    merged = _merge_headlines(merged, text)
    for c in merged:  # confidence: the calibrated probability of the event's typing for its evidence clause
        p = typer.prob_of(probs.get((c.start, c.end)), c.event_type, c.sub)
        if p is not None:
            c.confidence = round(p, 3)
    doc_country = _fill_places(merged, places, mentions, home)
    events = [_to_event(doc, c, dic, doc_country, places) for c in merged]
    if keep_generic:
        events += [_to_event(doc, c, dic, doc_country, places, generic=True) for c in generic_cands]
    return events



def _fill_places(merged: list[_Cand], places: list[PlaceMention], mentions: list[ActorMention],
                 home: tuple[str, ...]) -> str | None:
    """Events without a place get the document's country (or the one its own forces say); a country-level
    place becomes the one province the report otherwise names. Returns the document's country."""
    doc_country = _doc_country(places, mentions)
    country_place = next((p.place for p in places if p.place is not None and p.place.precision == "country"
                          and p.place.country == doc_country), None)
    how_country = "place:document-country"
    if country_place is None and doc_country is not None and doc_country in home:
        from sitrep.extract.places import country_place as _country

        # "Regime forces shelled Qatra": a Syrian force in a village no gazetteer knows is in Syria
        country_place, how_country = _country(doc_country), "place:actor-country"
    provinces: dict[str, Place | None] = {}
    for c in merged:
        if c.event_type == "Diplomacy":
            continue
        if c.place is None and country_place is not None:
            c.place = country_place
            c.notes.append(how_country)
        if c.place is not None and c.place.precision == "country" and c.place.country \
                and "place:nationwide" not in c.notes:
            # "in Syria" in a report that otherwise names only places of one province: that province
            if c.place.country not in provinces:
                provinces[c.place.country] = _document_province(places, c.place.country)
            province = provinces[c.place.country]
            if province is not None:
                c.place = province
                c.notes.append("place:document-province")
    return doc_country



# ``sitrep.extract`` is this subpackage and also the documented call ``sitrep.extract(text, ...)``
def _make_callable() -> None:
    import sys

    from sitrep import CallableModule

    sys.modules[__name__].__class__ = CallableModule


_make_callable()
