"""The learned event typer (issue #13): the shipped model, its calibration and how extraction uses it.

The sentences below are written for these tests (none is in data/typer/): each is a plain report of
one event of a kind the model must know from its training sentences.
"""

from __future__ import annotations

import time
import zlib
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from sitrep.cli import main
from sitrep.extract import classifier as C
from sitrep.extract import extract

CLEAR = [
    ("Thousands of nurses marched peacefully through Nairobi on Monday demanding overdue pay.",
     "Protests|Peaceful protest"),
    ("Police in Dhaka arrested 14 suspected members of a banned militant outfit in a dawn raid.",
     "Strategic developments|Arrests"),
    ("A roadside bomb struck a police pickup near Kandahar, wounding three officers.",
     "Explosions/Remote violence|Remote explosive/landmine/IED"),
    ("Mobs looted shops and set a market on fire in Bangui after the verdict.",
     "Strategic developments|Looting/property destruction"),
    ("The foreign ministers of Peru and Chile met in Lima to discuss border security.", "Diplomacy|consult"),
]


@pytest.fixture()
def typer() -> C.Typer:
    model = C.load()
    if model is None:
        pytest.skip("no model shipped (SITREP_TYPER=off)")
    return model


def test_hashing_cache_gives_the_same_columns_as_hashing_afresh() -> None:
    texts = ["Gunmen attacked a police post in Mopti on Sunday, killing 4.", "x", "Gunmen attacked again."]
    idx, starts = C.encode(texts)
    fresh = [np.array([zlib.crc32(f.encode("utf-8")) & (C.DIM - 1) for f in C.features(t)]) for t in texts]
    assert np.array_equal(idx, np.concatenate(fresh))
    assert starts.tolist() == [0, len(fresh[0]), len(fresh[0]) + len(fresh[1])]
    assert all(np.array_equal(C.hashed(t), f) for t, f in zip(texts, fresh, strict=True))


def test_shipped_model_loads_fast_and_types_plain_reports(typer: C.Typer) -> None:
    C.load.cache_clear()
    t0 = time.perf_counter()
    model = C.load()
    assert model is not None and time.perf_counter() - t0 < 3.0
    probs = model.predict_proba([t for t, _ in CLEAR])
    assert np.allclose(probs.sum(axis=1), 1.0)
    got = [model.labels[k] for k in probs.argmax(axis=1)]
    assert got == [lab for _, lab in CLEAR]


def test_calibration_maps_are_monotone_and_keep_the_ranking(typer: C.Typer) -> None:
    assert typer.top_map is not None
    xs, ys = typer.top_map
    assert np.all(np.diff(xs) >= 0) and np.all(np.diff(ys) >= -1e-12)
    raw = typer.scores([t for t, _ in CLEAR] + ["The weather in Lagos was hot and humid."])
    p = C.calibrated(raw, typer.temperature, typer.bias, typer.top_map)
    assert np.allclose(p.sum(axis=1), 1.0) and np.all(p >= 0)
    assert np.array_equal(p.argmax(axis=1), raw.argmax(axis=1))


def test_isotonic_fit_pools_violators() -> None:
    x = np.array([0.1, 0.2, 0.3, 0.4, 0.5, 0.6])
    t = np.array([0.0, 1.0, 0.0, 1.0, 1.0, 1.0])
    kx, ky = C.isotonic(x, t)
    assert np.all(np.diff(ky) >= 0)
    assert ky.tolist() == [0.0, 0.5, 1.0, 1.0, 1.0]
    assert kx.tolist() == pytest.approx([0.1, 0.25, 0.4, 0.5, 0.6])


def test_reliability_and_calibration_fit_on_a_known_overconfident_model() -> None:
    rng = np.random.default_rng(3)
    n, k = 4000, 4
    y = rng.integers(0, k, n)
    scores = rng.normal(0, 1, (n, k))
    scores[np.arange(n), y] += 1.0
    scores *= 3.0  # three times too sharp: the right temperature is about 3
    t, _ = C.fit_calibration(scores, y, bias=False)
    assert 2.4 < t < 3.6
    before, _ = C.reliability(C.softmax(scores), y)
    after, table = C.reliability(C.softmax(scores / t), y)
    assert after < 0.03 < before
    assert sum(r[3] for r in table) == n


def test_decide_keeps_rules_event_type_and_fixes_a_catch_all_sub() -> None:
    labels = ("Battles|Armed clash", "Strategic developments|Other", "Strategic developments|Arrests", "none")
    p = np.array([0.05, 0.1, 0.8, 0.05])
    d = C.decide(p, labels, ("Strategic developments", "Other"))
    assert d is not None and (d.event_type, d.sub, d.how) == ("Strategic developments", "Arrests", "model:fix")
    d = C.decide(p, labels, ("Battles", "Armed clash"))  # Battles stay with the rules
    assert d is not None and d.how == "rules" and d.prob == pytest.approx(0.05)
    assert C.decide(np.array([0.1, 0.1, 0.1, 0.7]), labels, None) is None
    d = C.decide(p, labels, None)
    assert d is not None and d.how == "model:add"


