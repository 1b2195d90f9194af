"""Sources -> raw articles: files, folders, globs, feeds, channel exports, tables and URLs.

``iter_raw(paths)`` yields one ``RawArticle`` per article found and one ``IngestError`` per input
(file, row, line, item, URL) that could not be read; it never raises on bad input. Cleaning,
splitting, dating and ids happen afterwards in ``sitrep.documents.prepare``.
"""

from __future__ import annotations

from importlib import resources

from sitrep.ingest.fetch import Fetched, Fetcher, FetchError, HttpFetcher
from sitrep.ingest.readers import Limits, resolve_mapping
from sitrep.ingest.records import IngestError, RawArticle
from sitrep.ingest.sources import expand, iter_raw

__all__ = [
    "Fetched",
    "FetchError",
    "Fetcher",
    "HttpFetcher",
    "IngestError",
    "Limits",
    "RawArticle",
    "expand",
    "iter_raw",
    "parse_mapping",
    "resolve_mapping",
    "sample_corpus_paths",
]


def parse_mapping(pairs: list[str] | tuple[str, ...]) -> dict[str, str]:
    """CLI form ``["text=article_content", "title=headline"]`` -> ``{"text": "article_content", ...}``."""
    out: dict[str, str] = {}
    for pair in pairs:
        for part in pair.split(","):
            if not part.strip():
                continue
            key, sep, col = part.partition("=")
            if not sep or not key.strip() or not col.strip():
                raise ValueError(f"bad mapping {part!r}: use FIELD=COLUMN, e.g. text=article_content")
            out[key.strip()] = col.strip()
    resolve_mapping(list(out.values()), out)  # validates the field names
    return out


def sample_corpus_paths() -> list[str]:
    """The bundled demo corpus: the seed articles and a FA-KES sample (see data/sample/README.md)."""
    root = resources.files("sitrep").joinpath("data", "sample")
    return sorted(str(p) for p in root.iterdir() if p.name.endswith((".txt", ".csv")))
