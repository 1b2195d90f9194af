"""Near-duplicates: MinHash signatures of word 5-shingles (``signature``) and an LSH index that finds an
earlier document at least ``DEFAULT_THRESHOLD`` similar (``NearDupIndex``). ``sitrep ingest`` takes the
smallest document id among near-duplicates as the original (``Pipeline._near_dup``), so which copy is the
original does not depend on the order of arrival."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache

import numpy as np

from sitrep.config import default
from sitrep.records import Document

# --------------------------------------------------------------------------- near-duplicates

NUM_PERM = 128
SHINGLE = 5
# Estimated Jaccard similarity above which a text is linked to an earlier one as its copy. On
# FA-KES every pair at or above 0.7 is the same wire text; between 0.5 and 0.7 outlets' versions
# start to differ in figures (updated tolls) that resolution must see (docs/bench/ingest.md).
DEFAULT_THRESHOLD: float = default("near_dup_threshold")
_SIG_MAGIC = b"SMH2"
_MAX32 = np.uint32(0xFFFFFFFF)


@lru_cache(maxsize=1)
def _perm() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(20251215)
    a = rng.integers(1, 2**63, size=NUM_PERM, dtype=np.uint64) | np.uint64(1)  # odd multipliers
    b = rng.integers(0, 2**63, size=NUM_PERM, dtype=np.uint64)
    return a, b


_ROLL = np.uint64(0x9E3779B97F4A7C15)  # odd multiplier that combines token hashes into a shingle hash


def _shingle_hashes(text: str) -> np.ndarray:
    """64-bit hashes of the distinct word 5-shingles of the case-folded text.

    Each distinct token is hashed once (BLAKE2b, stable across processes); a shingle's hash is
    a polynomial of its tokens' hashes, computed for all shingles at once.
    """
    tokens = re.findall(r"\w+", text.casefold())
    if not tokens:
        return np.empty(0, dtype=np.uint64)
    vocab: dict[str, int] = {}
    ids = np.fromiter((vocab.setdefault(t, len(vocab)) for t in tokens), dtype=np.int64, count=len(tokens))
    table = np.fromiter(
        (int.from_bytes(hashlib.blake2b(t.encode("utf-8"), digest_size=8).digest(), "little") for t in vocab),
        dtype=np.uint64,
        count=len(vocab),
    )
    th = table[ids]
    k = min(SHINGLE, len(tokens))
    n = len(tokens) - k + 1
    h = np.zeros(n, dtype=np.uint64)
    for j in range(k):
        h = h * _ROLL + th[j:j + n]
    return np.unique(h)


def signature(text: str) -> bytes:
    """MinHash signature of the text's word 5-shingles (case-folded): 4-byte tag, shingle count,
    128 × uint32. Stable across processes and machines (stored in the database)."""
    x = _shingle_hashes(text)
    sig = np.full(NUM_PERM, _MAX32, dtype=np.uint32)
    if len(x):
        a, b = _perm()
        for i in range(0, len(x), 4096):  # bounded memory on very long texts
            block = x[i:i + 4096]
            h = ((a[:, None] * block[None, :] + b[:, None]) >> np.uint64(32)).astype(np.uint32)
            sig = np.minimum(sig, h.min(axis=1))
    return _SIG_MAGIC + len(x).to_bytes(4, "little") + sig.astype("<u4").tobytes()


def _unpack(sig: bytes) -> np.ndarray | None:
    if len(sig) != 8 + 4 * NUM_PERM or not sig.startswith(_SIG_MAGIC) or sig[4:8] == b"\0\0\0\0":
        return None
    return np.frombuffer(sig, dtype="<u4", offset=8)


def signature_similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets (0 when either is unusable)."""
    va, vb = _unpack(a), _unpack(b)
    if va is None or vb is None:
        return 0.0
    return float(np.mean(va == vb))


class NearDupIndex:
    """LSH index over MinHash signatures: ``query`` finds an earlier near-duplicate's id.

    32 bands of 4 rows: a pair with Jaccard 0.5 becomes a candidate with probability 0.87,
    0.6 with 0.99, 0.7 with 1.00; candidates are then checked against ``threshold`` on all
    128 values (the standard error of that estimate is about 0.04).
    """

    BANDS = 32
    ROWS = NUM_PERM // BANDS

    def __init__(self, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.threshold = threshold
        self._sigs: dict[str, np.ndarray] = {}
        self._order: dict[str, int] = {}
        self._buckets: dict[tuple[int, bytes], list[str]] = {}

    def __len__(self) -> int:
        return len(self._sigs)

    def _bands(self, v: np.ndarray) -> Iterator[tuple[int, bytes]]:
        for band in range(self.BANDS):
            yield band, v[band * self.ROWS:(band + 1) * self.ROWS].tobytes()

    def add(self, doc_id: str, sig: bytes) -> bool:
        """Index an original document; False when the signature is unusable or already there."""
        v = _unpack(sig)
        if v is None or doc_id in self._sigs:
            return False
        self._sigs[doc_id] = v
        self._order[doc_id] = len(self._order)
        for key in self._bands(v):
            self._buckets.setdefault(key, []).append(doc_id)
        return True

    def remove(self, doc_id: str) -> None:
        """Forget a document (it is no longer an original)."""
        v = self._sigs.pop(doc_id, None)
        if v is None:
            return
        self._order.pop(doc_id, None)
        for key in self._bands(v):
            ids = self._buckets.get(key)
            if ids is not None and doc_id in ids:
                ids.remove(doc_id)

    def _similar(self, sig: bytes) -> list[tuple[float, str]]:
        v = _unpack(sig)
        if v is None:
            return []
        candidates: set[str] = set()
        for key in self._bands(v):
            candidates.update(self._buckets.get(key, ()))
        out = [(float(np.mean(self._sigs[cid] == v)), cid) for cid in candidates]
        return [(sim, cid) for sim, cid in out if sim >= self.threshold]

    def query(self, sig: bytes) -> str | None:
        """The id of the most similar indexed document at or above the threshold, else None."""
        best = max(((sim, -self._order[cid], cid) for sim, cid in self._similar(sig)), default=None)
        return best[2] if best is not None else None

    def matches(self, sig: bytes) -> list[str]:
        """The ids of every indexed document at or above the threshold, in id order."""
        return sorted(cid for _sim, cid in self._similar(sig))


def mark_duplicates(docs: Iterable[Document], index: NearDupIndex) -> Iterator[tuple[Document, bytes]]:
    """Set ``duplicate_of`` on near-duplicates of earlier documents; index the originals."""
    for doc in docs:
        sig = signature(doc.text)
        original = index.query(sig)
        if original is not None and original != doc.id:
            yield replace(doc, duplicate_of=original), sig
        else:
            index.add(doc.id, sig)
            yield doc, sig
