"""Document-wide votes: one sense per name (``_one_sense``), the countries and admin1 areas the mentions
vote for (``_votes``) and the context a name is resolved in (``_context``, ``_theatre_context``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from sitrep.geo.gazetteer import CORE, Entry, norm_key

from .place_recognition import _Mention
from .place_scoring import _COUNTRY_VOTE, PlaceContext


def _one_sense(mentions: Sequence[_Mention]) -> None:
    """One sense per discourse: the unqualified mentions of a name take the reading most of them have
    (one placed by a container, "Alexandria, Va.", counts three times), so that "Alexandria police",
    found with fewer candidates, is the Alexandria the rest of the text is about."""
    tally: dict[str, Counter[int]] = {}
    by_idx: dict[int, Entry] = {}
    for m in mentions:
        if m.best is None or m.demonym or m.qual is not None:
            continue
        w = 3 if m.container is not None and m.container.best is not None else 1
        tally.setdefault(norm_key(m.text), Counter())[m.best.idx] += w
        by_idx[m.best.idx] = m.best
    for m in mentions:
        t = tally.get(norm_key(m.text))
        if t is None or m.best is None or m.demonym or m.qual is not None or m.container is not None:
            continue
        m.best = by_idx[t.most_common(1)[0][0]]


def _votes(mentions: Sequence[_Mention], home: Sequence[str] = ()
           ) -> dict[str, tuple[str | None, str | None, float, Entry | None]]:
    """One vote per distinct name (a name repeated ten times is still one piece of evidence):
    key -> (country, admin1 code, weight, entry).  ``home`` countries vote as if named once."""
    votes: dict[str, tuple[str | None, str | None, float, Entry | None]] = {
        f"@home:{cc}": (cc, None, 1.0, None) for cc in home
    }
    for m in mentions:
        k = norm_key(m.text)
        if m.demonym:
            v: tuple[str | None, str | None, float, Entry | None] = (m.demonym, None, 0.5, None)
        elif m.best is not None:
            e = m.best
            w = 1.0 if m.margin >= 1.0 else 0.5
            if e.kind == "country":
                w = min(w, _COUNTRY_VOTE)
            a1 = e.admin1 if e.kind != "country" else None
            v = (e.country or None, a1, w, e)
        else:
            continue
        if k not in votes or v[2] > votes[k][2]:
            votes[k] = v
    return votes


def _same_name(k: str, skip: str) -> bool:
    """Two keys of one name, as far as its votes go: the same, or one the other plus words ("dublin" and
    "dublin city"), which would otherwise vote for itself."""
    return k == skip or k.startswith(skip + " ") or skip.startswith(k + " ")


def _context(votes: dict[str, tuple[str | None, str | None, float, Entry | None]], skip: str) -> PlaceContext:
    ctx = PlaceContext()
    for k, (cc, a1, w, e) in votes.items():
        if _same_name(k, skip):
            continue
        if cc:
            ctx.countries[cc] = ctx.countries.get(cc, 0.0) + w
        if a1 and e is not None:
            aw = w if e.kind == "admin1" else (0.5 * w if w >= 1.0 else 0.0)
            if aw:
                ctx.admin1[a1] = ctx.admin1.get(a1, 0.0) + aw
        if (e is not None and e.kind in ("place", "supplement") and e.lat is not None and e.lon is not None
                and w >= 1.0):
            ctx.points.append((e.lat, e.lon, w))
    return ctx


def _known_abroad(m: _Mention) -> bool:
    """A place outside a Syrian/Iraqi document's countries that it may still name without naming its
    country: a large city written with its own main name ("Tehran", "Beirut"), not a village or a
    spelling variant ("Riyad" for a village near Kirkuk is not Riyadh)."""
    e = m.best
    if e is None:
        return False
    how = next((h for c, h in m.cands if c.idx == e.idx), "loose")
    if e.population < 100_000 or how == "loose":
        return False
    major = e.fcode in ("PPLC", "PPLA") or e.n_names >= 25
    return major and (how == "name" or e.fcode == "PPLC")


def _theatre_context(votes: dict[str, tuple[str | None, str | None, float, Entry | None]], skip: str = "",
                     home: Sequence[str] = ()) -> frozenset[str]:
    """For a document mostly about its theatre (Syria and Iraq, plus the ``home`` countries its own armed
    actors or the collection's profile name), by the votes of its other names than ``skip``: the countries
    its villages may lie in, the theatre and any country it names; empty for any other document."""
    theatre = CORE | frozenset(home)
    w: dict[str, float] = {}
    named: set[str] = set()  # countries the text names outright ("US officials", "Washington ... Syria")
    for k, (cc, _a1, weight, e) in votes.items():
        if cc and k != skip:
            w[cc] = w.get(cc, 0.0) + weight
            if e is None or e.kind == "country":
                named.add(cc)
    total = sum(w.values())
    core = sum(w.get(cc, 0.0) for cc in theatre)
    if total <= 0 or core / total < 0.6:
        return frozenset()
    return theatre | named
