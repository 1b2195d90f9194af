"""Train the learned event typer (``make train``): compare candidates, calibrate, ship the chosen one.

    python scripts/train_typer.py                  # cross-validate the linear model, calibrate, write the model
    python scripts/train_typer.py --candidates linear,spacy-bow --no-write   # compare candidates only

Reads data/typer/sentences.tsv (scripts/build_typer_data.py).  Cross-validation is 5-fold and grouped: all
sentences filled from one frame fall in the same fold, so the score is on phrasings the model has not seen.
The temperature is fitted on the out-of-fold scores of folds 0-2 and the calibration error is measured
on folds 3-4.  Writes src/sitrep/data/typer_model.npz and data/typer/report.json.  Deterministic
(fixed seeds, full-batch optimisation).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from sitrep.extract import classifier as C  # noqa: E402

DATA = ROOT / "data" / "typer" / "sentences.tsv"
REPORT = ROOT / "data" / "typer" / "report.json"
FOLDS = 5
SEED = 13


def load_rows() -> list[dict[str, str]]:
    with DATA.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def folds_of(rows: list[dict[str, str]]) -> np.ndarray:
    """Grouped, label-stratified fold numbers (a frame's sentences share a fold)."""
    groups: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        groups.setdefault(r["group"], []).append(i)
    by_label: dict[str, list[str]] = {}
    for g, members in groups.items():
        by_label.setdefault(rows[members[0]]["label"], []).append(g)
    rng = random.Random(SEED)
    fold = np.zeros(len(rows), dtype=int)
    offset = 0
    for label in sorted(by_label):
        gs = sorted(by_label[label])
        rng.shuffle(gs)
        for k, g in enumerate(gs):
            for i in groups[g]:
                fold[i] = (k + offset) % FOLDS
        offset += len(gs)
    return fold


# ----------------------------------------------------------------------------- candidates
class Linear:
    name = "linear"
    desc = "softmax regression on hashed word 1-2-grams and 5-letter stems (numpy, sitrep.extract.classifier)"

    def __init__(self, labels: Sequence[str], l2: float = 1e-4, epochs: int = 120) -> None:
        self.labels = tuple(labels)
        self.l2, self.epochs = l2, epochs
        self.model: C.Typer | None = None

    def fit(self, texts: Sequence[str], y: np.ndarray) -> None:
        w = C.train(texts, y, len(self.labels), l2=self.l2, epochs=self.epochs)
        self.model = C.Typer(self.labels, w, 1.0)

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        assert self.model is not None
        return self.model.scores(texts)

    def size_mb(self) -> float:
        assert self.model is not None
        return float(np.count_nonzero(np.any(self.model.weights != 0, axis=1)) * len(self.labels) * 2 / 1e6)


class SpacyBow:
    name = "spacy-bow"
    desc = "spaCy 3.8 textcat, TextCatBOW (1-2-grams), trained from scratch"
    arch = "spacy.TextCatBOW.v3"

    def __init__(self, labels: Sequence[str], epochs: int = 6) -> None:
        self.labels = tuple(labels)
        self.epochs = epochs
        self.nlp = None

    def _config(self) -> dict[str, object]:
        return {"model": {"@architectures": self.arch, "exclusive_classes": True, "ngram_size": 2,
                          "no_output_layer": False, "length": 262144}}

    def fit(self, texts: Sequence[str], y: np.ndarray) -> None:
        import spacy
        from spacy.training import Example
        from spacy.util import fix_random_seed, minibatch

        fix_random_seed(SEED)
        nlp = spacy.blank("en")
        tc = nlp.add_pipe("textcat", config=self._config())
        for lab in self.labels:
            tc.add_label(lab)
        examples = [Example.from_dict(nlp.make_doc(t), {"cats": {lab: float(i == k) for i, lab in
                                                                  enumerate(self.labels)}})
                    for t, k in zip(texts, y, strict=True)]
        opt = nlp.initialize(lambda: examples)
        rng = random.Random(SEED)
        for _ in range(self.epochs):
            rng.shuffle(examples)
            for batch in minibatch(examples, size=32):
                nlp.update(batch, sgd=opt, drop=0.1)
        self.nlp = nlp

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        assert self.nlp is not None
        out = np.zeros((len(texts), len(self.labels)))
        for i, d in enumerate(self.nlp.pipe(texts, batch_size=256)):
            out[i] = [d.cats[lab] for lab in self.labels]
        return np.log(np.clip(out, 1e-9, 1.0))  # log-probabilities act as scores for calibration

    def size_mb(self) -> float:
        assert self.nlp is not None
        return len(self.nlp.to_bytes()) / 1e6


class SpacyEnsemble(SpacyBow):
    name = "spacy-cnn"
    desc = "spaCy 3.8 textcat, TextCatReduce over a from-scratch tok2vec (CNN), trained from scratch"

    def _config(self) -> dict[str, object]:
        return {"model": {"@architectures": "spacy.TextCatReduce.v1", "exclusive_classes": True,
                          "use_reduce_first": False, "use_reduce_last": False, "use_reduce_max": True,
                          "use_reduce_mean": True,
                          "tok2vec": {"@architectures": "spacy.HashEmbedCNN.v2", "pretrained_vectors": None,
                                      "width": 96, "depth": 2, "embed_size": 4000, "window_size": 1,
                                      "maxout_pieces": 3, "subword_features": True}}}


CANDIDATES: dict[str, Callable[[Sequence[str]], object]] = {
    "linear": Linear, "spacy-bow": SpacyBow, "spacy-cnn": SpacyEnsemble,
}


# ----------------------------------------------------------------------------- measurement
def per_class(y: np.ndarray, pred: np.ndarray, labels: Sequence[str]) -> dict[str, dict[str, float]]:
    out = {}
    for k, lab in enumerate(labels):
        tp = int(np.sum((pred == k) & (y == k)))
        fp = int(np.sum((pred == k) & (y != k)))
        fn = int(np.sum((pred != k) & (y == k)))
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[lab] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "n": int(np.sum(y == k))}
    return out


