/* sitrep web UI. Article text is data: every string from the API reaches the page through
   textContent / text nodes only, never as markup. No inline scripts (the CSP forbids them). */
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);

  function safeHref(url) {
    if (typeof url !== "string") return null;
    if (url.startsWith("/") && !url.startsWith("//")) return url;
    try {
      const u = new URL(url);
      return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  // el("a", {href: "/x", class: "c"}, "text", otherNode)
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "href") {
        const h = safeHref(v);
        if (h) node.setAttribute("href", h);
      } else if (k.startsWith("on")) throw new Error("no event attributes");
      else node.setAttribute(k, String(v));
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  async function api(path, params) {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) {
      if (v !== null && v !== undefined && v !== "") qs.set(k, v);
    }
    const url = qs.toString() ? path + "?" + qs.toString() : path;
    const res = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
    let body = null;
    try {
      body = await res.json();
    } catch (e) {
      body = null;
    }
    if (!res.ok) {
      const msg = body && body.error ? body.error.message : res.statusText;
      throw new Error(res.status + ": " + msg);
    }
    return body;
  }

  function status(msg, isError) {
    const s = $("status");
    if (!s) return;
    s.textContent = msg || "";
    s.classList.toggle("error", !!isError);
  }

  let COLOURS = {};
  const colour = (t) => COLOURS[t] || "#777777";

  function swatch(type) {
    const s = el("span", { class: "swatch" });
    s.style.background = colour(type);
    return s;
  }

  function fmtDate(x) {
    if (!x.date) return "undated";
    let s = x.date;
    if (x.date_low && x.date_high && x.date_low !== x.date_high) s += " (" + x.date_low + " – " + x.date_high + ")";
    else if (x.date_precision && x.date_precision !== "day" && x.date_precision !== "unknown")
      s += " (" + x.date_precision + ")";
    return s;
  }

  const PLACE_PRECISION = { district: "district", admin1: "province", country: "country" };

  function fmtPlace(loc) {
    if (!loc) return "–";
    const parts = [loc.name];
    if (loc.admin1 && loc.admin1 !== loc.name) parts.push(loc.admin1);
    if (loc.country) parts.push(loc.country);
    let s = parts.filter(Boolean).join(", ");
    if (loc.precision && loc.precision !== "point") s += " [" + (PLACE_PRECISION[loc.precision] || loc.precision) + "]";
    return s;
  }

  // record fields as people name them (contradictions name the field they are about)
  const FIELD_LABELS = {
    date: "date", event_type: "event type", sub_event_type: "sub-type", method: "method", actor1: "actor 1",
    actor2: "actor 2", location: "place", fatalities: "killed", injured: "injured",
  };
  const fieldLabel = (f) => FIELD_LABELS[f] || String(f).replace(/_/g, " ");

  // the box around most of the points: the 80% nearest the median point, so the reports from
  // Washington or Moscow in a corpus about Syria do not make the map open on the whole world
  function coreBounds(latlngs) {
    const mid = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const lat0 = mid(latlngs.map((x) => x[0]));
    const lon0 = mid(latlngs.map((x) => x[1]));
    const near = latlngs
      .map((x) => [(x[0] - lat0) ** 2 + ((x[1] - lon0) * Math.cos((lat0 * Math.PI) / 180)) ** 2, x])
      .sort((a, b) => a[0] - b[0])
      .slice(0, latlngs.length >= 10 ? Math.ceil(0.8 * latlngs.length) : latlngs.length)
      .map((d) => d[1]);
    return L.latLngBounds(near);
  }

  const actorName = (a) => (a ? a.name + (a.mention && a.mention !== a.name ? " (“" + a.mention + "”)" : "") : "–");

  // ---------------------------------------------------------------- map page
  async function mapPage() {
    const meta = await api("/api/meta");
    COLOURS = meta.colours || {};
    const typeSel = $("f-type");
    for (const [type, subs] of Object.entries(meta.event_types)) {
      const group = el("optgroup", { label: type });
      group.appendChild(el("option", { value: type }, type + " (all)"));
      for (const s of subs) group.appendChild(el("option", { value: s }, s));
      typeSel.appendChild(group);
    }
    for (const c of meta.countries) $("f-country").appendChild(el("option", { value: c.code }, c.name + " (" + c.count + ")"));
    for (const a of meta.admin1) $("f-admin1").appendChild(el("option", { value: a }, a));
    for (const s of meta.sources) $("f-source").appendChild(el("option", { value: s }, s));

    // time slider: one step per day between the first and the last date in the database
    const DAY = 86400000;
    const t0 = meta.date_min ? Date.parse(meta.date_min + "T00:00:00Z") : Date.now();
    const t1 = meta.date_max ? Date.parse(meta.date_max + "T00:00:00Z") : t0;
    const ndays = Math.max(0, Math.round((t1 - t0) / DAY));
    const iso = (i) => new Date(t0 + i * DAY).toISOString().slice(0, 10);
    const from = $("t-from");
    const to = $("t-to");
    from.max = to.max = String(ndays);
    from.value = "0";
    to.value = String(ndays);
    const labels = () => {
      if (+from.value > +to.value) from.value = to.value;
      $("t-from-label").textContent = meta.date_min ? iso(+from.value) : "–";
      $("t-to-label").textContent = meta.date_max ? iso(+to.value) : "–";
    };

    // restore filters from the URL
    const url = new URLSearchParams(location.search);
    const fields = { type: "f-type", actor: "f-actor", country: "f-country", admin1: "f-admin1", source: "f-source", text: "f-text" };
    for (const [k, id] of Object.entries(fields)) if (url.get(k)) $(id).value = url.get(k);
    const dayOf = (d) => Math.max(0, Math.min(ndays, Math.round((Date.parse(d + "T00:00:00Z") - t0) / DAY)));
    if (url.get("since") && /^\d{4}-\d{2}-\d{2}$/.test(url.get("since"))) from.value = String(dayOf(url.get("since")));
    if (url.get("until") && /^\d{4}-\d{2}-\d{2}$/.test(url.get("until"))) to.value = String(dayOf(url.get("until")));
    labels();

    const map = L.map("map", { worldCopyJump: true, zoomSnap: 0.5, minZoom: 2, maxZoom: 12 }).setView([35, 38.5], 6);
    map.attributionControl.setPrefix(false);
    // the view in the page, for people's tools and the browser tests: west,south,east,north
    map.on("moveend", () => { $("map").dataset.bounds = map.getBounds().toBBoxString(); });
    map.attributionControl.addAttribution("Boundaries: Natural Earth (public domain)");
    const world = await fetch("/basemap/world.geojson").then((r) => r.json());
    L.geoJSON(world, { style: { color: "#8a8a8a", weight: 1, fillColor: "#f4f1e8", fillOpacity: 1 }, interactive: false }).addTo(map);
    fetch("/basemap/admin1.geojson")
      .then((r) => r.json())
      .then((a1) => {
        L.geoJSON(a1, { style: { color: "#b9b4a6", weight: 0.6, dashArray: "2,3", fill: false }, interactive: false }).addTo(map);
      })
      .catch(() => {});
    const cluster = L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false });
    map.addLayer(cluster);
    let first = true;

    function params() {
      const p = {};
      for (const [k, id] of Object.entries(fields)) p[k] = $(id).value.trim();
      if (meta.date_min && +from.value > 0) p.since = iso(+from.value);
      if (meta.date_max && +to.value < ndays) p.until = iso(+to.value);
      return p;
    }

    function popup(props) {
      const box = el("div", { class: "popup" });
      box.appendChild(el("a", { href: "/incident/" + encodeURIComponent(props.incident_id), class: "popup-title" },
        props.event_type + (props.sub_event_type ? ": " + props.sub_event_type : "")));
      box.appendChild(el("div", {}, (props.date || "undated") + " · " + (props.place || "")));
      if (props.fatalities !== null && props.fatalities !== undefined) box.appendChild(el("div", {}, props.fatalities + " killed"));
      box.appendChild(el("div", { class: "muted" }, (props.sources || []).join("; ")));
      if (props.contradictions && props.contradictions.length)
        box.appendChild(el("div", { class: "disputed" }, "Sources disagree on: " + props.contradictions.map(fieldLabel).join(", ")));
      return box;
    }

    async function load() {
      const p = params();
      const shown = new URLSearchParams();
      for (const [k, v] of Object.entries(p)) if (v) shown.set(k, v);
      history.replaceState(null, "", shown.toString() ? "/?" + shown.toString() : "/");
      status("Loading…");
      try {
        const [fc, list] = await Promise.all([api("/api/map", p), api("/api/incidents", Object.assign({ limit: 500 }, p))]);
        cluster.clearLayers();
        const markers = [];
        const points = [];
        for (const f of fc.features) {
          const [lon, lat] = f.geometry.coordinates;
          points.push([lat, lon]);
          const m = L.circleMarker([lat, lon], {
            radius: 6 + Math.min(10, Math.sqrt(f.properties.fatalities || 0) * 1.5),
            color: "#ffffff", weight: 1, fillColor: colour(f.properties.event_type), fillOpacity: 0.85,
          });
          m.bindPopup(popup(f.properties));
          markers.push(m);
        }
        cluster.addLayers(markers);
        if (first && markers.length) {
          map.fitBounds(coreBounds(points), { padding: [30, 30], maxZoom: 8 });
          first = false;
        }
        renderList(list.items);
        status(fc.features.length + " incidents on the map, " + list.count + " listed");
      } catch (e) {
        status(e.message, true);
      }
    }

    function renderList(items) {
      const tbody = $("incidents").querySelector("tbody");
      clear(tbody);
      for (const i of items) {
        const link = el("a", { href: "/incident/" + encodeURIComponent(i.incident_id) }, fmtDate(i));
        tbody.appendChild(el("tr", { "data-incident": i.incident_id },
          el("td", {}, link),
          el("td", {}, swatch(i.event_type), i.event_type, el("br"), el("small", {}, i.sub_event_type || "")),
          el("td", {}, fmtPlace(i.location)),
          el("td", {}, (i.actor1 ? i.actor1.name : "?") + (i.actor2 ? " → " + i.actor2.name : "")),
          el("td", { class: "num" }, i.fatalities === null ? "–" : i.fatalities),
          el("td", {}, (i.sources || []).join("; ")),
          el("td", { class: i.contradictions.length ? "disputed" : "" }, i.contradictions.map((c) => fieldLabel(c.field)).join(", "))));
      }
    }

    for (const id of ["f-type", "f-country", "f-admin1", "f-source"]) $(id).addEventListener("change", () => { first = true; load(); });
    for (const id of ["f-actor", "f-text"]) $(id).addEventListener("keydown", (ev) => { if (ev.key === "Enter") load(); });
    for (const r of [from, to]) {
      r.addEventListener("input", labels);
      r.addEventListener("change", load);
    }
    $("f-apply").addEventListener("click", load);
    $("f-reset").addEventListener("click", () => {
      for (const id of Object.values(fields)) $(id).value = "";
      from.value = "0";
      to.value = String(ndays);
      labels();
      load();
    });
    await load();
    document.body.dataset.ready = "1";
  }

  // ---------------------------------------------------------------- incident page
  function excerptNode(ex) {
    const box = el("blockquote", { class: "excerpt" });
    if (!ex) return box;
    box.appendChild(document.createTextNode(ex.text.slice(0, ex.start)));
    box.appendChild(el("mark", { class: "evidence" }, ex.text.slice(ex.start, ex.end)));
    box.appendChild(document.createTextNode(ex.text.slice(ex.end)));
    return box;
  }

  const REPORT_FIELDS = [
    ["date", "Date", (e) => e.date ? e.date + (e.date_precision !== "day" ? " (" + e.date_precision + ")" : "") : "–"],
    ["event_type", "Type", (e) => e.event_type],
    ["sub_event_type", "Sub-type", (e) => e.sub_event_type || "–"],
    ["method", "Method", (e) => e.method || "–"],
    ["actor1", "Actor 1", (e) => actorName(e.actor1)],
    ["actor2", "Actor 2", (e) => actorName(e.actor2)],
    ["location", "Place", (e) => fmtPlace(e.location)],
    ["fatalities", "Killed", (e) => (e.fatalities === null ? "–" : e.fatalities)],
    ["injured", "Injured", (e) => (e.injured === null ? "–" : e.injured)],
  ];

  async function incidentPage() {
    const id = decodeURIComponent(location.pathname.split("/").pop());
    let inc;
    try {
      inc = await api("/api/incidents/" + encodeURIComponent(id));
    } catch (e) {
      $("title").textContent = "Incident not found";
      return;
    }
    const place = inc.location ? inc.location.name : "unknown place";
    $("title").textContent = inc.event_type + " · " + place + " · " + fmtDate(inc);
    document.title = $("title").textContent + " · sitrep";
    const dl = $("consensus");
    const fat = inc.fatalities === null ? "–" : String(inc.fatalities) +
      (inc.fatalities_high !== null && inc.fatalities_high !== inc.fatalities_low ? " (" + inc.fatalities_low + "–" + inc.fatalities_high + ")" : "");
    for (const [k, v] of [
      ["Date", fmtDate(inc)], ["Type", inc.event_type + (inc.sub_event_type ? ": " + inc.sub_event_type : "")],
      ["Place", fmtPlace(inc.location)], ["Actor 1", actorName(inc.actor1)], ["Actor 2", actorName(inc.actor2)],
      ["Killed (conservative)", fat], ["Method", inc.method || "–"], ["Sources", (inc.sources || []).join("; ")],
      ["Reports", String(inc.event_ids.length)],
    ]) {
      dl.appendChild(el("dt", {}, k));
      dl.appendChild(el("dd", {}, v));
    }
    const disputed = new Set(inc.contradictions.map((c) => c.field));
    if (disputed.has("sub_event_type")) disputed.add("method");
    if (disputed.has("method")) disputed.add("sub_event_type");
    if (disputed.has("sub_event_type")) disputed.add("event_type");
    const sec = $("contradictions");
    if (inc.contradictions.length) sec.appendChild(el("h2", {}, "Where the sources disagree"));
    for (const c of inc.contradictions) {
      const block = el("div", { class: "contradiction", "data-field": c.field });
      block.appendChild(el("h3", {}, "Sources disagree on the " + fieldLabel(c.field) + (c.kind ? " (" + c.kind + ")" : "")));
      const grid = el("div", { class: "side" });
      for (const v of c.values) {
        const card = el("div", { class: "side-card" });
        card.appendChild(el("div", { class: "value contra" }, v.label || String(v.value)));
        card.appendChild(el("div", { class: "muted" }, (v.sources || []).join("; ") + " · " + v.event_ids.length + " report(s)"));
        for (const ev of v.evidence || []) card.appendChild(el("blockquote", {}, el("mark", { class: "evidence" }, ev.text)));
        grid.appendChild(card);
      }
      block.appendChild(grid);
      sec.appendChild(block);
    }
    const reports = $("reports");
    for (const r of inc.reports) {
      const e = r.event;
      const d = r.document || {};
      const col = el("section", { class: "report", "data-event": e.event_id });
      col.appendChild(el("h3", {}, d.label || e.source || "Unknown source"));
      const docLink = "/document/" + encodeURIComponent(e.doc_id) + "?hl=" + e.evidence.start + "-" + e.evidence.end;
      col.appendChild(el("p", { class: "muted" }, el("a", { href: docLink }, d.title || "Document"),
        " · published " + (d.published || "unknown")));
      const table = el("table", { class: "fields" });
      for (const [key, label, fn] of REPORT_FIELDS) {
        table.appendChild(el("tr", { class: disputed.has(key) ? "contra" : "" }, el("th", {}, label), el("td", {}, fn(e))));
      }
      col.appendChild(table);
      col.appendChild(el("h4", {}, "Evidence in the document"));
      col.appendChild(excerptNode(r.excerpt));
      reports.appendChild(col);
    }
    document.body.dataset.ready = "1";
  }

  // ---------------------------------------------------------------- document page
  async function documentPage() {
    await loadColours();
    const id = decodeURIComponent(location.pathname.split("/").pop());
    let doc;
    try {
      doc = await api("/api/documents/" + encodeURIComponent(id));
    } catch (e) {
      $("title").textContent = "Document not found";
      return;
    }
    $("title").textContent = doc.title || "(untitled document)";
    document.title = $("title").textContent + " · sitrep";
    const meta = $("meta");
    meta.appendChild(document.createTextNode((doc.label || "unknown source") + " · published " + (doc.published || "unknown") +
      (doc.published_method ? " (" + doc.published_precision + ", from " + doc.published_method + ")" : "")));
    const href = safeHref(doc.url);
    if (href) {
      meta.appendChild(document.createTextNode(" · "));
      meta.appendChild(el("a", { href: href, rel: "noopener noreferrer nofollow", target: "_blank" }, "original"));
    } else if (doc.url) {
      meta.appendChild(document.createTextNode(" · " + doc.url));
    }
    const hl = new URLSearchParams(location.search).get("hl");
    // evidence spans, non-overlapping, in order
    const spans = [];
    for (const e of doc.events.slice().sort((a, b) => a.evidence.start - b.evidence.start)) {
      const s = e.evidence;
      if (spans.length && s.start < spans[spans.length - 1].end) continue;
      spans.push({ start: s.start, end: s.end, ev: e });
    }
    const text = $("text");
    let pos = 0;
    let focus = null;
    for (const s of spans) {
      text.appendChild(document.createTextNode(doc.text.slice(pos, s.start)));
      const m = el("mark", { id: "ev-" + s.start, class: "evidence", title: s.ev.event_type + (s.ev.date ? " · " + s.ev.date : "") },
        doc.text.slice(s.start, s.end));
      if (hl === s.start + "-" + s.end) {
        m.classList.add("focus");
        focus = m;
      }
      text.appendChild(m);
      pos = s.end;
    }
    text.appendChild(document.createTextNode(doc.text.slice(pos)));
    const list = $("events");
    for (const e of doc.events) {
      const li = el("li", {}, swatch(e.event_type), el("a", { href: "#ev-" + e.evidence.start }, e.event_type + (e.sub_event_type ? ": " + e.sub_event_type : "")),
        " · " + (e.date || "undated") + " · " + fmtPlace(e.location));
      if (e.incident_id) li.appendChild(el("div", {}, el("a", { href: "/incident/" + encodeURIComponent(e.incident_id) }, "incident →")));
      list.appendChild(li);
    }
    if (focus) focus.scrollIntoView({ block: "center" });
    document.body.dataset.ready = "1";
  }

  // ---------------------------------------------------------------- search page
  async function searchPage() {
    const q = new URLSearchParams(location.search).get("q") || "";
    $("q").value = q;
    if (!q.trim()) {
      document.body.dataset.ready = "1";
      return;
    }
    status("Searching…");
    try {
      const r = await api("/api/search", { q: q, limit: 50 });
      const inc = $("incident-results");
      for (const i of r.incidents) {
        inc.appendChild(el("li", {}, el("a", { href: "/incident/" + encodeURIComponent(i.incident_id) },
          (i.date || "undated") + " · " + i.event_type + " · " + (i.place || "unknown place")), " — " + i.sources.join("; ")));
      }
      const docs = $("document-results");
      for (const d of r.documents) {
        docs.appendChild(el("li", {}, el("a", { href: "/document/" + encodeURIComponent(d.id) }, d.title || "(untitled)"),
          el("span", { class: "muted" }, " " + (d.label || "") + " · " + (d.published || "undated")), el("p", { class: "snippet" }, d.snippet)));
      }
      status(r.incidents.length + " incidents, " + r.documents.length + " documents");
    } catch (e) {
      status(e.message, true);
    }
    document.body.dataset.ready = "1";
  }

  // ---------------------------------------------------------------- people page
  async function peoplePage() {
    const name = new URLSearchParams(location.search).get("name") || "";
    $("name").value = name;
    const r = await api("/api/people", { name: name, limit: 1000 });
    const tbody = $("people").querySelector("tbody");
    for (const p of r.items) {
      const who = el("td", {}, p.name);
      if (p.aliases && p.aliases.length) who.appendChild(el("small", { class: "muted" }, " also " + p.aliases.join(", ")));
      tbody.appendChild(el("tr", {}, who, el("td", {}, p.role || ""), el("td", {}, p.organisation || ""), el("td", {}, p.country || ""),
        el("td", {}, p.first_seen || ""), el("td", {}, p.last_seen || ""), el("td", {}, (p.sources || []).join("; "))));
    }
    document.body.dataset.ready = "1";
  }

  async function loadColours() {
    try {
      COLOURS = (await api("/api/meta")).colours || {};
    } catch (e) {
      COLOURS = {};
    }
  }

  const pages = { map: mapPage, incident: incidentPage, document: documentPage, search: searchPage, people: peoplePage };
  const run = pages[document.body.dataset.page];
  if (run) {
    run().catch((e) => {
      console.error(e && e.stack ? e.stack : String(e));
      status(e.message || String(e), true);
      document.body.dataset.ready = "error";
    });
  }
})();
