"""English number words: the one reader the package uses for tolls, relative dates and publication dates.

``parse_number`` turns a spelled quantity into an int: "seventeen" 17, "twenty-five" and "twenty five"
25, "one hundred and twelve" 112, "a hundred" 100, "three thousand" 3000, "a dozen" 12, "two dozen" 24,
"a couple (of)" 2, "a pair" 2, "a score" 20, and the vague plurals as ACLED codes them ("dozens" 12,
"tens" 10, "hundreds" 100). ``NUMBER`` is the regular expression of an exact spelled number (vague
plurals are ``VAGUE_PLURAL``), to embed in larger patterns; it matches what ``parse_number`` reads.
The words live in ``data/numwords.yaml``.
"""

from __future__ import annotations

import re
from importlib import resources

import yaml

__all__ = ["NUMBER", "VAGUE_PLURAL", "parse_number"]


def _load() -> dict[str, dict[str, int]]:
    raw = yaml.safe_load(resources.files("sitrep").joinpath("data", "numwords.yaml").read_text(encoding="utf-8"))
    return {section: {str(k).lower(): int(v) for k, v in words.items()} for section, words in raw.items()}


_W = _load()
_UNITS, _TENS, _SCALES = _W["units"], _W["tens"], _W["scales"]
_MULTIPLIERS, _VAGUE = _W["multipliers"], _W["vague_plurals"]
_VALUES: dict[str, int] = {**_UNITS, **_TENS}


def _alt(words: dict[str, int]) -> str:
    return "(?:" + "|".join(sorted(words, key=lambda w: (-len(w), w))) + r")\b"


def _grammar() -> str:
    sep = r"[\s-]+"
    digit = _alt({w: v for w, v in _UNITS.items() if 1 <= v <= 9})
    below100 = rf"(?:{_alt(_TENS)}(?:{sep}{digit})?|{_alt(_UNITS)})"
    level = rf"(?:an?\b|{below100})"  # "a", "an", "seventeen", "twenty-five"
    tail = below100
    for scale, _value in sorted(_SCALES.items(), key=lambda kv: kv[1]):  # hundred, then thousand
        # "a hundred", "one hundred and twelve", "three thousand five hundred"
        level = rf"(?:{level}(?:{sep}{scale}\b(?:{sep}(?:and{sep})?{tail})?)?)"
        tail = level
    grouped = rf"(?:an?\b|{below100}){sep}{_alt(_MULTIPLIERS)}"  # "a dozen", "two dozen", "a couple"
    return rf"(?i:{grouped}|{level})"


NUMBER = _grammar()
VAGUE_PLURAL = rf"(?i:{_alt(_VAGUE)})"
_NUMBER_RE = re.compile(NUMBER)
_TRAILING_OF = re.compile(r"\s+of$")


def parse_number(text: str) -> int | None:
    """The value of one spelled number ("two dozen" 24), vague plural ("hundreds" 100) or ASCII digits.

    A trailing "of" is allowed ("a couple of", "dozens of"). None when the text is anything else,
    including a sequence that is not one number ("five twenty", "two three").
    """
    s = _TRAILING_OF.sub("", " ".join(text.lower().split()))
    if s.isascii() and s.isdigit():
        return int(s)
    if s in _VAGUE:
        return _VAGUE[s]
    if not _NUMBER_RE.fullmatch(s):
        return None
    total, current = 0, 0
    for word in re.findall(r"[a-z]+", s):
        if word in ("a", "an"):
            current = 1
        elif word in _VALUES:
            current += _VALUES[word]
        elif word in _MULTIPLIERS:
            current = max(current, 1) * _MULTIPLIERS[word]
        elif _SCALES.get(word, 1000) < 1000:  # "hundred" multiplies the current group ("two hundred thousand")
            current = max(current, 1) * _SCALES[word]
        elif word in _SCALES:
            total += max(current, 1) * _SCALES[word]
            current = 0
    return total + current