def cross_validate(name: str, texts: list[str], y: np.ndarray, fold: np.ndarray,
                   labels: Sequence[str]) -> dict[str, object]:
    oof = np.zeros((len(texts), len(labels)))
    t0 = time.perf_counter()
    for f in range(FOLDS):
        tr, te = np.flatnonzero(fold != f), np.flatnonzero(fold == f)
        m = CANDIDATES[name](labels)
        m.fit([texts[i] for i in tr], y[tr])  # type: ignore[attr-defined]
        oof[te] = m.scores([texts[i] for i in te])  # type: ignore[attr-defined]
    train_s = (time.perf_counter() - t0) / FOLDS
    pred = oof.argmax(axis=1)
    pc = per_class(y, pred, labels)
    macro = float(np.mean([v["f1"] for v in pc.values()]))
    events = [k for k, lab in enumerate(labels) if lab != C.NONE and not lab.startswith("Diplomacy")]
    macro_sub = float(np.mean([pc[labels[k]]["f1"] for k in events]))
    types = [C.split(lab)[0] for lab in labels]
    type_acc = float(np.mean([types[a] == types[b] for a, b in zip(pred, y, strict=True)]))
    # event / no event
    is_ev = y != labels.index(C.NONE)
    pr_ev = pred != labels.index(C.NONE)
    # calibration, fitted on the out-of-fold scores of folds 0-2 and measured on folds 3-4:
    # temperature alone, temperature + per-label bias, temperature + isotonic map of the top probability
    cal, held = fold <= 2, fold >= 3
    t, _ = C.fit_calibration(oof[cal], y[cal], bias=False)
    t_b, bias = C.fit_calibration(oof[cal], y[cal])
    top = C.fit_top_map(C.softmax(oof[cal] / t), y[cal])
    held_p = C.calibrated(oof[held], t, None, top)
    ece_raw, _ = C.reliability(C.softmax(oof[held]), y[held])
    ece_t, _ = C.reliability(C.softmax(oof[held] / t), y[held])
    ece_tb, _ = C.reliability(C.calibrated(oof[held], t_b, bias), y[held])
    ece, table = C.reliability(held_p, y[held])
    # the same, cross-fitted: each fold calibrated by a map fitted on the other four, error over all sentences
    cross = np.zeros_like(oof)
    for f in range(FOLDS):
        rest = fold != f
        t_f, _ = C.fit_calibration(oof[rest], y[rest], bias=False)
        cross[fold == f] = C.calibrated(oof[fold == f], t_f, None,
                                        C.fit_top_map(C.softmax(oof[rest] / t_f), y[rest]))
    ece_cross, _ = C.reliability(cross, y)
    return {
        "candidate": name, "accuracy": round(float(np.mean(pred == y)), 4), "macro_f1": round(macro, 4),
        "macro_f1_acled_subtypes": round(macro_sub, 4), "type_accuracy": round(type_acc, 4),
        "event_precision": round(float(np.sum(is_ev & pr_ev) / max(1, np.sum(pr_ev))), 4),
        "event_recall": round(float(np.sum(is_ev & pr_ev) / max(1, np.sum(is_ev))), 4),
        "temperature": round(t, 3), "ece_uncalibrated": round(ece_raw, 4), "ece_temperature": round(ece_t, 4),
        "ece_temperature_bias": round(ece_tb, 4), "ece": round(ece, 4), "ece_cross_fitted": round(ece_cross, 4),
        "nll_held_uncalibrated": round(C.nll(C.softmax(oof[held]), y[held]), 4),
        "nll_held": round(C.nll(held_p, y[held]), 4),
        "reliability": [{"bin": f"{lo:.1f}-{lo + 0.1:.1f}", "confidence": round(c, 3), "accuracy": round(a, 3),
                         "n": k} for lo, c, a, k in table],
        "train_s_per_fold": round(train_s, 1), "per_class": pc, "oof_scores": oof,
    }


