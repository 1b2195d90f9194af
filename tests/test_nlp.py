"""The shared spaCy pipeline: cached, entity ruler before NER."""

from __future__ import annotations

from sitrep.extract.nlp import get_nlp, sentence_spans


def test_pipeline_is_cached_and_ruler_runs_before_ner() -> None:
    nlp = get_nlp()
    assert nlp is get_nlp()
    names = nlp.pipe_names
    assert names.index("sitrep_gazetteer_ruler") < names.index("ner")


def test_palmyra_is_not_a_person() -> None:
    doc = get_nlp()("Islamic State fighters ambushed US troops near Palmyra on Saturday, killing three.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get("Palmyra") in ("GPE", "LOC")


def test_syrian_places_tagged() -> None:
    doc = get_nlp()("Clashes erupted near al-Shaafa and Baghouz, east of the Al-Omar oil field, and in Sayyida Zaynab.")
    texts = {e.text for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")}
    assert {"al-Shaafa", "Baghouz", "Al-Omar oil field", "Sayyida Zaynab"} <= texts


def test_person_names_left_to_ner() -> None:
    doc = get_nlp()("George Washington crossed the Delaware.")
    assert all(not (e.text == "Washington" and e.label_ == "GPE") for e in doc.ents)


def test_sentence_spans() -> None:
    text = "Shelling hit Idlib on Monday. Two civilians were killed in Ariha."
    spans = sentence_spans(text)
    assert len(spans) == 2
    assert text[spans[1][0]:spans[1][1]] == "Two civilians were killed in Ariha."
