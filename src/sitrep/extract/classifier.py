"""A learned event typer: sentence or clause -> ACLED sub-event type, Diplomacy sub type, or no event.

A multinomial logistic regression over hashed word, word-bigram and word-stem features, trained on the
project's own annotated sentences (``data/typer/``, ``make train``) and shipped as
``sitrep/data/typer_model.npz``.  Its probabilities are calibrated (one temperature fitted on held-out
folds), so ``probs[label]`` reads as "the chance that this clause reports an event of this sub type".

It works with the rules (``sitrep.extract.events``), which keep what they are precise at (evidence
spans, actors, tolls, negation): ``decide`` says, for one clause, whether the model confirms, corrects or
adds to what the rules found.  Numpy only; no weights are downloaded.
"""

from __future__ import annotations

import functools
import os
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from sitrep.extract.events import TriggerDef, means_named

MODEL_FILE = Path(__file__).resolve().parent.parent / "data" / "typer_model.npz"
NONE = "none"
DIM = 1 << 18
_NEVER = re.compile(r"(?!)")

_TOKEN = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_DIGIT = re.compile(r"\d")


def features(text: str) -> list[str]:
    """Word unigrams and bigrams (digits folded to 0), five-letter stems of longer words, and a bias."""
    toks = [_DIGIT.sub("0", t) for t in _TOKEN.findall(text.lower())]
    out = ["<bias>"]
    out += ["w:" + t for t in toks]
    out += ["s:" + t[:5] for t in toks if len(t) > 6]
    padded = ["<s>", *toks, "</s>"]
    out += ["b:" + a + "_" + b for a, b in zip(padded, padded[1:], strict=False)]
    return out


_INDEX: dict[str, int] = {}  # feature -> hashed column, filled as features are met (news repeats its words)
_INDEX_MAX = 400_000


def _column(feature: str) -> int:
    i = _INDEX.get(feature)
    if i is None:
        if len(_INDEX) >= _INDEX_MAX:
            _INDEX.clear()
        i = _INDEX[feature] = zlib.crc32(feature.encode("utf-8")) & (DIM - 1)
    return i


def hashed(text: str) -> np.ndarray:
    return np.fromiter(map(_column, features(text)), dtype=np.int64)