def speed(name: str, texts: list[str], y: np.ndarray, labels: Sequence[str]) -> tuple[object, float]:
    m = CANDIDATES[name](labels)
    m.fit(texts, y)  # type: ignore[attr-defined]
    sample = (texts * 3)[:3000]
    t0 = time.perf_counter()
    for i in range(0, len(sample), 40):  # per document: about 40 clauses at a time
        m.scores(sample[i:i + 40])  # type: ignore[attr-defined]
    return m, len(sample) / (time.perf_counter() - t0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--candidates", default="linear", help="comma-separated: " + ",".join(CANDIDATES))
    ap.add_argument("--ship", default="linear", help="the candidate written into the package")
    ap.add_argument("--no-write", action="store_true")
    a = ap.parse_args()
    rows = load_rows()
    labels = sorted({r["label"] for r in rows})
    texts = [r["text"] for r in rows]
    y = np.array([labels.index(r["label"]) for r in rows])
    fold = folds_of(rows)
    report: dict[str, object] = {"n_sentences": len(rows), "labels": labels, "candidates": {}}
    for name in a.candidates.split(","):
        res = cross_validate(name, texts, y, fold, labels)
        oof = res.pop("oof_scores")
        np.savez_compressed(f"/tmp/typer_oof_{name}.npz", oof=oof, y=y, fold=fold)
        model, sps = speed(name, texts, y, labels)
        res["sentences_per_s"] = round(sps, 1)
        res["model_mb"] = round(model.size_mb(), 2)  # type: ignore[attr-defined]
        res["description"] = CANDIDATES[name].desc  # type: ignore[attr-defined]
        report["candidates"][name] = res  # type: ignore[index]
        print(f"{name:10s} acc={res['accuracy']:.3f} macroF1={res['macro_f1']:.3f} "
              f"acled-sub macroF1={res['macro_f1_acled_subtypes']:.3f} type={res['type_accuracy']:.3f} "
              f"event P/R={res['event_precision']:.3f}/{res['event_recall']:.3f} T={res['temperature']} "
              f"ECE {res['ece_uncalibrated']:.3f} T {res['ece_temperature']:.3f} "
              f"T+bias {res['ece_temperature_bias']:.3f} "
              f"T+iso {res['ece']:.3f} (cross-fitted {res['ece_cross_fitted']:.3f}) "
              f"{sps:.0f} sent/s {res['model_mb']} MB "
              f"train {res['train_s_per_fold']}s/fold", file=sys.stderr)
        if name == a.ship and not a.no_write:
            assert isinstance(model, Linear) and model.model is not None
            # the shipped calibration is fitted on all out-of-fold scores (the measured one on folds 0-2)
            t_all, _ = C.fit_calibration(oof, y, bias=False)
            final = C.Typer(model.model.labels, model.model.weights, t_all, None,
                            C.fit_top_map(C.softmax(oof / t_all), y),
                            np.array([res["per_class"].get(lab, {}).get("precision", 1.0)
                                      for lab in model.model.labels]))
            res["shipped_temperature"] = round(t_all, 3)
            final.save(C.MODEL_FILE, meta=f"{len(rows)} sentences; {res['description']}")
            t0 = time.perf_counter()
            C.load.cache_clear()
            C.load(str(C.MODEL_FILE))
            res["load_s"] = round(time.perf_counter() - t0, 3)
            res["size_mb"] = round(C.MODEL_FILE.stat().st_size / 1e6, 2)
            # the out-of-fold predictions of the shipped candidate: what the annotation review reads
            pred = oof.argmax(axis=1)
            res["confusions"] = sorted(
                ({"gold": labels[g], "pred": labels[p], "n": int(np.sum((y == g) & (pred == p)))}
                 for g in range(len(labels)) for p in range(len(labels)) if g != p
                 and np.sum((y == g) & (pred == p)) >= 3), key=lambda d: -d["n"])[:25]
    if not a.no_write:
        REPORT.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {C.MODEL_FILE} and {REPORT}", file=sys.stderr)


if __name__ == "__main__":
    main()
