"""Splitting a file that holds several articles pasted one after another (``split_articles``) and cleaning
their lines (``clean_lines``)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sitrep.ingest.clean import _TITLE_PREFIX, _is_caption, _is_dateline, _is_titlelike, _norm_line, is_furniture

# --------------------------------------------------------------------------- splitting and cleaning


@dataclass(frozen=True, slots=True)
class Part:
    """One article found in a text: its headline (if any) and its lines (not yet cleaned)."""

    title: str | None
    lines: tuple[str, ...]


def _header_signals(lines: Sequence[str], i: int) -> bool:
    """Does the title-like line ``i`` open an article header rather than a section heading?

    Between a headline and its body, pages print captions, furniture ("TT", "20", share bars)
    and often the headline again; the body may open with a dateline or byline. A section
    heading is followed straight by body text.
    """
    key = _norm_line(lines[i])
    signal = False
    for j in range(i + 1, min(len(lines), i + 30)):
        s = lines[j].strip()
        if not s:
            continue
        if _norm_line(s) == key or is_furniture(s):
            signal = True
            continue
        if _is_caption(s):
            continue
        return signal or _is_dateline(s)  # the first body line
    return signal


def split_articles(text: str) -> list[Part]:
    """Split a text that may hold several articles; each part keeps its headline separately.

    A new article starts at a title-like line after at least 300 characters of body text that
    either follows a separator line ("-----", "* * *") or follows a blank line and has a
    headline's header (``_header_signals``).
    """
    lines = text.split("\n")
    first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if first is None:
        return []
    starts = [first]
    head = lines[first].strip()
    prose = 0 if _is_titlelike(head) or is_furniture(head) or _is_caption(head) else len(head)
    for i in range(first + 1, len(lines)):
        s = lines[i].strip()
        if not s:
            continue
        if prose >= 300 and _is_titlelike(s) and (_after_separator(lines, i) or (
                not lines[i - 1].strip() and _header_signals(lines, i))):
            starts.append(i)
            prose = 0
            continue
        if not is_furniture(s) and not _is_caption(s):
            prose += len(s)
    parts: list[Part] = []
    for k, (a, b) in enumerate(zip(starts, [*starts[1:], len(lines)], strict=True)):
        chunk = lines[a:b]
        head = lines[a].strip()
        title = None
        if _is_titlelike(head) and (k > 0 or _first_title_ok(lines, a)):
            title = _TITLE_PREFIX.sub("", head).strip()
            chunk = chunk[1:]
        parts.append(Part(title, tuple(chunk)))
    return parts


_SEPARATOR = re.compile(r"^\s*(?:[-=*_#~•·]\s*){3,}$")


def _after_separator(lines: Sequence[str], i: int) -> bool:
    """Line ``i`` follows a separator line ("-----", "* * *", "====") with only blanks between."""
    j = i - 1
    while j >= 0 and not lines[j].strip():
        j -= 1
    return j >= 0 and bool(_SEPARATOR.match(lines[j]))


def _first_title_ok(lines: Sequence[str], i: int) -> bool:
    """The first line of a text is a headline when it is marked "Title:", or a blank line, a
    caption, furniture or a dateline follows it."""
    if _TITLE_PREFIX.match(lines[i].strip()):
        return True
    nxt = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None)
    if nxt is None:
        return False
    return nxt > i + 1 or _is_caption(lines[nxt]) or _header_signals(lines, i)


def clean_lines(lines: Iterable[str], title: str | None = None) -> tuple[list[str], list[str]]:
    """Drop furniture, repeats of the title and of earlier lines; collapse blank runs.

    Returns (kept lines, caption lines seen) — captions stay in the text once.
    """
    title_key = _norm_line(title) if title else None
    seen: set[str] = set()
    kept: list[str] = []
    captions: list[str] = []
    for line in lines:
        s = line.strip()
        if not s:
            if kept and kept[-1] != "":
                kept.append("")
            continue
        key = _norm_line(s)
        if key == title_key or is_furniture(s):
            continue
        if _is_caption(s):
            captions.append(s)
        if key in seen:
            continue
        seen.add(key)
        kept.append(s)
    while kept and kept[-1] == "":
        kept.pop()
    return kept, captions