def encode(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """(feature index per non-zero, start offset per text) for a batch of texts, hashed in one pass."""
    feats = [features(t) for t in texts]
    starts = np.zeros(len(feats), dtype=np.int64)
    if feats:
        starts[1:] = np.cumsum([len(f) for f in feats])[:-1]
    idx = np.fromiter(map(_column, (f for fs in feats for f in fs)), dtype=np.int64)
    return idx, starts


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    out: np.ndarray = e / e.sum(axis=1, keepdims=True)
    return out


@dataclass(frozen=True, slots=True)
class Typer:
    labels: tuple[str, ...]
    weights: np.ndarray  # (DIM, n_labels) float32
    temperature: float = 1.0
    bias: np.ndarray | None = None  # per-label calibration offset added after the temperature (n_labels,)
    top_map: tuple[np.ndarray, np.ndarray] | None = None  # isotonic map of the top label's probability (knots)
    # out-of-fold precision of each label when it is the model's first choice (cross-validation at training)
    precision: np.ndarray | None = None

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        idx, starts = encode(texts)
        out: np.ndarray = np.add.reduceat(self.weights[idx], starts, axis=0)
        return out

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Calibrated label probabilities, one row per text (columns in ``labels`` order)."""
        return calibrated(self.scores(texts), self.temperature, self.bias, self.top_map)

    def save(self, path: Path, meta: str = "") -> None:
        rows = np.flatnonzero(np.any(self.weights != 0, axis=1)).astype(np.int32)
        np.savez_compressed(path, rows=rows, weights=self.weights[rows].astype(np.float16),
                            labels=np.array(self.labels), temperature=np.array([self.temperature]),
                            bias=np.zeros(len(self.labels)) if self.bias is None else self.bias,
                            top_x=self.top_map[0] if self.top_map else np.zeros(0),
                            top_y=self.top_map[1] if self.top_map else np.zeros(0),
                            precision=np.ones(len(self.labels)) if self.precision is None else self.precision,
                            meta=np.array([meta]))


@functools.lru_cache(maxsize=1)
def load(path: str | None = None) -> Typer | None:
    """The packaged model (None when it has not been trained, or SITREP_TYPER=off: the rules then work alone)."""
    p = Path(path) if path else MODEL_FILE
    if os.environ.get("SITREP_TYPER", "").lower() in ("0", "off", "no") or not p.exists():
        return None
    with np.load(p, allow_pickle=False) as z:
        labels = tuple(str(x) for x in z["labels"])
        w = np.zeros((DIM, len(labels)), dtype=np.float32)
        w[z["rows"]] = z["weights"].astype(np.float32)
        bias = z["bias"].astype(np.float64) if "bias" in z.files else None
        top = (z["top_x"], z["top_y"]) if "top_x" in z.files and len(z["top_x"]) else None
        precision = z["precision"].astype(np.float64) if "precision" in z.files else None
        return Typer(labels, w, float(z["temperature"][0]), bias, top, precision)


def split(label: str) -> tuple[str, str | None]:
    """"Battles|Armed clash" -> ("Battles", "Armed clash"); "none" -> ("none", None)."""
    if label == NONE:
        return NONE, None
    t, _, s = label.partition("|")
    return t, s or None


def join(event_type: str, sub: str | None) -> str:
    return f"{event_type}|{sub}" if sub else event_type


# ----------------------------------------------------------------------------------------- working with the rules
ADD_THRESHOLD = 0.5  # the model adds an event the rules missed when its label is at least this likely
FIX_THRESHOLD = 0.5  # ... replaces the rules' sub type by another of the same event type when this likely
FIX_MARGIN = 1.5  # ... and this many times likelier than the rules' own sub type
# Battles: whether territory changed hands, and whose forces took it, is read from the actors (the rules)
KEEP_TYPES = frozenset({"Battles"})
# a label the model was right about less often than this when it chose it (out-of-fold, at training) never
# adds an event or replaces the rules' typing: its confident guesses are still wrong too often
TRUSTED_PRECISION = 0.6
WEAK_SUBS = frozenset({"Other"})  # the rules' catch-all: a likelier sub type of the same event type wins
# Strategic developments: each sub type is a different act the rules read from its own verb ("were arrested",
# "signed a truce", "looted"); the model may only replace the catch-all, never one act by another
KEEP_SPECIFIC_SUBS = frozenset({"Strategic developments"})
# ... and so are these acts of violence against civilians ("took 12 aid workers hostage" stays an abduction)
ACT_SUBS = frozenset({"Abduction/forced disappearance", "Sexual violence"})
# the one change of event type the model may make: an explosive that was found, defused or intercepted
CROSS = {("Explosions/Remote violence", "Strategic developments|Disrupted weapons use"): 0.6}


@dataclass(frozen=True, slots=True)
class Decision:
    event_type: str
    sub: str | None
    prob: float  # calibrated probability of (event_type, sub) for the clause
    how: str  # "rules" | "model:fix" | "model:add"


def decide(probs: np.ndarray, labels: Sequence[str], rule: tuple[str, str | None] | None,
           untrusted: frozenset[str] = frozenset()) -> Decision | None:
    """The typing of one clause from the model's probabilities and the rules' typing (None: no trigger).

    Rules found an event: keep its event type (the rules read actors and weapons well) and its sub type,
    unless the model is confident of another sub type of that event type, or the rules' sub type is their
    catch-all ("Other") and the model finds a likelier one.  Rules found nothing: add the model's event
    when it is confident and the label is a non-Diplomacy event other than an act read from its own words
    (``ACT_SUBS``).  Returns None when there is no event.
    """
    best = int(np.argmax(probs))
    best_label = labels[best]
    p_best = float(probs[best])
    bt, bs = split(best_label)
    if rule is not None:
        key = join(*rule)
        p_rule = float(probs[labels.index(key)]) if key in labels else 0.0
        if rule[0] in (NONE, "Diplomacy") or rule[0] in KEEP_TYPES:
            return Decision(rule[0], rule[1], p_rule, "rules")
        # the likeliest sub type of the rules' event type
        same = [k for k, lab in enumerate(labels) if split(lab)[0] == rule[0]]
        k = max(same, key=lambda i: probs[i]) if same else -1
        keep_sub = rule[0] in KEEP_SPECIFIC_SUBS and rule[1] not in WEAK_SUBS or rule[1] in ACT_SUBS
        if k >= 0 and labels[k] != key and labels[k] not in untrusted and not keep_sub:
            p_k = float(probs[k])
            if p_k >= FIX_THRESHOLD and (rule[1] in WEAK_SUBS and p_k > p_rule or p_k >= FIX_MARGIN * p_rule):
                return Decision(rule[0], split(labels[k])[1], p_k, "model:fix")
        cross = CROSS.get((rule[0], best_label))
        if cross is not None and p_best >= cross and p_best >= FIX_MARGIN * p_rule and best_label not in untrusted:
            return Decision(bt, bs, p_best, "model:fix")
        return Decision(rule[0], rule[1], p_rule, "rules")
    if bt in (NONE, "Diplomacy") or p_best < ADD_THRESHOLD or best_label in untrusted:
        return None
    if bs in ACT_SUBS:
        # an abduction or a rape is told in its own words, which the rules read: a clause without them ("Three
        # women and a girl were hurt") is no such act, whatever the model's guess from who the victims are
        return None
    return Decision(bt, bs, p_best, "model:add")


# ----------------------------------------------------------------------------------------- training
def train(texts: Sequence[str], y: np.ndarray, n_labels: int, *, l2: float = 1e-4, epochs: int = 120,
          lr: float = 0.1, seed: int = 13) -> np.ndarray:
    """Weights (DIM, n_labels) of a softmax regression fitted by full-batch Adam (deterministic)."""
    idx, starts = encode(texts)
    vocab, inv = np.unique(idx, return_inverse=True)
    n = len(texts)
    rows = np.repeat(np.arange(n), np.diff(np.append(starts, len(idx))))
    rng = np.random.default_rng(seed)
    w = (rng.standard_normal((len(vocab), n_labels)) * 0.001).astype(np.float64)
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    onehot = np.zeros((n, n_labels))
    onehot[np.arange(n), y] = 1.0
    b1, b2 = 0.9, 0.999
    for step in range(1, epochs + 1):
        z = np.add.reduceat(w[inv], starts, axis=0)
        p = softmax(z)
        gz = (p - onehot) / n
        g = np.zeros_like(w)
        np.add.at(g, inv, gz[rows])
        g += l2 * w
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        mh = m / (1 - b1 ** step)
        vh = v / (1 - b2 ** step)
        w -= lr * mh / (np.sqrt(vh) + 1e-8)
    full = np.zeros((DIM, n_labels), dtype=np.float32)
    # colliding hashes share one row: np.unique already merged them
    full[vocab] = w.astype(np.float32)
    return full


def calibrated(scores: np.ndarray, temperature: float, bias: np.ndarray | None = None,
               top_map: tuple[np.ndarray, np.ndarray] | None = None) -> np.ndarray:
    """Label probabilities from raw scores: softmax(scores / temperature + bias), then the top label's
    probability moved through the isotonic map and the other labels rescaled to share the rest."""
    z = scores / temperature
    p: np.ndarray = softmax(z if bias is None else z + bias)
    if top_map is None or not len(p):
        return p
    rows = np.arange(len(p))
    top = p.argmax(axis=1)
    c = p[rows, top]
    second = np.partition(p, -2, axis=1)[:, -2] if p.shape[1] > 1 else np.zeros(len(p))
    # never below the value at which the top label would stop being the likeliest after the rescaling
    g = np.maximum(np.interp(c, top_map[0], top_map[1]), second / np.maximum(1.0 - c + second, 1e-12) * (1 + 1e-9))
    p = p * ((1.0 - g) / np.maximum(1.0 - c, 1e-12))[:, None]
    p[rows, top] = g
    return p


def isotonic(x: np.ndarray, t: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Knots (x, fitted value) of the non-decreasing least-squares fit of t on x (pool adjacent violators)."""
    order = np.argsort(x, kind="stable")
    vals: list[float] = []
    wts: list[float] = []
    lo: list[float] = []
    hi: list[float] = []
    for xi, ti in zip(x[order].tolist(), t[order].astype(float).tolist(), strict=True):
        vals.append(ti)
        wts.append(1.0)
        lo.append(xi)
        hi.append(xi)
        while len(vals) > 1 and vals[-2] > vals[-1]:
            w = wts[-2] + wts[-1]
            vals[-2:] = [(vals[-2] * wts[-2] + vals[-1] * wts[-1]) / w]
            wts[-2:] = [w]
            hi[-2:] = [hi[-1]]
            del lo[-1]
    kx = np.array([(a + b) / 2 for a, b in zip(lo, hi, strict=True)])
    return kx, np.array(vals)


def fit_top_map(probs: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The isotonic map from the top label's probability to how often the top label is right."""
    kx, ky = isotonic(probs.max(axis=1), (probs.argmax(axis=1) == y).astype(float))
    return kx, np.clip(ky, 0.0, 0.995)  # a handful of sentences at the top never make a certainty


def fit_calibration(scores: np.ndarray, y: np.ndarray, *, bias: bool = True, steps: int = 600, l2: float = 1e-3
                    ) -> tuple[float, np.ndarray]:
    """Temperature and per-label bias minimising the negative log-likelihood of held-out scores.

    A convex fit (the scale 1/temperature and the biases enter the softmax linearly), by full-batch Adam
    from the plain softmax; ``l2`` keeps the biases of rare labels near zero; ``bias=False`` fits the
    temperature alone.
    """
    n, k = scores.shape
    onehot = np.zeros((n, k))
    onehot[np.arange(n), y] = 1.0
    theta = np.zeros(k + 1)
    theta[0] = 1.0  # the inverse temperature
    m, v = np.zeros_like(theta), np.zeros_like(theta)
    for step in range(1, steps + 1):
        g = softmax(theta[0] * scores + theta[1:]) - onehot
        grad = np.concatenate([[float(np.sum(g * scores)) / n],
                               g.mean(axis=0) + l2 * theta[1:] if bias else np.zeros(k)])
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        theta -= 0.02 * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
        theta[0] = max(theta[0], 1e-3)
    return 1.0 / float(theta[0]), theta[1:].copy()


def nll(probs: np.ndarray, y: np.ndarray) -> float:
    return -float(np.mean(np.log(probs[np.arange(len(y)), y] + 1e-12)))


def reliability(probs: np.ndarray, y: np.ndarray, bins: int = 10
                ) -> tuple[float, list[tuple[float, float, float, int]]]:
    """Expected calibration error of the top label and the table (bin low, mean confidence, accuracy, n)."""
    conf = probs.max(axis=1)
    correct = (probs.argmax(axis=1) == y).astype(float)
    table = []
    ece = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        sel = (conf > lo) & (conf <= hi) if b else (conf >= lo) & (conf <= hi)
        if not sel.any():
            continue
        c, a, k = float(conf[sel].mean()), float(correct[sel].mean()), int(sel.sum())
        ece += k / len(y) * abs(c - a)
        table.append((lo, c, a, k))
    return ece, table


# ----------------------------------------------------------------------------------------- extraction hooks
def clause_probs(text: str, spans: Sequence[tuple[int, int]]) -> dict[tuple[int, int], np.ndarray]:
    """Calibrated probabilities for each clause span of a document (empty when no model is shipped)."""
    model = load()
    if model is None or not spans:
        return {}
    probs = model.predict_proba([text[s:e] for s, e in spans])
    return {span: probs[i] for i, span in enumerate(spans)}


def labels() -> tuple[str, ...]:
    model = load()
    return model.labels if model is not None else ()


@functools.lru_cache(maxsize=1)
def untrusted() -> frozenset[str]:
    """Labels whose out-of-fold precision is below ``TRUSTED_PRECISION`` (see ``decide``)."""
    model = load()
    if model is None or model.precision is None:
        return frozenset()
    return frozenset(lab for lab, p in zip(model.labels, model.precision, strict=True) if p < TRUSTED_PRECISION)


def prob_of(probs: np.ndarray | None, event_type: str, sub: str | None) -> float | None:
    """The calibrated probability of one typing (None when the clause was not classified)."""
    if probs is None:
        return None
    key = join(event_type, sub)
    labs = labels()
    return float(probs[labs.index(key)]) if key in labs else None


def model_trigger(d: Decision) -> TriggerDef:
    """A pseudo-trigger covering the clause, for an event only the model found."""
    return TriggerDef(id="model", type=d.event_type, sub=d.sub, priority=60, method=(d.sub or d.event_type).lower(),
                      regex=_NEVER)


def review(cand: Any, probs: np.ndarray | None, clause: str = "") -> None:
    """Let the model correct the sub type of a rule-found candidate (an extraction ``_Cand``), in place.

    Not to an air strike where the clause (``clause``: its text) names no aircraft: "a bomb blast killed 48", "a
    twin bombing struck a crowd" are bombs set off where they struck, whatever the model guesses from the words
    "bomb" and "bombing" (the rules read an air strike's own words: "bombed", "warplanes", "air raids"). Nor away
    from a sub type whose means the clause names when it names none of the model's ("helicopters struck", "the
    artillery shelled")."""
    if probs is None or cand.hit.trigger.id in ("label", "model"):
        return
    d = decide(probs, labels(), (cand.event_type, cand.sub), untrusted())
    named = means_named(clause)
    if d is not None and d.sub == "Air/drone strike" and d.sub not in named:
        return
    if d is not None and cand.sub in named and d.sub not in named:
        return  # "Kenyan helicopters struck ...": the means the clause names, and no other, keep their sub type
    if d is not None and d.how == "model:fix":
        cand.notes.append(f"typer:{cand.sub}->{d.sub}")
        cand.event_type, cand.sub, cand.method = d.event_type, d.sub, (d.sub or d.event_type).lower()
