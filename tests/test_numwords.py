"""The one number-word reader (sitrep.numwords) and the three places that use it: tolls, relative dates and
publication dates."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from sitrep.documents import publication_date
from sitrep.extract.dates import find_dates
from sitrep.extract.numbers import find_casualties, parse_count
from sitrep.numwords import NUMBER, VAGUE_PLURAL, parse_number

FORMS: list[tuple[str, int | None]] = [
    # units and teens
    ("zero", 0), ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7),
    ("eight", 8), ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12), ("thirteen", 13),
    ("fourteen", 14), ("fifteen", 15), ("sixteen", 16), ("seventeen", 17), ("eighteen", 18), ("nineteen", 19),
    # tens and compounds, hyphenated and spaced
    ("twenty", 20), ("thirty", 30), ("forty", 40), ("fifty", 50), ("sixty", 60), ("seventy", 70),
    ("eighty", 80), ("ninety", 90), ("twenty-five", 25), ("twenty five", 25), ("thirty-one", 31),
    ("forty two", 42), ("ninety-nine", 99), ("Twenty-Five", 25), ("SEVENTY SEVEN", 77),
    # "a" / "an" alone
    ("a", 1), ("an", 1),
    # hundreds and thousands
    ("a hundred", 100), ("one hundred", 100), ("hundred", None), ("one hundred and twelve", 112),
    ("one hundred twelve", 112), ("two hundred", 200), ("two hundred and fifty", 250),
    ("three hundred forty-five", 345), ("twelve hundred", 1200), ("a thousand", 1000), ("three thousand", 3000),
    ("three thousand five hundred", 3500), ("two thousand and twenty-five", 2025), ("ten thousand", 10000),
    ("two hundred thousand", 200000),
    ("nine hundred and ninety-nine thousand nine hundred and ninety-nine", 999999),
    # group words multiply
    ("a dozen", 12), ("one dozen", 12), ("two dozen", 24), ("three dozen", 36), ("half", None),
    ("a couple", 2), ("a couple of", 2), ("couple", None), ("a pair", 2), ("a pair of", 2), ("a score", 20),
    ("four score", 80), ("four-score", 80), ("dozen", None),
    # vague plurals, coded as ACLED codes them (DESIGN.md)
    ("dozens", 12), ("dozens of", 12), ("tens", 10), ("hundreds", 100), ("Hundreds of", 100),
    ("scores", 20), ("thousands", 1000),
    # digits pass through
    ("17", 17), ("0", 0),
    # not one number
    ("", None), ("five twenty", None), ("two three", None), ("twenty and five", None), ("the", None),
    ("dozen two", None), ("hundred hundred", None), ("fifteen-five", None), ("a a", None), ("one two", None),
    ("١٧", None), ("seventeenth", None), ("tenth", None),
]


@pytest.mark.parametrize(("text", "value"), FORMS)
def test_parse_number(text: str, value: int | None) -> None:
    assert parse_number(text) == value


def test_the_table_is_large() -> None:
    assert len(FORMS) >= 60


@pytest.mark.parametrize(("text", "value"), [(t, v) for t, v in FORMS if v is not None and not t.isdigit()])
def test_the_pattern_matches_what_the_reader_reads(text: str, value: int) -> None:
    """NUMBER (or VAGUE_PLURAL) matches each readable form whole, so patterns built on it see the whole number."""
    assert re.fullmatch(rf"{NUMBER}|{VAGUE_PLURAL}(?:\s+of)?|{NUMBER}\s+of", text), text


@pytest.mark.parametrize(
    ("text", "value"),
    [("a dozen", 12), ("two dozen", 24), ("a couple", 2), ("a couple of", 2), ("a pair of", 2),
     ("a score of", 20), ("at least a dozen", 12), ("more than two dozen", 24), ("a hundred", 100),
     ("hundreds of", 100), ("one hundred and twelve", 112), ("twenty five", 25), ("both", 2), ("no", 0)],
)
def test_tolls_use_the_reader(text: str, value: int) -> None:
    assert parse_count(text) == value


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("A dozen soldiers were killed and two dozen were wounded in the ambush near Palmyra.", 12, 24),
        ("The strike killed a couple of fighters in Idlib.", 2, None),
        ("Twenty five civilians were killed in the shelling of Maarat al-Numan.", 25, None),
        ("One hundred and twelve people were killed in the blast in Kabul.", 112, None),
        ("The bombing killed a score of worshippers.", 20, None),
    ],
)
def test_toll_sentences(sentence: str, killed: int, injured: int | None) -> None:
    c = find_casualties(sentence)
    assert (c.fatalities, c.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "mention", "value"),
    [
        ("The convoy was attacked twenty-five days ago near Deir ez-Zor.", "twenty-five days ago", "2025-11-20"),
        ("The convoy was attacked twenty five days ago near Deir ez-Zor.", "twenty five days ago", "2025-11-20"),
        ("The town fell a couple of weeks ago.", "a couple of weeks ago", "2025-W49"),
        ("The base was built seventeen years ago.", "seventeen years ago", "2008"),
        ("The talks began a dozen days ago.", "a dozen days ago", "2025-12-03"),
    ],
)
def test_relative_dates_use_the_reader(text: str, mention: str, value: str) -> None:
    found = {m.mention: m.value for m in find_dates(text, "2025-12-15")}
    assert found.get(mention) == value, found


def test_publication_date_uses_the_reader() -> None:
    """"seventeen" was missing from the publication-date words; hyphenated compounds were not read at all."""
    today = dt.date(2025, 12, 15)
    for n, month in (("seventeen", "2022-06"), ("twenty-two", "2022-11")):
        line = f"It was the first such order President Joe Biden gave since taking office {n} months ago."
        pub = publication_date([line], today=today)
        assert (pub.value, pub.method) == (month, "inferred"), n
