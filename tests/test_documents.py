"""Document preparation: cleaning, splitting, publication dates and near-duplicates on real texts."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest
import yaml

from sitrep.documents import (
    NearDupIndex,
    find_explicit_dates,
    is_furniture,
    mark_duplicates,
    parse_date_string,
    prepare,
    signature,
    signature_similarity,
    split_articles,
)
from sitrep.ingest import RawArticle, iter_raw
from sitrep.records import Document, content_id

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "data" / "sample"
TODAY = dt.date(2026, 11, 1)

# What the seed documents must become (the hand-made gold, ../shared/eval/seeds_gold.yaml).
SEED_EXPECTED = {
    "000_9571ce05f62b1867.txt": [(None, "2025-12-15", "day", "dateline")],
    "001_5027d6e09386123a.txt": [
        ("Washington Won’t Normalize Ties with Damascus, Won’t Prevent Others from Doing So", "2021-10", "month",
         "caption"),
        ("ISIS in Syria Eyes Revival by Exploiting Jihadist Disillusionment", "2025-04", "month", "inferred"),
    ],
    "002_deb45a108c119546.txt": [
        ("The Palmyra Attack in the Context of Islamic State Resurgence: Strategic Messaging, Coalition Response, "
         "and Implications for the Syria Conflict", None, "unknown", "unknown"),
    ],
    "003_7be70c43fb544a5f.txt": [
        ("Mutual bombing between US forces and Iranian militias in Syria", "2021-06", "month", "inferred"),
    ],
}


def _seed_docs() -> dict[str, list[Document]]:
    out: dict[str, list[Document]] = {}
    for name in SEED_EXPECTED:
        raw = next(iter(iter_raw([str(SAMPLE / name)])))
        assert isinstance(raw, RawArticle)
        out[name] = prepare(raw, today=TODAY)
    return out


def _raw(text: str, **kw: object) -> RawArticle:
    return RawArticle(text=text, origin="test", **kw)


# ---------------------------------------------------------------------------------------- seeds


def test_seeds_become_five_documents_with_gold_dates() -> None:
    docs = _seed_docs()
    got = {name: [(d.title, d.published, d.published_precision, d.published_method) for d in ds]
           for name, ds in docs.items()}
    assert got == SEED_EXPECTED
    assert sum(len(ds) for ds in docs.values()) == 5
    part1, part2 = docs["001_5027d6e09386123a.txt"]
    assert str(part1.origin).endswith("#part1") and str(part2.origin).endswith("#part2")
    assert "Blinken said on Wednesday" in part1.text and "Blinken" not in part2.text
    assert part2.text.startswith("ISIS members in Syria") and "Hayat Tahrir al-Sham" in part2.text


def test_seed_dates_match_the_gold_file(shared: Path) -> None:
    gold = yaml.safe_load((shared / "eval" / "seeds_gold.yaml").read_text(encoding="utf-8"))["documents"]
    docs = _seed_docs()
    for name, spec in gold.items():
        parts = spec.get("parts") or [spec]
        assert len(docs[name]) == spec["articles"]
        for doc, want in zip(docs[name], parts, strict=True):
            value = want.get("published")
            assert doc.published == (None if value is None else str(value)), name
            assert doc.published_precision == want["published_precision"], name
            if want.get("title"):
                assert doc.title is not None and doc.title.replace("’", "'") == want["title"]


def test_seeds_carry_no_boilerplate() -> None:
    for name, docs in _seed_docs().items():
        for doc in docs:
            lines = [ln for ln in doc.text.split("\n") if ln.strip()]
            assert not [ln for ln in lines if is_furniture(ln)], name
            assert all(c == 1 for c in Counter(lines).values()), f"repeated line in {name}"
            assert "Please enter your" not in doc.text and "TT" not in lines and "20" not in lines
            assert doc.title is None or doc.title not in lines  # headline not repeated in the body
            assert doc.id == content_id(doc.text)


def test_section_headings_do_not_split() -> None:
    docs = _seed_docs()
    assert len(docs["002_deb45a108c119546.txt"]) == 1  # Abstract / Introduction / ... headings
    assert "Blow after blow" in docs["001_5027d6e09386123a.txt"][1].text  # a heading inside part 2


# ---------------------------------------------------------------------------------------- splitting

BODY_A = (
    "Syrian government forces shelled the town of Kafr Nabl in southern Idlib on Tuesday, killing three "
    "civilians, the civil defence said. The shelling came a day after rebels attacked army positions nearby, "
    "according to the Syrian Observatory for Human Rights, which counted twelve fighters dead on both sides."
)
BODY_B = (
    "BEIRUT – Lebanon's caretaker government met on Wednesday to discuss the fuel crisis, as queues stretched "
    "for kilometres outside petrol stations in the capital and power cuts lasted up to twenty hours a day."
)


def test_split_on_headline_with_dateline_and_share_bar() -> None:
    text = (
        f"Three civilians killed in Idlib shelling\n\n{BODY_A}\n\n{BODY_A.replace('three', 'four')}\n\n"
        f"Lebanon cabinet meets over fuel crisis\nShare this article\n\n{BODY_B}\n"
    )
    docs = prepare(_raw(text), today=TODAY)
    assert [d.title for d in docs] == [
        "Three civilians killed in Idlib shelling",
        "Lebanon cabinet meets over fuel crisis",
    ]
    assert docs[1].text == BODY_B and "Share this" not in docs[1].text


def test_split_on_separator_lines() -> None:
    text = f"{BODY_A}\n\n* * *\n\nLebanon cabinet meets over fuel crisis\n{BODY_B.replace('BEIRUT – ', '')}\n"
    docs = prepare(_raw(text), today=TODAY)
    assert [d.title for d in docs] == [None, "Lebanon cabinet meets over fuel crisis"]
    assert docs[0].text == BODY_A


def test_no_split_without_header_signals() -> None:
    body = BODY_B.replace("BEIRUT – ", "In Beirut, ")  # without the dateline, a heading is only a heading
    text = f"Three civilians killed in Idlib shelling\n\n{BODY_A}\n\nReactions in Damascus\n\n{body}\n"
    parts = split_articles(text)
    assert len(parts) == 1 and parts[0].title == "Three civilians killed in Idlib shelling"


# ---------------------------------------------------------------------------------------- cleaning


@pytest.mark.parametrize(
    "line",
    ["TT", "20", "Please enter your comment!", "Please enter your name here", "Share this:", "A A A",
     "Follow us on Telegram", "Sign up for our daily newsletter", "© 2021 Levant Monitor. All rights reserved.",
     "Read more: Israeli strikes hit Damascus airport", "1/5", "12 comments", "Tags: Syria, Idlib"],
)
def test_furniture_lines(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    ["Blow after blow", "Introduction", "Twenty killed in Aleppo", "US forces said no one was hurt.", "Tactical shift",
     "Share prices in Damascus fell 20 percent on Sunday after the currency collapsed further."],
)
def test_not_furniture(line: str) -> None:
    assert not is_furniture(line)


def test_html_article_is_extracted_and_cleaned() -> None:
    html = (Path(__file__).parent / "fixtures" / "ingest" / "article.html").read_text(encoding="utf-8")
    (doc,) = prepare(_raw(html, is_html=True, url="https://example.org/ariha"), today=TODAY)
    assert doc.title == "Air strike kills five in Idlib market"
    assert doc.source == "Levant Monitor"
    assert (doc.published, doc.published_precision, doc.published_method) == ("2021-06-28", "day", "metadata")
    assert doc.text.startswith("Five civilians were killed on Monday")
    assert "Please enter your comment" not in doc.text and "All rights reserved" not in doc.text
    assert doc.url == "https://example.org/ariha" and doc.language == "en"


def test_feed_html_fragment() -> None:
    (doc,) = prepare(_raw("<p>Rockets hit the <b>Al-Omar</b> oil field.</p><p>No one was hurt.</p>", is_html=True))
    assert doc.text == "Rockets hit the Al-Omar oil field.\nNo one was hurt."


def test_source_title_wins_and_a_different_first_line_stays() -> None:
    (doc,) = prepare(_raw(f"Five people were killed in Idlib on Monday\n\n{BODY_A}", title="Idlib shelling"))
    assert doc.title == "Idlib shelling" and doc.text.startswith("Five people were killed in Idlib on Monday\n")
    (doc,) = prepare(_raw(f"Idlib shelling\n\n{BODY_A}", title="Idlib shelling"))
    assert doc.text == BODY_A


def test_empty_after_cleaning_gives_no_document() -> None:
    assert prepare(_raw("TT\n20\nPlease enter your comment!\n")) == []


def test_language_guess() -> None:
    (ar,) = prepare(_raw("قتل خمسة مدنيين يوم الاثنين عندما أصابت غارة جوية سوقا في مدينة أريحا في محافظة إدلب"))
    (en,) = prepare(_raw(BODY_A))
    assert (ar.language, en.language) == ("ar", "en")


# ---------------------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "value, expected",
    [
        ("4/5/2017", ("2017-04-05", "day")),  # FA-KES: month first
        ("28/6/2021", ("2021-06-28", "day")),
        ("28.06.2021", ("2021-06-28", "day")),
        ("2021-06-28T10:15:00", ("2021-06-28", "day")),  # Telegram
        ("Mon, 28 Jun 2021 09:30:00 +0300", ("2021-06-28", "day")),  # RSS
        ("2025-12-15T09:00:00Z", ("2025-12-15", "day")),  # Atom
        ("Wed 05 Apr 2017", ("2017-04-05", "day")),
        ("June 2021", ("2021-06", "month")),
        ("2021-06", ("2021-06", "month")),
        ("2019", ("2019", "year")),
        ("1624865400", ("2021-06-28", "day")),
        ("9999-01-01", None),  # absurd
        ("0000-01-01", None),
        ("2030-01-01", None),  # future
        ("31/31/2020", None),
        ("not a date", None),
    ],
)
def test_parse_metadata_dates(value: str, expected: tuple[str, str] | None) -> None:
    assert parse_date_string(value, TODAY) == expected


def _pub(text: str, **kw: object) -> tuple[str | None, str, str | None]:
    (doc,) = prepare(_raw(text, **kw), today=TODAY)
    return doc.published, doc.published_precision, doc.published_method


def test_metadata_wins() -> None:
    assert _pub("Washington, December 15, 2025 – " + BODY_A, published="12/14/2025") == (
        "2025-12-14", "day", "metadata")


def test_absurd_metadata_falls_back_to_the_text() -> None:
    assert _pub("Washington, December 15, 2025 – " + BODY_A, published="9999-12-31") == (
        "2025-12-15", "day", "dateline")


@pytest.mark.parametrize(
    "opening",
    ["Washington, December 15, 2025 – ", "DAMASCUS, 15 December 2025 (SANA) – ", "Mon 15 Dec 2025 ",
     "Published: 15 December 2025\n", "15 December 2025 - ", "15/12/2025 · ", "Posted on 15.12.2025\n"],
)
def test_datelines(opening: str) -> None:
    assert _pub(opening + BODY_A) == ("2025-12-15", "day", "dateline")


def test_a_date_opening_a_sentence_is_not_a_dateline() -> None:
    text = "December 8, 2024, marked the end of the Assad era. " + BODY_A
    assert _pub(text) == ("2024-12", "month", "inferred")


def test_caption_date() -> None:
    text = (
        "Rubio meets Shaibani\n\nSecretary Rubio meets Foreign Minister Shaibani in Washington, "
        "November 10, 2025. (AFP)\n\n" + BODY_A
    )
    assert _pub(text) == ("2025-11", "month", "caption")


def test_inferred_from_the_latest_past_date() -> None:
    text = (
        "The town fell in March 2019. Talks resumed on April 20, 2025, and a new round is scheduled for "
        "June 2026. By 2030 the government hopes to rebuild. " + BODY_A
    )
    assert _pub(text) == ("2025-04", "month", "inferred")


def test_inferred_never_future() -> None:
    text = "Officials said the plan covers the years until December 2031, after the 2019 offensive. " + BODY_A
    assert _pub(text) == ("2019", "year", "inferred")


def test_since_taking_office() -> None:
    text = "It was the first such order President Joe Biden gave since taking office three months ago. " + BODY_A
    assert _pub(text) == ("2021-04", "month", "inferred")


def test_unknown_without_evidence() -> None:
    assert _pub(BODY_A) == (None, "unknown", "unknown")


def test_papers_are_not_dated_from_their_content() -> None:
    text = "Abstract\nThis paper examines the attack of December 19, 2025.\n\nIntroduction\n\n" + BODY_A
    assert _pub(text) == (None, "unknown", "unknown")


def test_reports_are_not_dated_from_their_content() -> None:
    text = (
        "Executive Summary\nThis report assesses the attacks of December 2025.\n\nKey Findings\n\n" + BODY_A
        + "\n\nRecommendations\n\nDonors should fund demining."
    )
    assert _pub(text) == (None, "unknown", "unknown")
    # a news article crediting its reporters is still dated from its content
    assert _pub(BODY_A + " The attack followed a raid on 3 March 2021.\nReuters contributed to this report.")[0] == (
        "2021-03")


def test_find_explicit_dates() -> None:
    hits = find_explicit_dates(
        "On 5 April 2017, in the 2015 deal; since March 2019; Resolution 2254; 2021-06-28; a force of 2000 fighters."
    )
    assert [(h.value, h.precision) for h in hits] == [
        ("2017-04-05", "day"), ("2015", "year"), ("2019-03", "month"), ("2021-06-28", "day")]


# ---------------------------------------------------------------------------------------- near-duplicates

WIRE = (
    "At least 11 civilians among them three children were killed Thursday in regime barrel bomb attacks on a "
    "jihadist-held town in northern Syria a monitoring group said. Government helicopters dropped the crude and "
    "indiscriminate weapons on the town of Al-Bab in Aleppo province, the Syrian Observatory for Human Rights "
    "said. The town has been held by the Islamic State group since early 2014 and has been targeted repeatedly "
    "by regime air strikes. Observatory director Rami Abdel Rahman said the toll was likely to rise because "
    "several people were seriously wounded."
)


def test_signature_is_stable_and_compact() -> None:
    sig = signature(WIRE)
    assert sig == signature(WIRE) and len(sig) == 8 + 4 * 128 and sig[:4] == b"SMH2"
    assert signature(WIRE.upper()) == sig  # case-folded
    assert signature_similarity(sig, sig) == 1.0


def test_near_duplicate_copy_is_linked_and_other_stories_are_not() -> None:
    copy = "BEIRUT " + WIRE.replace("Thursday", "on Thursday").replace(" a monitoring group said", ", a monitor said")
    index = NearDupIndex()
    index.add("orig", signature(WIRE))
    assert index.query(signature(copy)) == "orig"
    assert index.query(signature(BODY_A)) is None
    assert index.query(signature(BODY_B + " " + BODY_A)) is None
    assert signature_similarity(signature(WIRE), signature(copy)) >= index.threshold


def test_unusable_signatures() -> None:
    index = NearDupIndex()
    assert not index.add("x", b"garbage")
    assert not index.add("empty", signature(""))
    assert index.query(signature("")) is None and len(index) == 0


def test_mark_duplicates_keeps_the_first_as_original() -> None:
    docs = [Document.create(t, source=s) for t, s in ((WIRE, "ahram"), (BODY_A, "sana"), ("BEIRUT " + WIRE, "x"))]
    out = list(mark_duplicates(docs, NearDupIndex()))
    assert [d.duplicate_of for d, _ in out] == [None, None, docs[0].id]


# ---------------------------------------------------------------------------------------- FA-KES


def test_fakes_reads_804_dated_articles(shared: Path) -> None:
    items = list(iter_raw([str(shared / "corpus" / "fakes" / "FA-KES-Dataset.csv")]))
    assert len(items) == 804 and all(isinstance(i, RawArticle) for i in items)
    docs = [d for raw in items for d in prepare(raw, today=TODAY)]
    assert len(docs) == 804
    assert Counter(d.published_method for d in docs) == {"metadata": 804}
    assert len({d.source for d in docs}) == 15


@pytest.mark.parametrize("text", [
    "In 1800, the town was founded by traders. Rebels shelled it on Monday.",
    "The castle, built in 1650, was hit by a rocket on Tuesday, residents said.",
    "Since 1880 the bridge has linked the two banks; it was blown up on Friday.",
])
def test_history_never_dates_the_page(text: str) -> None:
    from sitrep.documents import prepare
    from sitrep.ingest import RawArticle

    for doc in prepare(RawArticle(text=text, origin="history.txt")):
        assert doc.published is None or int(doc.published[:4]) >= 1900, doc
