"""Which side of the Syrian war a named perpetrator fights on, and whether two reports name opposed doers.

Two reports of one day and place whose own sentences name perpetrators of opposed camps ("regime air strikes
on rebel-held districts", "rebel shelling of government-held districts") tell two acts, one by each side --
unless they name one distinctive happening (a chemical attack, a massacre), where each side blaming the other is
the contradiction to show. The camps are written by hand from public knowledge of the war (canonical names of
``data/actors.yaml``); an actor not listed (civilians, unidentified groups, Iraqi or foreign actors) has no camp
and opposes nobody.
"""

from __future__ import annotations

from sitrep.records import Event

_CAMP_MEMBERS: dict[str, tuple[str, ...]] = {
    "government": (
        "Military Forces of Syria (2000-2024)", "Police Forces of Syria (2000-2024)", "Militia (Pro-Government)",
        "QDW: National Defense Forces", "Allied Syrian and/or Russian Forces", "Military Forces of Russia",
        "Military Forces of Iran", "Hezbollah", "Fatemiyoun Brigade", "Zainabiyoun Brigade",
    ),
    "opposition": (
        "Opposition Rebels (Syria)", "JSH: Free Syrian Army", "SNA: Syrian National Army", "Jaysh al-Islam",
        "AAS: Ahrar al-Sham", "HNDZ: Nour al-Din al-Zinki Movement", "JTS: Syria Liberation Front",
        "FaR: Al-Rahman Corps", "JaI: Army of Glory", "Suquor al-Sham", "Al-Sham Corps", "JaN: Army of Victory",
        "Al Nusra Front", "HTS: Hayat Tahrir al-Sham", "Islamist Militia (Syria)", "Al Qaeda",
        "TIP: Turkistan Islamic Party", "Hurras al-Din", "Operation Olive Branch",
    ),
    "islamic state": ("Islamic State (Syria)", "Khalid ibn al-Walid Army"),
    "kurdish": ("QSD: Syrian Democratic Forces", "YPG: Peoples Protection Units", "Asayish (Syria)",
                "PKK: Kurdistan Workers Party"),
    "coalition": ("Global Coalition Against Daesh", "Military Forces of the United States"),
    "turkey": ("Military Forces of Turkey",),
    "israel": ("Military Forces of Israel",),
}
CAMP: dict[str, str] = {name: camp for camp, names in _CAMP_MEMBERS.items() for name in names}
# camps that fight side by side: their acts of one day may be one operation told from either side
ALLIED = frozenset({frozenset({"coalition", "kurdish"}), frozenset({"turkey", "opposition"})})


def doer_camp(ev: Event) -> str | None:
    """The camp of the report's perpetrator, when its own sentence names it as the doer
    (:func:`contradictions.supported`: not "opposition-held", not the side doing the blaming)."""
    from .contradictions import supported  # contradictions imports matching, which imports this module

    if ev.actor1 is None or ev.actor1.name not in CAMP or not supported(ev, "actor1"):
        return None
    return CAMP[ev.actor1.name]


def opposed(a: str | None, b: str | None) -> bool:
    """Two camps at war with each other (not one camp, not allies, not an unknown side)."""
    return a is not None and b is not None and a != b and frozenset({a, b}) not in ALLIED
