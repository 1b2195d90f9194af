"""Assemble the typer training set (data/typer/sentences.tsv) from its hand-made parts.

Parts (all in data/typer/, see README.md there):
  own_*.txt            sentences written by hand, grouped under "## LABEL" lines
  frames.yaml          hand-written sentence frames, filled from countries.yaml (deterministic seed)
  fakes_sentences.tsv  FA-KES sentences labelled by reading them (unit_id, n, label, text)

    python scripts/build_typer_data.py            # writes data/typer/sentences.tsv
    python scripts/build_typer_data.py --sample-fakes 400 > /tmp/fakes_todo.tsv   # sentences to label

The output has one row per sentence: id (hash of the text), label, source (own | frame | fakes), group (the
frame a sentence was filled from, else its id), text.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import random
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "typer"
FAKES = Path("/work/shared/corpus/fakes/FA-KES-Dataset.csv")
RESERVED = Path("/work/shared/eval/articles_dev/RESERVED.txt")
SEED = 13
PER_FRAME = 12
PER_FRAME_NONE = 18

LABELS = (
    "Battles|Armed clash", "Battles|Government regains territory", "Battles|Non-state actor overtakes territory",
    "Explosions/Remote violence|Chemical weapon", "Explosions/Remote violence|Air/drone strike",
    "Explosions/Remote violence|Suicide bomb", "Explosions/Remote violence|Shelling/artillery/missile attack",
    "Explosions/Remote violence|Remote explosive/landmine/IED", "Explosions/Remote violence|Grenade",
    "Violence against civilians|Sexual violence", "Violence against civilians|Attack",
    "Violence against civilians|Abduction/forced disappearance",
    "Protests|Peaceful protest", "Protests|Protest with intervention", "Protests|Excessive force against protesters",
    "Riots|Violent demonstration", "Riots|Mob violence",
    "Strategic developments|Agreement", "Strategic developments|Arrests",
    "Strategic developments|Change to group/activity", "Strategic developments|Disrupted weapons use",
    "Strategic developments|Headquarters or base established", "Strategic developments|Looting/property destruction",
    "Strategic developments|Non-violent transfer of territory", "Strategic developments|Other",
    "Diplomacy|consult", "Diplomacy|statement", "Diplomacy|threaten", "Diplomacy|accuse/condemn", "Diplomacy|agree",
    "Diplomacy|request", "Diplomacy|sanction", "Diplomacy|aid",
    "none",
)

FOREIGN = ["the United States", "Turkey", "Egypt", "Qatar", "the United Arab Emirates", "Saudi Arabia", "Kenya",
           "Ethiopia", "Russia", "China", "France", "Britain", "Iran", "India", "Algeria", "Rwanda", "Uganda",
           "Germany", "Japan", "the European Union", "Nigeria", "South Africa", "Brazil", "Norway", "Pakistan"]
SOURCES = ["officials said", "residents said", "a military official told AFP", "local media reported",
           "witnesses said", "police said", "according to a local official", "the army said in a statement",
           "a medical source said", "security sources said", "activists said", "a spokesman said",
           "sources told Reuters", "a resident told the Associated Press", "according to the UN",
           "local elders said", "state media reported", "a monitoring group said", "the group said",
           "a hospital official said", "according to witnesses", "the defence ministry said"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MON_ABBR = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
NUMWORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "15",
            "dozens of", "at least 20", "more than 30", "nearly 40", "at least 6", "4", "9", "13", "17", "23",
            "at least three", "some 50", "scores of", "around 25"]
BIG = ["10,000", "2 million", "500,000", "three million", "tens of thousands of", "hundreds of thousands of",
       "150,000", "1.2 million", "thousands of"]
CIV = ["a farmer", "two women", "three villagers", "a teacher", "a shopkeeper", "a family of five", "two brothers",
       "a local elder", "five civilians", "a group of traders", "an aid worker", "a pregnant woman", "a boy",
       "several displaced people", "a religious leader", "a bus driver", "two shepherds", "four passengers",
       "a nurse", "a journalist", "a student", "six fishermen", "a village chief", "an elderly man"]
OFFICIAL = ["a local official", "the district commissioner", "the provincial governor", "a police spokesman",
            "an army officer", "a community leader"]


def _date(rng: random.Random) -> str:
    d = rng.randint(1, 28)
    m = rng.randrange(12)
    return rng.choice([
        f"on {rng.choice(WEEKDAYS)}", f"on {rng.choice(WEEKDAYS)} morning", f"late on {rng.choice(WEEKDAYS)}",
        f"on {d} {MONTHS[m]}", f"on {MONTHS[m]} {d}", f"on {MON_ABBR[m]} {d}", "overnight", "yesterday",
        "early on Sunday", f"on the night of {MONTHS[m]} {d}", "this morning", f"on {d} {MONTHS[m]} 2025",
        "last week", f"on {rng.choice(WEEKDAYS)} evening", "on Friday afternoon", "at dawn on Tuesday",
    ])


def _lead(rng: random.Random, capital: str) -> str:
    if rng.random() < 0.65:
        return ""
    m = rng.randrange(12)
    d = rng.randint(1, 28)
    agency = rng.choice(["(Reuters)", "(AP)", "(AFP)", "", "(Xinhua)", "(Anadolu)"])
    form = rng.choice([f"{capital.upper()}, {MON_ABBR[m]} {d} {agency} - ",
                       f"{capital.upper()} {agency} — ", f"{capital}, {d} {MONTHS[m]} — ",
                       f"{capital.upper()}, {MONTHS[m]} {d} -- "])
    return form.replace("  ", " ")


_ALT = re.compile(r"\[([^\[\]]*)\]")
_SLOT = re.compile(r"\{(\w+)\}")


def fill(frame: str, country: dict[str, object], cname: str, rng: random.Random) -> str:
    frame = _ALT.sub(lambda m: rng.choice(m.group(1).split("|")), frame)
    towns = list(country["towns"])  # type: ignore[call-overload]
    rng.shuffle(towns)
    date = _date(rng)
    values = {
        "state": rng.choice(country["state"]), "rebel": rng.choice(country["rebel"]),  # type: ignore[call-overload]
        "militia": rng.choice(country["militia"]), "police": rng.choice(country["police"]),  # type: ignore[call-overload]
        "town": towns[0], "town2": towns[1], "region": rng.choice(country["regions"]),  # type: ignore[call-overload]
        "country": cname, "demonym": country["demonym"], "gov": rng.choice(country["gov"]),  # type: ignore[call-overload]
        "capital": country["capital"], "date": date, "date_cap": date[0].upper() + date[1:],
        "n": rng.choice(NUMWORDS), "big": rng.choice(BIG), "civ": rng.choice(CIV),
        "armed": rng.choice(list(country["rebel"]) + list(country["militia"]) + list(country["state"])),  # type: ignore[call-overload]
        "foreign": rng.choice([f for f in FOREIGN if f.lower().removeprefix("the ") != cname.lower()]),
        "source": rng.choice(SOURCES), "official": rng.choice(OFFICIAL),
        "lead": _lead(rng, str(country["capital"])),
    }
    text = _SLOT.sub(lambda m: str(values[m.group(1)]), frame)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r" ,", ",", text)
    # capitalise the sentence start and the first word after a wire lead
    text = text[0].upper() + text[1:]
    text = re.sub(r"((?:—|--| - )\s)([a-z])", lambda m: m.group(1) + m.group(2).upper(), text, count=1)
    return text


def read_own() -> list[tuple[str, str, str]]:
    rows: list[tuple[str, str, str]] = []
    for path in sorted(DATA.glob("own_*.txt")):
        label = None
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not line or line.startswith("# "):
                continue
            if line.startswith("## "):
                label = line[3:].strip()
                if label not in LABELS:
                    raise SystemExit(f"{path.name}: unknown label {label!r}")
                continue
            if label is None:
                raise SystemExit(f"{path.name}: sentence before any label")
            rows.append((label, "own", line))
    return rows


def read_frames() -> list[tuple[str, str, str]]:
    frames = yaml.safe_load((DATA / "frames.yaml").read_text(encoding="utf-8"))
    countries = yaml.safe_load((DATA / "countries.yaml").read_text(encoding="utf-8"))
    names = sorted(countries)
    rng = random.Random(SEED)
    rows: list[tuple[str, str, str]] = []
    for label in LABELS:
        for fi, frame in enumerate(frames.get(label) or []):
            k = PER_FRAME_NONE if label == "none" else PER_FRAME
            seen: set[str] = set()
            for _ in range(k * 3):
                if len(seen) >= k:
                    break
                cname = rng.choice(names)
                text = fill(frame, countries[cname], cname, rng)
                if text not in seen:
                    seen.add(text)
                    rows.append((label, f"frame:{LABELS.index(label)}.{fi}", text))
    return rows


def read_fakes_labelled() -> list[tuple[str, str, str]]:
    path = DATA / "fakes_sentences.tsv"
    if not path.exists():
        return []
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            if r["label"] == "skip":  # the sentence alone does not decide its type (see docs/LABELLING.md)
                continue
            if r["label"] not in LABELS:
                raise SystemExit(f"fakes_sentences.tsv: unknown label {r['label']!r}")
            rows.append((r["label"], "fakes", r["text"]))
    return rows


def reserved_ids() -> set[str]:
    return {ln.strip() for ln in RESERVED.read_text().splitlines() if ln.strip() and not ln.startswith("#")}


def fakes_sentences() -> list[tuple[str, int, str]]:
    """Every sentence of the FA-KES articles that are not reserved for evaluation: (unit_id, n, text)."""
    skip = reserved_ids()
    out = []
    with FAKES.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            if r["unit_id"] in skip:
                continue
            text = re.sub(r"\s+", " ", r["article_content"])
            for n, s in enumerate(re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", text)):
                s = s.strip()
                if 40 <= len(s) <= 300:
                    out.append((r["unit_id"], n, s))
    return out


def sample_fakes(k: int) -> None:
    sents = fakes_sentences()
    rng = random.Random(SEED)
    done = set()
    path = DATA / "fakes_sentences.tsv"
    if path.exists():
        with path.open(encoding="utf-8", newline="") as fh:
            done = {(r["unit_id"], r["n"]) for r in csv.DictReader(fh, delimiter="\t")}
    rng.shuffle(sents)
    w = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    w.writerow(["unit_id", "n", "label", "text"])
    for uid, n, s in sents[: k + len(done)]:
        if (uid, str(n)) not in done:
            w.writerow([uid, n, "", s])


def sid(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def build() -> list[tuple[str, str, str, str, str]]:
    rows = read_own() + read_fakes_labelled() + read_frames()
    out: dict[str, tuple[str, str, str, str, str]] = {}
    for label, source, text in rows:
        i = sid(text)
        if i not in out:
            # group: the frame a sentence comes from (cross-validation keeps a frame's sentences in one fold)
            group = source if source.startswith("frame:") else i
            out[i] = (i, label, source.split(":")[0], group, text)
    return sorted(out.values(), key=lambda r: r[0])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample-fakes", type=int, default=0, help="print N unlabelled FA-KES sentences to label")
    ap.add_argument("-o", "--output", default=str(DATA / "sentences.tsv"))
    a = ap.parse_args()
    if a.sample_fakes:
        sample_fakes(a.sample_fakes)
        return
    rows = build()
    with open(a.output, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["id", "label", "source", "group", "text"])
        w.writerows(rows)
    counts: dict[str, int] = {}
    for r in rows:
        counts[r[1]] = counts.get(r[1], 0) + 1
    print(f"{len(rows)} sentences -> {a.output}", file=sys.stderr)
    for lab in LABELS:
        print(f"  {counts.get(lab, 0):5d}  {lab}", file=sys.stderr)


if __name__ == "__main__":
    main()
