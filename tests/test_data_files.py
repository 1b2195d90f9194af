"""Schema checks for the packaged data files: each loads and has the keys and types its loader reads."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

DATA = resources.files("sitrep") / "data"

# file -> the top-level keys its loader reads
EXPECTED: dict[str, set[str]] = {
    "actors.yaml": {"version", "countries", "demonyms", "military"},
    "actors_world.yaml": {"version", "states", "actors"},
    "boilerplate.yaml": {"version", "exact", "patterns", "max_furniture_chars"},
    "dates.yaml": {"version", "months", "month_abbreviations", "ambiguous_months", "weekdays",
                   "weekday_abbreviations", "day_parts", "ordinals", "decade_words", "seasons", "fixed_holidays",
                   "rule_holidays", "movable_holidays", "present_ref", "past_ref", "future_ref", "future_cues",
                   "deadline_prepositions"},
    "dates_grammar.yaml": {"version", "fragments", "patterns", "triggers", "ref_stopwords", "tokens"},
    "events.yaml": {"version", "triggers", "prefixes", "generic_cues", "exclude_before_any"},
    "numwords.yaml": {"units", "tens", "scales"},
    "office_terms.yaml": {"version", "holders"},
    "resolve_methods.yaml": {"classes"},
    "resolve_signatures.yaml": {"kinds"},
    "roles.yaml": {"titles", "organisations"},
    "theatre.yaml": {"version", "theatre", "core"},
    "gazetteer/countries.yaml": {"countries"},
    "gazetteer/supplement.yaml": {"admin1", "abbreviations", "places"},
}


def _load(name: str) -> Any:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def test_every_yaml_file_is_checked() -> None:
    root = Path(str(DATA))
    found = {p.relative_to(root).as_posix() for p in root.rglob("*.yaml")}
    assert found == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_file_loads_with_its_keys(name: str) -> None:
    data = _load(name)
    assert isinstance(data, dict)
    assert EXPECTED[name] <= set(data), f"{name} lacks {sorted(EXPECTED[name] - set(data))}"


def test_theatre_profile() -> None:
    data = _load("theatre.yaml")
    for key in ("theatre", "core"):
        assert data[key] and all(isinstance(c, str) and re.fullmatch(r"[A-Z]{2}", c) for c in data[key])
    assert set(data["core"]) <= set(data["theatre"])


def test_dates_grammar_names_and_placeholders() -> None:
    from sitrep.extract.date_resolution import _HANDLERS

    g = _load("dates_grammar.yaml")
    assert all(isinstance(v, str) for v in g["fragments"].values())
    names = [p[0] for p in g["patterns"]]
    assert len(names) == len(set(names))
    assert all(isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p) for p in g["patterns"])
    assert set(names) == set(_HANDLERS), "each pattern has a handler and each handler a pattern"
    known = set(g["fragments"]) | {"mon", "mon_full", "mon_abbr", "wd_full", "wd_any", "ords", "dec_words", "parts",
                                   "seasons", "holidays", "ref_words", "nums", "i"}
    for name, rx in g["patterns"]:
        assert set(re.findall(r"\{([a-z_]+)\}", rx)) <= known, name
    lists = {"months", "weekdays", "seasons", "decades", "holidays", "refs"}
    for row in g["triggers"]:
        assert ("from" in row) != ("words" in row)
        assert row.get("from", "months") in lists
        assert set(row["patterns"]) <= set(names)
    assert all(set(v) <= set(names) for v in g["tokens"].values())


def test_date_lexicon_builds() -> None:
    from sitrep.extract.date_grammar import _lexicon

    lex = _lexicon()
    assert len(lex.patterns) == len(_load("dates_grammar.yaml")["patterns"])
    assert lex.triggers["yesterday"] and lex.triggers["<d4>"]
