"""Document cleaning through libraries: ftfy (mojibake), py3langid (language), dateparser (metadata dates
the fast path cannot read)."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import ftfy
import pytest

from sitrep.documents import _FTFY, guess_language, normalise_text, parse_date_string, prepare
from sitrep.ingest.records import RawArticle

TODAY = dt.date(2025, 12, 20)


def test_mojibake_is_repaired() -> None:
    assert normalise_text("the regimeâ€™s forces â€” said") == "the regime’s forces — said"
    (doc,) = prepare(RawArticle(text="Shelling of the regimeâ€™s positions near Idlib killed three fighters on "
                                "Monday, the Syrian Observatory for Human Rights said.", origin="test"), today=TODAY)
    assert "regime’s" in doc.text and "â€" not in doc.text


def test_text_as_written_is_kept() -> None:
    """Only mojibake is repaired: curly quotes, ligatures, full-width forms and HTML entities stay."""
    text = "“Stop,” he said — ﬁve ＡＢＣ &amp; more"
    assert normalise_text(text) == text


def test_clean_fakes_texts_are_unchanged(shared: Path) -> None:
    with (shared / "corpus" / "fakes" / "FA-KES-Dataset.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 804
    changed = [r["unit_id"] for r in rows for t in (r["article_title"], r["article_content"])
               if ftfy.fix_text(t, _FTFY) != t]
    assert changed == []


LANGUAGES = {
    "de": "Bei einem Luftangriff auf ein Dorf im Norden Syriens sind nach Angaben von Aktivisten mindestens zwölf "
          "Menschen getötet worden. Die Regierung wies die Vorwürfe zurück.",
    "es": "Al menos doce personas murieron en un ataque aéreo contra una aldea en el norte de Siria, según "
          "informaron los activistas. El gobierno negó las acusaciones.",
    "tr": "Suriye'nin kuzeyinde bir köye düzenlenen hava saldırısında en az on iki kişinin hayatını kaybettiği "
          "bildirildi. Hükümet suçlamaları reddetti.",
    "ku": "Li bakurê Sûriyê di êrîşeke asmanî de li gundekî herî kêm diwanzdeh kes hatin kuştin. Hikûmetê îdia "
          "red kirin û got ku ew derew in.",
    "fa": "در حمله هوایی به یک روستا در شمال سوریه دست کم دوازده نفر کشته شدند. دولت این اتهامات را رد کرد و گفت "
          "که هیچ غیرنظامی هدف قرار نگرفته است.",
    "uk": "Унаслідок авіаудару по селу на півночі Сирії загинули щонайменше дванадцять людей, повідомили "
          "активісти. Уряд відкинув звинувачення.",
    "ar": "قتل اثنا عشر شخصا على الأقل في غارة جوية على قرية في شمال سوريا، بحسب ما أفاد ناشطون. ونفت الحكومة هذه "
          "الاتهامات.",
    "ru": "В результате авиаудара по деревне на севере Сирии погибли по меньшей мере двенадцать человек, сообщили "
          "активисты. Правительство отвергло обвинения.",
    "fr": "Au moins douze personnes ont été tuées dans une frappe aérienne contre un village du nord de la Syrie, "
          "selon des militants. Le gouvernement a rejeté ces accusations.",
    "en": "At least twelve people were killed in an air strike on a village in northern Syria, activists said. "
          "The government denied the accusations.",
    "he": "לפחות שנים עשר בני אדם נהרגו בתקיפה אווירית על כפר בצפון סוריה, כך מסרו פעילים. הממשלה דחתה את "
          "ההאשמות.",
}


@pytest.mark.parametrize(("lang", "text"), LANGUAGES.items())
def test_language_identified(lang: str, text: str) -> None:
    assert guess_language(text) == lang
    (doc,) = prepare(RawArticle(text=text, origin="test"), today=TODAY)
    assert doc.language == lang


@pytest.mark.parametrize("text", ["", "12345 67", "— …", "   "])
def test_no_language_without_letters(text: str) -> None:
    assert guess_language(text) == "und"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("15 décembre 2025", ("2025-12-15", "day")),
        ("lundi 15 décembre 2025 à 10h32", ("2025-12-15", "day")),
        ("décembre 2025", ("2025-12", "month")),
        ("الاثنين 15 ديسمبر 2025", ("2025-12-15", "day")),
        ("١٥ ديسمبر ٢٠٢٥", ("2025-12-15", "day")),
        ("15 декабря 2025 г.", ("2025-12-15", "day")),
        ("15 грудня 2025", ("2025-12-15", "day")),
        ("12 de marzo de 2024", ("2024-03-12", "day")),
        ("15 décembre 2031", None),  # after today: absurd
        ("vor 2 Tagen", None),  # relative: not a publication date
        ("n'importe quoi 2025 blah", None),
    ],
)
def test_metadata_dates_in_other_languages(value: str, expected: tuple[str, str] | None) -> None:
    assert parse_date_string(value, TODAY) == expected


def test_publication_date_from_french_metadata() -> None:
    (doc,) = prepare(RawArticle(text=LANGUAGES["fr"], origin="test", published="15 décembre 2025"), today=TODAY)
    assert (doc.published, doc.published_precision, doc.published_method) == ("2025-12-15", "day", "metadata")
