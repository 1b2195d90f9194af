"""Raw article -> Documents: HTML extraction, cleaning, splitting, publication date, ids, near-duplicates.

This module keeps ``prepare`` (and text normalisation, language) and re-exports the concerns, which
live in ``sitrep.ingest.clean`` (furniture, line classes, HTML), ``sitrep.ingest.split`` (several articles
in one file), ``sitrep.ingest.pubdate`` (dates in text, publication date) and ``sitrep.ingest.dedup`` (MinHash).

``prepare(raw)`` is a pure function (no store, no network): it turns one ``RawArticle`` into
zero or more ``Document`` records. An empty list means the input held no article text.

* **Cleaning** drops page furniture (``data/boilerplate.yaml`` plus general rules: lines of at
  most three characters, lines without letters), exact repeats of a line (a photo caption
  printed twice, a repeated headline) and collapses blank runs.
* **Splitting**: a file may hold several articles pasted one after another. A new article
  starts at a title-like line (short, no sentence punctuation, after a blank line, with prose
  before it) whose header shows it is a headline: the same line repeated within the next
  lines, page furniture before the body, or a dateline/byline opening the next paragraph.
  Section headings inside one article have none of these and do not split.
* **Publication date**, first rule that gives one:
  ``metadata`` (feed, CSV column, HTML meta; day precision when it has a day),
  ``dateline`` ("Washington, December 15, 2025 –", "Wed 05 Apr 2017", "Published: ..."; day),
  ``caption`` (a dated photo caption: the photo date, so month precision),
  ``inferred`` (the latest explicit date the text mentions, or the date implied by "since taking
  office N months ago" with ``data/office_terms.yaml``; never a future date, never a date in a
  forward-looking phrase; month precision, year when only a year is known), else ``unknown``.
  Scholarly papers and reports (Abstract/Introduction/References...) are not dated from their
  content: they are written any time after the events they discuss.
* **Near-duplicates**: ``signature(text)`` is a MinHash of word 5-shingles and ``NearDupIndex``
  finds, by LSH banding, an earlier document whose estimated Jaccard similarity is at least the
  threshold (default 0.7; docs/bench/ingest.md says how it was chosen on FA-KES)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import replace
from functools import lru_cache

import ftfy
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from sitrep.config import default
from sitrep.ingest.clean import _norm_line, html_to_text, is_furniture
from sitrep.ingest.dedup import DEFAULT_THRESHOLD, NearDupIndex, mark_duplicates, signature, signature_similarity
from sitrep.ingest.pubdate import PubDate, find_explicit_dates, is_paper, parse_date_string, publication_date
from sitrep.ingest.records import RawArticle
from sitrep.ingest.split import clean_lines, split_articles
from sitrep.records import Document

__all__ = [
    "DEFAULT_THRESHOLD",
    "NearDupIndex",
    "PubDate",
    "clean_lines",
    "find_explicit_dates",
    "guess_language",
    "html_to_text",
    "is_furniture",
    "is_paper",
    "mark_duplicates",
    "normalise_text",
    "parse_date_string",
    "prepare",
    "publication_date",
    "signature",
    "signature_similarity",
    "split_articles",
]

MAX_TEXT_CHARS: int = default("max_doc_chars")  # longer inputs are cut (an article is rarely above 100k characters)
MIN_ARTICLE_CHARS = 20


# --------------------------------------------------------------------------- prepare


def normalise_text(text: str, max_chars: int = MAX_TEXT_CHARS) -> str:
    """The first ``max_chars`` characters: mojibake repaired, NFC, unified newlines, no control characters or
    zero-width marks, trimmed line ends."""
    text = unicodedata.normalize("NFC", ftfy.fix_text(text[:max_chars], _FTFY))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = re.sub(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]", "", text)
    text = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", " ", text)
    text = text.replace("\u00a0", " ").replace("\t", " ")
    return "\n".join(line.rstrip() for line in text.split("\n"))


# Mojibake repair only ("regimeâ€™s" -> "regime’s"); quotes, ligatures, widths and line breaks stay as written.
_FTFY = ftfy.TextFixerConfig(
    unescape_html=False, remove_terminal_escapes=False, fix_latin_ligatures=False, fix_character_width=False,
    uncurl_quotes=False, fix_line_breaks=False, remove_control_chars=False, normalization=None, explain=False,
)
_LANGUAGE_MIN_CONFIDENCE = 0.2  # below it (a few words, a headline of names) the language is "und"


@lru_cache(maxsize=1)
def _language_identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True, min_confidence=_LANGUAGE_MIN_CONFIDENCE)


def guess_language(text: str) -> str:
    """ISO 639 code from py3langid (its model ships inside the package), or "und" when unsure."""
    sample = text[:1000]  # enough for the identifier (the cost grows with the length: 0.3 ms/doc here)
    if not any(c.isalpha() for c in sample):
        return "und"
    lang, _confidence = _language_identifier().classify(sample)
    return "und" if lang in ("und", "zxx") else str(lang)


def prepare(raw: RawArticle, *, today: dt.date | None = None, max_chars: int = MAX_TEXT_CHARS) -> list[Document]:
    """RawArticle -> its Documents (usually one; several when the text holds several articles).

    Returns an empty list when no article text is left after extraction and cleaning.
    """
    text = raw.text
    title, source, url, published = raw.title, raw.source, raw.url, raw.published
    if raw.is_html:
        text, meta = html_to_text(text, raw.url)
        title = title or meta.get("title")
        source = source or meta.get("sitename") or meta.get("hostname")
        url = url or meta.get("url")
        published = published or meta.get("date")
    text = normalise_text(text, max_chars)
    parts = split_articles(text)
    if len(parts) > 1 and raw.title:
        # a title given by the source names the first article only
        parts[0] = replace(parts[0], title=parts[0].title or raw.title)
    docs: list[Document] = []
    for k, part in enumerate(parts):
        part_lines = part.lines
        part_title = part.title
        if len(parts) == 1 and title:
            # the source named the title: a different headline-like first line stays in the text
            if part.title and _norm_line(part.title) != _norm_line(title):
                part_lines = (part.title, *part.lines)
            part_title = title
        lines, captions = clean_lines(part_lines, part_title)
        body = "\n".join(lines).strip()
        if len(body) < MIN_ARTICLE_CHARS:
            continue
        pub = publication_date(lines, metadata=published, captions=captions, today=today)
        origin = raw.origin if len(parts) == 1 else f"{raw.origin}#part{k + 1}"
        docs.append(
            Document.create(
                body,
                title=part_title,
                source=source,
                url=url,
                language=raw.language or guess_language(body),
                published=pub.value,
                published_precision=pub.precision,
                published_method=pub.method,
                origin=origin,
            )
        )
    return docs
