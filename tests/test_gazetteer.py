"""The gazetteer: spelling variants, supplement entries, admin names as ACLED spells them."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.geo.gazetteer import KEY_VERSION, load_gazetteer, norm_key, skeleton_key

DATA = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "data" / "gazetteer"


@pytest.fixture(scope="module")
def gaz():  # type: ignore[no-untyped-def]
    return load_gazetteer()


def test_norm_key_ignores_articles_case_and_punctuation() -> None:
    assert norm_key("Deir ez-Zor") == norm_key("Deir al-Zor") == norm_key("deir EZ zor")
    assert norm_key("Raqqah") == norm_key("Raqqa") == norm_key("Ar-Raqqa")
    assert norm_key("U.S.") == norm_key("US")
    assert norm_key("Washington, D.C.") == norm_key("Washington DC")
    assert skeleton_key("Sayyida Zaynab") == skeleton_key("Sayyida Zainab") == skeleton_key("Sayeda Zeinab")


@pytest.mark.parametrize("name", ["Deir ez-Zor", "Deir al-Zor", "Deir Ezzor", "Dayr az Zawr", "Deir el-Zour"])
def test_deir_ez_zor_variants(gaz, name: str) -> None:  # type: ignore[no-untyped-def]
    entries = [e for e, _how in gaz.lookup(name)]
    assert any(e.kind == "admin1" and e.admin1 == "SY.07" for e in entries)
    assert gaz.admin1_name("SY.07") == "Deir ez-Zor"


@pytest.mark.parametrize(
    ("name", "admin1", "lat", "lon"),
    [
        ("Sayyida Zaynab", "Rural Damascus", 33.44, 36.34),
        ("Sayyidah Zainab", "Rural Damascus", 33.44, 36.34),
        ("Baghouz", "Deir ez-Zor", 34.46, 40.94),
        ("Al-Omar oil field", "Deir ez-Zor", 35.05, 40.6),
        ("Al-Tanf", "Homs", 33.5, 38.62),
        ("Hmeimim", "Lattakia", 35.41, 35.95),
        ("Ain al-Asad", "Anbar", 33.8, 42.44),
        ("Tuz Khurmatu", "Salah al-Din", 34.89, 44.63),
    ],
)
def test_supplement_places(gaz, name: str, admin1: str, lat: float, lon: float) -> None:  # type: ignore[no-untyped-def]
    entries = [e for e, _how in gaz.lookup(name)]
    assert entries, name
    p = gaz.to_place(entries[0])
    assert p.admin1 == admin1
    assert p.lat == pytest.approx(lat, abs=0.05) and p.lon == pytest.approx(lon, abs=0.05)


def test_palmyra_is_tadmur(gaz) -> None:  # type: ignore[no-untyped-def]
    names = {(e.name, e.country) for e, _how in gaz.lookup("Palmyra")}
    assert ("Tadmur", "SY") in names


def test_countries_demonyms_and_abbreviations(gaz) -> None:  # type: ignore[no-untyped-def]
    assert gaz.country_of("Syrian") == "SY"
    assert gaz.country_of("Iraqis") == "IQ"
    assert gaz.country_of("U.S.") == "US"
    assert gaz.country_of("Britain") == "GB"
    assert gaz.abbreviations["Ga."] == "US.GA"
    assert gaz.admin1_name("IQ.15") == "Ninewa"
    assert gaz.admin1_name("SY.08") == "Rural Damascus"


def test_built_files_are_current() -> None:
    """The prebuilt name index was computed with today's key function."""
    import gzip

    with gzip.open(DATA / "names.idx.gz", "rt", encoding="utf-8") as fh:
        assert fh.readline().startswith(f"keys:{KEY_VERSION}\t")
    assert (DATA / "LICENSE.md").read_text(encoding="utf-8").count("CC BY 4.0") >= 1