@pytest.mark.parametrize("rule_sub", ["Arrests", "Agreement", "Looting/property destruction"])
def test_decide_never_replaces_one_strategic_act_by_another(rule_sub: str) -> None:
    """"were arrested" read by the rules stays an arrest, however confident the model is of an agreement (a
    long list of names after the verb); only the catch-all "Other" is the model's to replace."""
    labels = ("Strategic developments|Other", "Strategic developments|Arrests", "Strategic developments|Agreement",
              "Strategic developments|Looting/property destruction", "Strategic developments|Disrupted weapons use")
    p = np.array([0.02, 0.02, 0.02, 0.02, 0.92])
    d = C.decide(p, labels, ("Strategic developments", rule_sub))
    assert d is not None and (d.sub, d.how) == (rule_sub, "rules")
    d = C.decide(p, labels, ("Strategic developments", "Other"))
    assert d is not None and (d.sub, d.how) == ("Disrupted weapons use", "model:fix")


def test_event_confidence_is_the_clause_probability(typer: C.Typer) -> None:
    text = "Police in Dhaka arrested 14 suspected members of a banned militant outfit on Tuesday."
    evs = extract(text, "2026-03-04")
    assert [e.sub_event_type for e in evs] == ["Arrests"]
    p = typer.predict_proba([text])[0]
    assert evs[0].confidence == pytest.approx(float(p[typer.labels.index("Strategic developments|Arrests")]),
                                              abs=1e-3)


def test_typer_off_runs_the_rules_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITREP_TYPER", "off")
    C.load.cache_clear()
    try:
        assert C.load() is None
        assert C.clause_probs("Police arrested two men.", [(0, 24)]) == {}
        evs = extract("Police in Dhaka arrested 14 suspected members of a banned militant outfit on Tuesday.",
                      "2026-03-04")
        assert [e.sub_event_type for e in evs] == ["Arrests"]
    finally:
        monkeypatch.delenv("SITREP_TYPER")
        C.load.cache_clear()


def test_eval_reports_precision_and_recall_per_sub_type(tmp_path: Path) -> None:
    gold = tmp_path / "gold.csv"
    gold.write_text(
        "event_date,event_type,sub_event_type,notes,country,admin1,location,fatalities\n"
        '05-March-2026,Protests,Peaceful protest,"On 5 March 2026, hundreds of teachers marched peacefully in '
        'Lusaka demanding unpaid salaries.",Zambia,Lusaka,Lusaka,0\n'
        '06-March-2026,Strategic developments,Arrests,"On 6 March 2026, police in Dhaka arrested 14 suspected '
        'members of a banned militant outfit.",Bangladesh,Dhaka,Dhaka,0\n', encoding="utf-8")
    res = CliRunner().invoke(main, ["eval", str(gold)])
    assert res.exit_code == 0, res.output
    assert "precision" in res.output and "recall" in res.output
    rows = {ln.split("  ")[0].strip(): ln.split() for ln in res.output.splitlines() if ln.startswith(("Peace", "Arr"))}
    assert set(rows) == {"Peaceful protest", "Arrests"}
    assert rows["Arrests"][-2:] == ["1.000", "1.000"]


def test_top_map_never_demotes_the_top_label() -> None:
    p = np.log(np.array([[0.12, 0.11, 0.1] + [0.67 / 7] * 7]))
    flat = (np.array([0.0, 0.2, 1.0]), np.array([0.0, 0.0, 1.0]))  # a map that sends 0.12 to zero
    q = C.calibrated(p, 1.0, None, flat)
    assert q.argmax() == 0 and np.isclose(q.sum(), 1.0)


@pytest.mark.parametrize("text,sub", [
    # a bomb blast or an explosion told without any aircraft: the model may not make it an air strike
    ("A bomb blast in the Syrian city of Qamishli on Wednesday killed 48 people and left dozens more wounded.",
     "Remote explosive/landmine/IED"),
    ("A powerful blast tore through a crowded market in the town of Jarablus on Monday, killing 12 people.",
     "Remote explosive/landmine/IED"),
    ("A bomb blast at a crowded bus station in the town of Manbij on Monday killed 15 civilians.",
     "Remote explosive/landmine/IED"),
    ("A massive blast struck the centre of the town of Azaz on Tuesday, killing 30.", "Remote explosive/landmine/IED"),
    # bombings counted as acts are bombs set off where they struck
    ("A twin bombing struck a crowd in the Kurdish town of Qamishli on Wednesday, killing 44.",
     "Remote explosive/landmine/IED"),
    ("In early October a double bombing at a school in the city of Homs killed 52 people.",
     "Remote explosive/landmine/IED"),
    ("Two bombings in the city of Tartus on Monday killed 48 people.", "Remote explosive/landmine/IED"),
    # near misses: a sentence naming aircraft, or a bombing raid, stays an air strike
    ("Air strikes hit a crowded market in the town of Jarablus on Monday, killing 12 people.", "Air/drone strike"),
    ("A bombing raid on the town of Saraqib on Monday killed nine.", "Air/drone strike"),
    ("Russian warplanes carried out two bombings of the town of Saraqib on Monday, killing nine.", "Air/drone strike"),
    ("Government forces bombed the town of Kafr Nabl on Monday, killing 12.", "Air/drone strike"),
])
def test_a_bomb_set_off_is_no_air_strike(text: str, sub: str) -> None:
    from sitrep.extract import extract

    (ev,) = [e for e in extract(text, "2016-07-28") if e.event_type != "Diplomacy"]
    assert ev.sub_event_type == sub
