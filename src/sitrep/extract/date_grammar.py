"""The time-expression grammar: named regular expressions built from the lexicon
(``sitrep/data/dates.yaml``) and the pattern templates and trigger words (``sitrep/data/dates_grammar.yaml``)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from sitrep.numwords import NUMBER

# --------------------------------------------------------------------------- lexicon + grammar


def _alt(words: Iterable[str], *, upper: bool = False) -> str:
    """Regex alternation, longest first; with ``upper`` also the ALL-CAPS spelling."""
    forms: set[str] = set()
    for w in words:
        forms.add(w)
        if upper:
            forms.add(w.upper())
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(forms, key=lambda w: (-len(w), w)))


@dataclass(frozen=True)
class _Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    ordinals: dict[str, int]
    decades: dict[str, int]
    fixed_holidays: dict[str, tuple[int, int]]
    rule_holidays: dict[str, str]
    refs: dict[str, str]  # lower-cased phrase -> PRESENT | PAST | FUTURE
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    triggers: dict[str, frozenset[int]]  # lower-cased word -> indexes of the patterns it can start
    future_cue: re.Pattern[str]
    causal_due: re.Pattern[str]  # "due to" + a noun phrase: a cause ("injured due to a rocket attack")
    deadline: re.Pattern[str]
    ambiguous_months: frozenset[str]


def _data(name: str) -> dict[str, Any]:
    raw: dict[str, Any] = yaml.safe_load(resources.files("sitrep").joinpath("data", name).read_text(encoding="utf-8"))
    return raw


_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def _fill(template: str, parts: dict[str, str]) -> str:
    """``template`` with each ``{name}`` replaced by ``parts[name]`` (an unknown name fails loudly)."""
    return _PLACEHOLDER.sub(lambda m: parts[m.group(1)], template)


@functools.lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    raw = _data("dates.yaml")
    grammar = _data("dates_grammar.yaml")
    full_months = {k: int(v) for k, v in raw["months"].items()}
    abbr_months = {k: int(v) for k, v in raw["month_abbreviations"].items()}
    months = {k.lower(): v for k, v in {**full_months, **abbr_months}.items()}
    weekdays_full = {k: int(v) for k, v in raw["weekdays"].items()}
    weekdays_abbr = {k: int(v) for k, v in raw["weekday_abbreviations"].items()}
    weekdays = {k.lower(): v for k, v in {**weekdays_full, **weekdays_abbr}.items()}
    ordinals = {str(k).lower(): int(v) for k, v in raw["ordinals"].items()}
    decades = {str(k).lower(): int(v) for k, v in raw["decade_words"].items()}
    fixed = {str(k).lower(): (int(v[0]), int(v[1])) for k, v in raw["fixed_holidays"].items()}
    rules = {str(k).lower(): str(v) for k, v in raw["rule_holidays"].items()}
    refs: dict[str, str] = {}
    for key, tag in (("present_ref", "PRESENT"), ("past_ref", "PAST"), ("future_ref", "FUTURE")):
        for w in raw[key]:
            refs[" ".join(str(w).lower().split())] = tag
    holiday_names = list(raw["fixed_holidays"]) + list(raw["rule_holidays"]) + list(raw["movable_holidays"])
    mon_abbr = _alt(abbr_months, upper=True)
    parts = {
        **{k: str(v) for k, v in grammar["fragments"].items()},
        "mon_full": _alt(full_months, upper=True),
        "mon_abbr": mon_abbr,
        "wd_full": _alt(weekdays_full, upper=True),
        "nums": rf"{NUMBER}(?:\s+of)?|(?i:a\s+few|few|several)",  # "twenty-five", "a couple of"; vague: no value
        "ords": _alt(ordinals),
        "dec_words": _alt(decades),
        "parts": _alt(raw["day_parts"]),
        "seasons": _alt(raw["seasons"]),
        "holidays": _alt(holiday_names),
        "ref_words": _alt(refs),
        "i": "(?i:",  # case-insensitive group opener
    }
    parts["mon"] = rf"(?:{parts['mon_full']}|(?:{mon_abbr})\b\.?)"
    parts["wd_any"] = rf"(?:{parts['wd_full']}|(?:{_alt(weekdays_abbr, upper=True)})\b\.?)"
    patterns = tuple((str(name), re.compile(_fill(str(rx), parts))) for name, rx in grammar["patterns"])
    stop = set(grammar["ref_stopwords"])
    lists: dict[str, Iterable[str]] = {
        "months": months, "weekdays": weekdays, "seasons": raw["seasons"], "decades": decades,
        "holidays": holiday_names, "refs": [t for w in refs for t in w.split() if t not in stop],
    }
    cue = re.compile(r"(?<![\w'])(?:" + _alt(raw["future_cues"]) + r")(?![\w'])", re.IGNORECASE)
    return _Lexicon(
        months=months,
        weekdays=weekdays,
        ordinals=ordinals,
        decades=decades,
        fixed_holidays=fixed,
        rule_holidays=rules,
        refs=refs,
        patterns=patterns,
        triggers=_triggers(grammar, lists, {name: k for k, (name, _rx) in enumerate(patterns)}),
        future_cue=cue,
        causal_due=re.compile(r"\s+(?:(?:" + _alt(raw["causal_due_to"]) + r")\b|\d|\w+ing\b)", re.IGNORECASE),
        deadline=re.compile(r"(?<![\w'])(?:" + _alt(raw["deadline_prepositions"]) + r")\s+$", re.IGNORECASE),
        ambiguous_months=frozenset(str(w) for w in raw["ambiguous_months"]),
    )


def _triggers(grammar: dict[str, Any], lists: dict[str, Iterable[str]], index: dict[str, int]
              ) -> dict[str, frozenset[int]]:
    """Lower-cased word (or number class) -> indexes of the patterns it can start."""
    trig: dict[str, set[int]] = {}
    for row in grammar["triggers"]:
        words = lists[row["from"]] if "from" in row else row["words"]
        for w in words:
            for tok in re.findall(r"[a-z]+|\d+", str(w).lower() + str(row.get("suffix", ""))):
                trig.setdefault(tok, set()).update(index[n] for n in row["patterns"])
    for tok, names in grammar["tokens"].items():
        trig[str(tok)] = {index[n] for n in names}
    return {k: frozenset(v) for k, v in trig.items()}


# a charge about a plan, not a plan: "arrested three men suspected of planning a bombing", "accused of plotting"
_CHARGE_BEFORE = re.compile(r"\b(?:suspected|accused|convicted|guilty|suspicion|charged|arrested|detained|jailed)\s+"
                            r"(?:of|with|for|over)\s+$", re.IGNORECASE)


def forward_cues(text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
    """The future cues in ``text[start:end]`` ("will", "expected to", "due to visit"): not "May" (the month,
    capitalised), nor "due to" that names a cause ("injured due to a rocket attack", "due to shelling"), nor the
    plan a charge names ("arrested men suspected of planning a bombing on Tuesday": the arrest was on Tuesday)."""
    lex = _lexicon()
    end = len(text) if end is None else end
    return [c for c in lex.future_cue.finditer(text, start, end) if c.group() != "May"
            and not (c.group().lower().startswith("due") and lex.causal_due.match(text, c.end()))
            and not (c.group().lower().startswith("plan") and _CHARGE_BEFORE.search(text, max(0, c.start() - 30),
                                                                                     c.start()))]
