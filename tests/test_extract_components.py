"""The extraction component registry: the order is data, checked at start-up, and runs end to end."""

from __future__ import annotations

import pytest

from sitrep.extract import components as C


def test_order_is_registered_and_checked() -> None:
    assert [c.name for c in C.PIPELINE] == list(C.ORDER)
    assert set(C.ORDER) == set(C.REGISTRY)
    assert C.check_order(C.ORDER) == C.PIPELINE


def test_every_read_is_written_earlier() -> None:
    known = set(C.INITIAL)
    for comp in C.PIPELINE:
        assert set(comp.reads) <= known, comp.name
        assert set(comp.reads) | set(comp.writes) <= C.FIELDS
        known |= set(comp.writes)
    assert "events" in known


def test_a_component_moved_before_what_it_reads_fails_loudly() -> None:
    order = list(C.ORDER)
    order.remove("merge")
    order.insert(order.index("candidates"), "merge")  # merge reads cands and generic_cands, written by candidates
    with pytest.raises(ValueError, match="'merge' reads \\['cands', 'generic_cands'\\]"):
        C.check_order(order)
    with pytest.raises(ValueError, match="not a registered component"):
        C.check_order([*C.ORDER, "no-such-step"])


def test_registering_an_unknown_field_fails() -> None:
    with pytest.raises(ValueError, match="no DocState field"):
        C.component("bad", reads=("text",), writes=("not_a_field",))(lambda st: None)
    assert "bad" not in C.REGISTRY


# real sentences: (text, published, event type of the first event)
SENTENCES = [
    ("Regime forces shelled the town of Kafr Nabl in Idlib countryside on Monday, killing three civilians.",
     "2018-04-30", "Explosions/Remote violence"),
    ("Clashes broke out between ISIS militants and the SDF in the vicinity of Hajin in Deir ez-Zor on Sunday.",
     "2018-04-30", "Battles"),
    ("Hundreds of residents protested in Daraa city on Friday against the rise in fuel prices.",
     "2018-04-28", "Protests"),
]


@pytest.mark.parametrize(("text", "published", "event_type"), SENTENCES)
def test_components_fill_the_state(text: str, published: str, event_type: str) -> None:
    from sitrep.extract import parse
    from sitrep.records import Document

    doc = Document.create(text, published=published, published_precision="day")
    st = C.DocState(doc=doc, text=text, sp=parse(text))
    for comp in C.PIPELINE:
        comp.run(st)
    assert st.sents and st.places and st.times and st.merged
    assert st.events and st.events[0].event_type == event_type
    assert not st.generic_cands
    assert all(c.generic is None for c in st.merged)


def test_a_generic_mention_is_typed_not_noted_only() -> None:
    from sitrep.extract import extract_document, parse
    from sitrep.records import Document

    text = "The war has killed more than 500,000 people since 2011, according to monitors."
    doc = Document.create(text, published="2018-04-30", published_precision="day")
    st = C.DocState(doc=doc, text=text, sp=parse(text), keep_generic=True)
    for comp in C.PIPELINE:
        comp.run(st)
    assert st.generic_cands and all(c.generic for c in st.generic_cands)
    assert all(f"generic:{c.generic}" in c.notes for c in st.generic_cands)
    assert extract_document(doc) == []
