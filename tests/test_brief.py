"""The situation brief on a real SQLite store: self-contained HTML and Markdown."""

from __future__ import annotations

import base64
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.brief import collect, render_html, render_markdown, write_brief
from sitrep.brief_svg import map_svg, timeline_svg
from sitrep.store.base import Query, Store
from tests._outputs_data import XSS_IMG, XSS_SCRIPT, build_store


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    s = build_store(tmp_path / "sitrep.db", xss=True)
    yield s
    s.close()


def test_html_brief_is_self_contained_with_map_timeline_and_palmyra_contradiction(
    store: Store, tmp_path: Path
) -> None:
    out = tmp_path / "brief.html"
    data = write_brief(store, out, Query(country="SY"))
    html = out.read_text(encoding="utf-8")
    parser = _Collect()
    parser.feed(html)
    tags = parser.tags
    # the map (Natural Earth outlines + one dot per located incident) and the timeline, inline
    assert any(t == "svg" and a.get("class") == "map" for t, a in tags)
    assert any(t == "svg" and a.get("class") == "timeline" for t, a in tags)
    assert sum(1 for t, _ in tags if t == "circle") == sum(1 for i in data.incidents if i.location and i.location.lat)
    assert sum(1 for t, a in tags if t == "path") > 10  # country and province outlines
    # Palmyra: both dates, side by side, each with its evidence sentence
    section = html[html.index('id="incident-') :]
    assert "2025-12-13" in section and "2025-12-19" in section
    assert "a Saturday ambush by a Daesh gunman in the Palmyra desert" in section
    assert "On December 19, 2025, an IS-linked suicide bomber attacked a coalition convoy" in section
    assert "Suicide bomb" in section and "Armed clash" in section
    # no network: nothing with a src/href pointing anywhere, no scripts, a CSP that forbids both
    for tag, attrs in tags:
        for key in ("src", "href", "xlink:href", "action", "poster", "data"):
            value = attrs.get(key)
            assert value is None or value.startswith(("#", "data:")), (tag, key, value)
        assert tag not in ("script", "iframe", "object", "embed", "link", "base")
    assert not re.search(r"(?i)\burl\(\s*['\"]?(https?:)?//", html)
    assert "default-src 'none'" in html
    # the hostile article text is escaped, never markup
    assert XSS_SCRIPT not in html and XSS_IMG not in html
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html
    assert not any(t == "script" for t, _ in tags)
    assert not any(k.startswith("on") for _, a in tags for k in a)
    # footer: methods and attribution
    for needle in ("Methods and caveats", "GeoNames", "CC BY 4.0", "FA-KES", "Abu Salem", "ICWSM 2019",
                   "Natural Earth", "precision"):
        assert needle in html
    # who's who
    assert "Asaad al-Shaibani" in html and "Foreign Minister" in html


def test_markdown_brief_inlines_images_and_escapes(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "brief.md"
    write_brief(store, out, Query(country="SY", since="2025-12-01"))
    md = out.read_text(encoding="utf-8")
    images = re.findall(r"!\[[^\]]*\]\((data:image/svg\+xml;base64,[A-Za-z0-9+/=]+)\)", md)
    assert len(images) == 2
    svgs = [base64.b64decode(x.split(",", 1)[1]).decode() for x in images]
    assert svgs[0].startswith("<svg") and 'class="map"' in svgs[0]
    assert 'class="timeline"' in svgs[1]
    assert "2025-12-13" in md and "2025-12-19" in md and "## Contradictions" in md
    assert "<script>" not in md and "&lt;script&gt;" in md
    assert not re.search(r"\]\((https?:)?//", md)


def test_brief_without_data_still_renders(tmp_path: Path) -> None:
    from sitrep.store import open_store

    s = open_store(str(tmp_path / "empty.db"))
    data = collect(s, Query(country="SY"))
    html = render_html(data)
    assert "No disagreement between sources" in html and 'class="map"' in html
    assert "No day-precise events" in timeline_svg([])
    assert render_markdown(data).startswith("# Situation brief: Syria")
    s.close()


def test_map_frames_the_country_and_escapes_labels(store: Store) -> None:
    svg = map_svg(store.incidents(), "SY")
    assert svg.count("<circle") == len([i for i in store.incidents() if i.location and i.location.lat])
    assert "<svg onload" not in svg and "&lt;svg onload=" in svg


def test_brief_command(tmp_path: Path, store: Store) -> None:
    from sitrep.cli import main

    out = tmp_path / "b.html"
    r = CliRunner().invoke(main, ["brief", "--db", str(tmp_path / "sitrep.db"), "--country", "SY", "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    r = CliRunner().invoke(main, ["brief", "--db", str(tmp_path / "sitrep.db"), "--since", "yesterday"])
    assert r.exit_code == 2
