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


# -- session 12: BLAS backend and threads, trigger openings, kept answers -------------------------------------------

# sentences written for these tests: short words a pattern spells out ("an", "the"), a hyphenated word (no word start),
# spaces before a trigger's word, words with letters beyond ASCII, a trigger cut by the span's end
GATED = [
    "An attack on the checkpoint near the dam left pro-government fighters clashing with rebels until dawn.",
    "   fierce  fighting broke out again, and toxic gas was reported in two villages after the shelling.",
    "Troops of the army seized Tall Abyaḍ and Aïn al-Arab was struck by warplanes on Friday.",
    "Police arrested three men who had planted a roadside bomb; no one was killed in the blast.",
    "The talks were held in a hotel where delegates met with the envoy to discuss the truce.",
]


def _every_match(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    return sorted((t.id, *m.span()) for t in events.load_lexicon().triggers for m in t.regex.finditer(text, start, end))


@pytest.mark.parametrize("text", GATED)
def test_trigger_openings_skip_no_match(text: str) -> None:
    # the whole sentence, and spans that start or end inside it (a lookbehind sees before the span, a match may not
    # pass its end)
    spans = [(0, len(text)), (3, len(text) - 7), (text.find(" ") + 1, len(text) // 2), (len(text) // 3, len(text))]
    for a, b in spans:
        assert sorted((t.id, s, e) for t, s, e, _x in events._scan(text, a, b)) == _every_match(text, a, b), (a, b)


def test_every_trigger_match_starts_on_one_of_its_openings() -> None:
    lexicon = events.load_lexicon().triggers
    assert sum(t.openings is not None for t in lexicon) >= len(lexicon) - 2  # almost every trigger is gated
    for text in GATED + SENTENCES + REPORTS:
        for t in lexicon:
            for m in t.regex.finditer(text):
                if t.openings is not None:
                    word = events._WORD_START.match(text, m.start() + len(m.group()) - len(m.group().lstrip()))
                    assert word is not None and word.group()[:events._OPENING].lower() in t.openings, (t.id, m)


def test_words_beyond_ascii_turn_the_gate_off() -> None:
    text = GATED[2]
    assert events._openings_of(text, 0, len(text)) is None
    assert events._openings_of(text, 0, text.index("Abya")) == {"tro", "of", "the", "arm", "sei", "tal"}


def test_kept_genericity_and_sentence_bounds_are_fresh_answers() -> None:
    from sitrep.extract.date_sentences import _sentence_bounds, sentence_bounds

    text = REPORTS[2]
    hits = find_triggers(text, 0, len(text))
    first = [events.genericity(text, h, (0, len(text))) for h in hits]
    bounds = [sentence_bounds(text, h.start, h.end) for h in hits]
    events.genericity.cache_clear()
    _sentence_bounds.cache_clear()
    assert [events.genericity(text, h, (0, len(text))) for h in hits] == first
    assert [sentence_bounds(text, h.start, h.end) for h in hits] == bounds
    assert sentence_bounds(text, 40) == sentence_bounds(text, 40, 40) == (0, text.index(".") + 1)


def test_models_multiply_through_numpy_blas() -> None:
    from sitrep.extract.nlp import get_nlp

    for parse in (False, True):
        nlp = get_nlp(parse=parse)
        for _name, pipe in nlp.pipeline:
            model = getattr(pipe, "model", None)
            if model is not None and hasattr(model, "walk"):
                assert model.ops.use_blis is False
    doc = get_nlp()(REPORTS[0])
    assert "Saraqeb" in [e.text for e in doc.ents]


def _blas_threads(env_value: str | None) -> str:
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS",
                                                            "MKL_NUM_THREADS")}
    if env_value is not None:
        env["OPENBLAS_NUM_THREADS"] = env_value
    code = ("import os, sys; import sitrep.cli; assert 'numpy' not in sys.modules; "
            "print(os.environ['OPENBLAS_NUM_THREADS'])")
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                          check=True).stdout.strip()


def test_the_command_asks_for_one_blas_thread_unless_told() -> None:
    assert _blas_threads(None) == "1"
    assert _blas_threads("4") == "4"


def _worker_blas_threads(_item: int) -> str | None:
    import os

    return os.environ.get("OPENBLAS_NUM_THREADS")


def test_pool_workers_run_one_blas_thread() -> None:
    import os

    from sitrep.engines.processes import ProcessEngine

    saved = os.environ.pop("OPENBLAS_NUM_THREADS", None)
    try:
        with ProcessEngine(workers=1, warmup=None) as engine:
            assert list(engine.map(_worker_blas_threads, [0])) == ["1"]
    finally:
        if saved is not None:
            os.environ["OPENBLAS_NUM_THREADS"] = saved
