"""Every value the brief shows goes through the template engine's escaping: Jinja2 autoescape for HTML, the
Markdown environment's finalize for Markdown (no raw HTML, no cell split by ``|``, no row split by a line
break)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from markdown_it import MarkdownIt

from sitrep.brief import BriefData, _env, render_html, render_markdown
from sitrep.records import (
    ActorRef,
    Contradiction,
    ContradictionValue,
    Document,
    Event,
    Evidence,
    Incident,
    PersonRole,
    Place,
)
from sitrep.store.base import Query

NAMES = (
    "query.actor", "incident.sub_event_type", "incident.date_low", "incident.date_high", "place.name",
    "place.admin1", "actor1.name", "actor2.name", "incident.source", "contradiction.field", "contradiction.kind",
    "value.one", "value.two", "value.source", "value.evidence", "document.text", "document.source",
    "event.evidence", "person.name", "person.alias", "person.role", "person.organisation", "person.first_seen",
    "person.last_seen", "person.source",
)

# the Markdown brief is shorter: no evidence column in the top incidents, no aliases, no document fallbacks
NOT_IN_MARKDOWN = {"event.evidence", "document.text", "document.source", "person.alias"}


def hostile(name: str) -> str:
    return f"<i>{name}</i>|*{name}*\r\nnext line"


def brief() -> BriefData:
    h = hostile
    place = Place(h("place.name"), "SY", h("place.admin1"), precision="district")
    side_one = ContradictionValue(h("value.one"), ("e1",), (Evidence(h("value.evidence"), 0, 5),),
                                  (h("value.source"),), ("d1",))
    side_two = ContradictionValue(h("value.two"), ("e2",), (Evidence("", 0, 80),), (), ("d2",))
    incident = Incident(
        "inc1", ("e1", "e2"), ("d1", "d2"), "Battles", h("incident.sub_event_type"), "2025-12-13", "day",
        h("incident.date_low"), h("incident.date_high"), place, ActorRef(h("actor1.name")),
        ActorRef(h("actor2.name")), 3, 2, 5, sources=(h("incident.source"), "Reuters"),
        contradictions=(Contradiction(h("contradiction.field"), (side_one, side_two), h("contradiction.kind")),),
    )
    event = Event("d1", "e1", "Battles", None, "2025-12-13", "day", Evidence(h("event.evidence"), 0, 5))
    document = Document("d2", h("document.text"), source=h("document.source"))
    person = PersonRole(h("person.name"), h("person.role"), h("person.organisation"), "SY", h("person.first_seen"),
                        h("person.last_seen"), aliases=(h("person.alias"),), sources=(h("person.source"),))
    return BriefData(Query(actor=h("query.actor")), "2025-12-20 10:00 UTC", [incident], [event], [person],
                     {"d2": document}, {"e1": event})


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)


def test_html_escapes_every_field() -> None:
    assert _env("html").autoescape is True
    html = render_html(brief())
    for name in NAMES:
        assert f"&lt;i&gt;{name}&lt;/i&gt;|*{name}*" in html, name
    parser = Tags()
    parser.feed(html)
    assert "i" not in parser.tags
    assert "<i>" not in html


def test_markdown_escapes_every_field() -> None:
    md = render_markdown(brief())
    for name in set(NAMES) - NOT_IN_MARKDOWN:
        escaped = re.escape(f"&lt;i&gt;{name}&lt;/i&gt;&#124;\\*{name}\\*".replace("_", "\\_")) + " +next line"
        assert re.search(escaped, md), name
    assert "<i>" not in md and "\r" not in md


def test_markdown_pipes_never_split_a_cell() -> None:
    """Issue 17, item 13: '|' inside a value stays inside its cell (the tables keep their column count)."""
    html = MarkdownIt("commonmark").enable("table").render(render_markdown(brief()))
    tables = re.findall(r"<table>.*?</table>", html, re.S)
    assert len(tables) == 4  # headline, top incidents, the contradiction, who's who
    for table in tables:
        rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)
        widths = {len(re.findall(r"<t[hd][ >]", row)) for row in rows}
        assert len(widths) == 1, table[:400]
    for name in ("place.name", "value.one", "person.role"):
        assert f"&lt;i&gt;{name}&lt;/i&gt;|*{name}*" in html.replace("<em>", "*").replace("</em>", "*")
    assert "<i>" not in html
