"""What extraction does to run faster keeps its results: a batch of documents gives each document the events it
gets alone; the sentence parse without the attribute ruler tells verbs and arcs as the ruler would; a casualty
pattern skipped for want of its closing word finds nothing anyway; trigger matches kept per span are the same."""

from __future__ import annotations

import pytest

from sitrep.extract import events, extract_document, extract_documents
from sitrep.extract import numbers as N
from sitrep.extract.events import find_triggers
from sitrep.extract.inputs import _PARSE_PIPES, _parse_sentences, _parse_sentences_many, _parser, dep_of, verbal
from sitrep.records import Document

# sentences written for these tests (auxiliaries, "there were", "do"/"have" as main verbs, a determiner standing
# alone, line breaks and double spaces inside the sentence)
SENTENCES = [
    "Government forces have shelled the town of Kafr Nabl, and there were reports that two children had been killed.",
    "Rebels did not attack the convoy; they said that they had done nothing of the kind.",
    "That was the deadliest raid since May, when jets  struck a market\nin the north of the province.",
    "Militants who have been besieging the airbase do have heavy weapons, and this is what worries the army.",
    "Will the ceasefire hold? Nobody can say, but both sides are being told to stop firing at once.",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_verbs_and_arcs_as_the_attribute_ruler_sets_them(sentence: str) -> None:
    nlp = _parser()
    with nlp.select_pipes(enable=[*_PARSE_PIPES, "attribute_ruler"]):
        ruled = nlp(sentence)
    bare = _parse_sentences(sentence, [(0, len(sentence))])[0].doc
    assert len(ruled) == len(bare)
    for a, b in zip(ruled, bare, strict=True):
        assert (a.pos_ in ("VERB", "AUX"), a.dep_, a.head.i) == (verbal(b), dep_of(b), b.head.i), a.text


def test_sentences_parsed_in_one_batch_are_parsed_as_alone() -> None:
    texts = [SENTENCES[0] + " " + SENTENCES[1], SENTENCES[2], SENTENCES[3] + " " + SENTENCES[4]]
    jobs = [(texts[0], [(0, len(SENTENCES[0])), (len(SENTENCES[0]) + 1, len(texts[0]))]),
            (texts[1], []),
            (texts[2], [(len(SENTENCES[3]) + 1, len(texts[2]))])]
    together = _parse_sentences_many(jobs)
    assert [sorted(p) for p in together] == [[0, len(SENTENCES[0]) + 1], [], [len(SENTENCES[3]) + 1]]
    for (text, spans), parsed in zip(jobs, together, strict=True):
        alone = _parse_sentences(text, spans)
        for a, _b in spans:
            x, y = parsed[a].doc, alone[a].doc
            assert [(t.text, t.tag_, t.dep_, t.head.i) for t in x] == [(t.text, t.tag_, t.dep_, t.head.i) for t in y]


REPORTS = [
    "Syrian government warplanes struck the town of Saraqeb in Idlib province on Tuesday, killing seven civilians "
    "including two children, the Syrian Observatory for Human Rights said.",
    "",
    "Islamic State militants attacked an army checkpoint near Tikrit on Sunday. Four soldiers were killed and nine "
    "were wounded in the attack, police sources said. The army and the militants then clashed for hours.",
    "Talks between the two sides resumed in Geneva on Monday.",
]


def test_a_batch_gives_each_document_its_own_events() -> None:
    docs = [Document.create(t, published="2016-03-08", published_precision="day") for t in REPORTS]
    together = list(extract_documents(docs, batch_size=4))
    assert [[e.to_dict() for e in evs] for evs in together] == \
        [[e.to_dict() for e in extract_document(d)] for d in docs]
    assert together[1] == []
    assert any(e.fatalities == 7 for e in together[0])
    assert any(e.fatalities == 4 and e.injured == 9 for e in together[2])


@pytest.mark.parametrize(("clause", "killed", "injured"), [
    ("Three soldiers and a civilian were killed in the blast.", 4, None),
    ("Five people were wounded when the shell hit the school.", None, 5),
    ("The shelling left 12 dead and 30 injured in the old city.", 12, 30),
    ("Two fighters lost their lives in the clashes, and four others were hurt.", 2, 4),
    ("Jets struck the bakery twice on Friday morning.", None, None),
])
def test_casualty_figures_with_and_without_their_closing_words(clause: str, killed: int | None,
                                                              injured: int | None) -> None:
    cas = N.find_casualties(clause)
    assert (cas.fatalities, cas.injured) == (killed, injured)


@pytest.mark.parametrize("clause", [
    "Three soldiers and a civilian were killed in the blast.",
    "Jets struck the bakery twice on Friday morning.",
    "Dozens of fighters were reported injured near the dam.",
])
def test_a_skipped_casualty_pattern_could_not_have_matched(clause: str) -> None:
    for pattern, needs in N._NEEDS:
        if needs.search(clause) is None:
            assert pattern.search(clause) is None


@pytest.mark.parametrize("text", [REPORTS[0], REPORTS[2], SENTENCES[0]])
def test_trigger_matches_kept_per_span_are_the_same_and_fresh(text: str) -> None:
    first = find_triggers(text, 0, len(text))
    assert first
    found = [(h.trigger.id, h.start, h.end) for h in first]
    first.clear()  # a caller's list is its own: the kept matches are not touched
    assert [(h.trigger.id, h.start, h.end) for h in find_triggers(text, 0, len(text))] == found
    events._matches.cache_clear()  # found afresh: the same
    assert [(h.trigger.id, h.start, h.end) for h in find_triggers(text, 0, len(text))] == found
