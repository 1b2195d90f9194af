"""Extraction: Document -> Events, each value tied to its evidence span.

``extract_document(doc)`` parses the text once (spaCy), finds time expressions and places (the
``dates`` and ``places`` modules), actor mentions (``actors``), triggers (``events``) and
casualty figures (``numbers``), and assembles one Event per reported happening: a clause with a
trigger, its actors assigned from the dependency parse (subject / agent -> actor1, object /
passive subject / target -> actor2), its date and place, and its figures. Sentences that carry
on the same incident (a casualty sentence after the attack sentence, "the attack" later in the
article) are merged into it. Generic, aggregate, hypothetical and future mentions are left out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Any

from sitrep.records import Document, Event

from .components import run as run_components
from .components import run_batch
from .inputs import _nlp

__all__ = ["extract", "extract_document", "extract_documents"]


# --------------------------------------------------------------------------- main


def parse(text: str) -> Any:
    """The spaCy parse extraction needs (also reusable by other stages: one parse per document)."""
    return _nlp()(text) if text.strip() else None


# A document longer than this is extracted section by section (paragraph-aligned, about
# SECTION_CHARS each): the document-wide context (place votes and coherence, the narrative date,
# actor homes) is pairwise over a document's mentions, so one UN report or transcript of a
# million characters would cost quadratic time and hold one huge parse in memory. Articles (a
# few thousand characters, the longest news features well under this) are never split. 20k-character
# sections (several articles' worth) keep the parse and the pairwise context of each small: at 1M
# characters the ingest's whole process tree (this process and one section worker) peaks at ~905 MB
# with 20k sections against ~1,010 MB with 50k, in the same time (benchmarks/bench_long_doc.py).
LONG_DOC_CHARS = 100_000
SECTION_CHARS = 20_000


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
        # the batch's documents go through extraction together (its sentence parses are one batched pass)
        items = [(d, sp) for d, sp in zip(buf, nlp.pipe([d.text for d in buf], batch_size=batch_size), strict=True)
                 if d.text.strip()]
        found = iter(run_batch(items, theatre=tuple(theatre)))
        for d in buf:
            yield next(found) if d.text.strip() else []
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
    if not doc.text.strip():
        return []
    return run_components(doc, sp, keep_generic=keep_generic, theatre=theatre)



# ``sitrep.extract`` is this subpackage and also the documented call ``sitrep.extract(text, ...)``
def _make_callable() -> None:
    import sys

    from sitrep import CallableModule

    sys.modules[__name__].__class__ = CallableModule


_make_callable()
