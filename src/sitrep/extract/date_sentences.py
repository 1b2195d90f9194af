"""Sentence bounds and the forward-looking contexts ("will meet on Friday", deadlines) of time expressions."""

from __future__ import annotations

import functools
import re

from sitrep.records import TimeMention

from .date_grammar import _lexicon, forward_cues
from .date_values import FUTURE_SUFFIX

# --------------------------------------------------------------------------- sentences


# the last word of a photo credit a caption ends on ("... June 18 2016 (TRT World and Agencies)", "(AFP photo)")
CREDIT_WORDS = r"photo|picture|file\s+photo|photograph|agencies"
# a sentence ends at a stop, a blank line, a line break before a capital, or a caption's credit glued to the next
# sentence with no stop ("... in Syria June 18 2016 (TRT World and Agencies) The death toll ...": the caption's date
# is not the next sentence's)
_SENT_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*\n|\n(?=\s*[A-Z\"“])|"
                       r"(?i:(?<=photo)|(?<=picture)|(?<=photograph)|(?<=agencies))\)\s+(?=[\"“]?[A-Z])")
_ABBREV_END = re.compile(
    r"(?:\b[A-Z]|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Capt|Maj|"
    r"Rep|Sen|Gov|Prof|No|U\.S|U\.N|Inc|Corp|Co|Ltd|vs|etc|Jr|Sr))\.$"
)


def sentence_bounds(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """The (start, end) of the sentence holding ``text[start:end]`` (a light, abbreviation-aware split)."""
    return _sentence_bounds(text, start, start if end is None else end)


# the dates of a document ask for the sentence of one span several times (each expression's context, each event's
# date): found once, kept for the last few thousand spans
@functools.lru_cache(maxsize=4096)
def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = 0
    for m in _SENT_END.finditer(text, max(0, start - 600), min(len(text), start + 2)):
        if m.end() > start:
            break
        if m.group().startswith(".") and _ABBREV_END.search(text, max(0, m.start() - 6), m.start() + 1):
            continue
        lo = m.end()
    hi = len(text)
    # a span that ends with its sentence's own full stop ("... the media outlet added.") ends that sentence
    for m in _SENT_END.finditer(text, max(start, end - 1), min(len(text), end + 1200)):
        if m.group().startswith(".") and _ABBREV_END.search(text, max(0, m.start() - 6), m.start() + 1):
            continue
        hi = m.start() + 1
        break
    return lo, hi


_CREDIT_AT_END = re.compile(rf"\((?:[\w\-]+\s+){{0,3}}(?:{CREDIT_WORDS})\)$", re.I)


def is_caption(text: str, lo: int, hi: int) -> bool:
    """Is the sentence ``text[lo:hi]`` a photo caption (it ends on a photo credit: "Jets are seen at the air base
    June 18 2016 (TRT World and Agencies)")? It tells what a photo shows, not what the story reports."""
    return _CREDIT_AT_END.search(text.rstrip(), lo, min(hi, len(text.rstrip()))) is not None


def in_caption(text: str, pos: int) -> bool:
    """Is ``text[pos]`` in a photo caption (:func:`is_caption`)? Its date is the photo's, not the story's."""
    return is_caption(text, *sentence_bounds(text, pos))


def _paragraph_start(text: str, pos: int) -> int:
    k = text.rfind("\n", 0, pos)
    return 0 if k < 0 else k + 1


_REPORTED = re.compile(r"\b(?:said|says|told|tells|announced|reported|added|stated|confirmed|noted|wrote)\b",
                       re.IGNORECASE)


def future_context(text: str, start: int, end: int | None = None, reach: int = 60) -> bool:
    """Whether the clause just before ``text[start:end]`` points forward (will, expected to, upcoming, next...).

    Only cue words within ``reach`` characters of the expression, in the same sentence and not followed
    by a reporting verb ("will ..., he said Friday"), count.
    """
    if deadline_context(text, start):
        return True
    lo, _ = sentence_bounds(text, start, end)
    w0 = max(lo, start - reach)
    window = text[w0:start]
    cut = max(window.rfind(";"), window.rfind(" while "), window.rfind(" but "))
    if cut >= 0:
        w0 += cut + 1  # a cue in an earlier, different clause does not count
    cues = forward_cues(text, w0, start)
    if not cues:
        return False
    return not _REPORTED.search(text, cues[-1].end(), start)


def deadline_context(text: str, start: int) -> bool:
    """A deadline or target right before the expression: "by Jan. 14", "until Tuesday", "effective June 1"; not
    "by" in a clause told in the past (:func:`past_deadline`)."""
    return bool(_lexicon().deadline.search(text, max(0, start - 16), start)) and not past_deadline(text, start)


def is_future(m: TimeMention) -> bool:
    """True for an expression that points after the publication date or sits in a forward-looking clause."""
    return m.method.endswith(FUTURE_SUFFIX)


_BY_BEFORE = re.compile(r"(?<![\w'])by\s+$", re.IGNORECASE)
_PAST_AUX = re.compile(r"\b(?:had|was|were|did)\b", re.IGNORECASE)
_INFINITIVE = re.compile(r"\bto\s+\w+", re.IGNORECASE)


def past_deadline(text: str, start: int, end: int | None = None) -> bool:
    """"by <time>" in a clause told in the past: what was so by then, not a target ("troops had retaken the village
    by Tuesday evening", "By Friday night 40 were dead", "the town was in army hands by Sunday").  The clause has a
    past auxiliary (had, was, were, did) on either side of the time and no future cue; a "to" + verb between the
    auxiliary and the time puts the deadline on what is to be done ("were told to leave by Tuesday")."""
    end = start if end is None else end
    if not _BY_BEFORE.search(text, max(0, start - 6), start):
        return False
    lo, hi = sentence_bounds(text, start, end)
    if forward_cues(text, lo, hi):
        return False
    before = text[max(lo, start - 80) : start]
    cut = max(before.rfind(";"), before.rfind(" but "), before.rfind(" while "))
    before = before[cut + 1 :]
    aux = list(_PAST_AUX.finditer(before))
    if aux and not _INFINITIVE.search(before, aux[-1].end()):
        return True
    after = text[end : min(hi, end + 60)]
    after = after.split(";", 1)[0]
    return _PAST_AUX.search(after) is not None
