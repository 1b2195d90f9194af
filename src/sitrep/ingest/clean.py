"""Cleaning: page furniture (``data/boilerplate.yaml`` and general rules), line classes (titles, captions,
datelines) and HTML to text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from sitrep.ingest.pubdate import _data_text, _leading_date

# --------------------------------------------------------------------------- lexicons


@dataclass(frozen=True)
class _Boilerplate:
    exact: frozenset[str]
    pattern: re.Pattern[str] | None
    max_chars: int


@lru_cache(maxsize=1)
def _boilerplate() -> _Boilerplate:
    spec = yaml.safe_load(_data_text("boilerplate.yaml")) or {}
    exact = frozenset(_furniture_key(str(s)) for s in spec.get("exact") or ())
    pats = [str(p) for p in spec.get("patterns") or ()]
    pattern = re.compile("|".join(f"(?:{p})" for p in pats), re.I) if pats else None
    return _Boilerplate(exact, pattern, int(spec.get("max_furniture_chars", 3)))


def _furniture_key(line: str) -> str:
    return re.sub(r"[\s:!.?|•·\-–—]+$", "", " ".join(line.split()).casefold())


def is_furniture(line: str) -> bool:
    """Page furniture: share bars, comment forms, counters, font widgets ("TT", "20")."""
    s = line.strip()
    if not s:
        return False
    bp = _boilerplate()
    compact = re.sub(r"\s+", "", s)
    if len(compact) <= bp.max_chars:
        return True
    if not any(ch.isalpha() for ch in s):
        return True
    if re.fullmatch(r"(?:[A-Z]{1,2}\s*){1,3}", s) and len(compact) <= 4:
        return True
    key = _furniture_key(s)
    if key in bp.exact:
        return True
    return bool(bp.pattern and len(s) <= 300 and bp.pattern.fullmatch(s.rstrip(" .!")))


# --------------------------------------------------------------------------- line classes

_SENTENCE_END = re.compile(r"[.!:;,\"”’)]\s*$")
_CAPTION_CREDIT = re.compile(r"\((?:[^()]{1,80})\)\s*$")
_CAPTION_START = re.compile(r"^(?:photo|file photo|image|picture|caption|illustration)\b\s*[:–—-]", re.I)
_DATELINE = re.compile(
    r"^(?:[A-Z][\w'’.\-]*(?:[ /][A-Z][\w'’.\-]*){0,4}(?:,\s*[A-Z][\w'’.\-]*(?:\s[A-Z][\w'’.\-]*){0,2})?"
    r"(?:,\s*[^–—\-(]{0,40})?\s*(?:\([A-Za-z .]{2,40}\)\s*)?[–—-]\s+\S)"
)
_BYLINE = re.compile(r"^(?:By|BY|Written by|Reporting by)\s+[A-Z]")
_TITLE_PREFIX = re.compile(r"^(?:title|headline)\s*:\s*", re.I)


def _norm_line(line: str) -> str:
    return " ".join(line.split()).casefold()


def _is_titlelike(line: str) -> bool:
    s = _TITLE_PREFIX.sub("", line.strip())
    if not s or is_furniture(s) or len(s) > 200:
        return False
    words = s.split()
    if not 2 <= len(words) <= 30:
        return False
    if not (s[0].isupper() or s[0].isdigit() or s[0] in "\"“'‘"):
        return False
    if _SENTENCE_END.search(s) and not s.endswith("?"):
        return False
    return not _is_caption(s)


def _is_caption(line: str) -> bool:
    s = line.strip()
    return bool(_CAPTION_START.match(s) or (_CAPTION_CREDIT.search(s) and len(s) >= 20))


def _is_dateline(line: str) -> bool:
    s = line.strip()
    return bool(_DATELINE.match(s) or _BYLINE.match(s) or _leading_date(s) is not None)


# --------------------------------------------------------------------------- HTML


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def html_to_text(html: str, url: str | None = None) -> tuple[str, dict[str, str]]:
    """The article text of an HTML page or fragment and its metadata (title, date, sitename, url)."""
    import trafilatura

    html = _XML_ILLEGAL.sub(" ", html)  # NUL and C0 controls: lxml refuses them, no article needs them
    meta: dict[str, str] = {}
    text = ""
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # trafilatura raises many kinds of errors on broken markup
        doc = None
    if doc is not None:
        text = str(getattr(doc, "text", "") or "")
        for key in ("title", "date", "sitename", "url", "hostname"):
            value = getattr(doc, key, None)
            if value:
                meta[key] = str(value)
    fallback = _html_fragment_text(html)
    if len(text) < 0.3 * len(fallback) and len(fallback) < 20000:
        text = fallback  # a fragment (feed description) that trafilatura judged too short
    return text, meta


_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "article",
               "section", "figcaption", "pre", "td", "header", "footer"}


def _html_fragment_text(html: str) -> str:
    import lxml.html
    from lxml_html_clean import Cleaner

    try:
        root = lxml.html.fromstring(html)
        root = Cleaner(scripts=True, javascript=True, style=True, comments=True, forms=True,
                       page_structure=False).clean_html(root)
    except Exception:  # unparsable markup: strip tags crudely
        return re.sub(r"<[^>]+>", " ", html)
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
    return str(root.text_content())
