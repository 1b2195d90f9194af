-- sitrep schema v1 (SQLite). Every table keeps the full record as JSON in `data` and the
-- columns the filters need, indexed.
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    title TEXT,
    source TEXT,
    url TEXT,
    language TEXT,
    published TEXT,
    published_precision TEXT,
    published_method TEXT,
    origin TEXT,
    duplicate_of TEXT,
    text TEXT NOT NULL,
    signature BLOB,
    ingested_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_published ON documents(published);
CREATE INDEX IF NOT EXISTS documents_source ON documents(source);

CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
    title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER IF NOT EXISTS documents_au AFTER UPDATE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;

CREATE TABLE IF NOT EXISTS events (
    event_id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id),
    event_type TEXT NOT NULL,
    sub_event_type TEXT,
    date TEXT,
    date_low TEXT,
    date_high TEXT,
    country TEXT,
    admin1 TEXT,
    location TEXT,
    lat REAL,
    lon REAL,
    actor1 TEXT,
    actor2 TEXT,
    fatalities INTEGER,
    source TEXT,
    generic INTEGER NOT NULL DEFAULT 0,
    evidence TEXT,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_doc ON events(doc_id);
CREATE INDEX IF NOT EXISTS events_date ON events(date_low, date_high);
CREATE INDEX IF NOT EXISTS events_country ON events(country, admin1);
CREATE INDEX IF NOT EXISTS events_latlon ON events(lat, lon);

CREATE VIRTUAL TABLE IF NOT EXISTS events_fts USING fts5(
    evidence, actor1, actor2, location, content='events', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS events_ai AFTER INSERT ON events BEGIN
    INSERT INTO events_fts(rowid, evidence, actor1, actor2, location)
    VALUES (new.rowid, new.evidence, new.actor1, new.actor2, new.location);
END;
CREATE TRIGGER IF NOT EXISTS events_ad AFTER DELETE ON events BEGIN
    INSERT INTO events_fts(events_fts, rowid, evidence, actor1, actor2, location)
    VALUES ('delete', old.rowid, old.evidence, old.actor1, old.actor2, old.location);
END;
CREATE TRIGGER IF NOT EXISTS events_au AFTER UPDATE ON events BEGIN
    INSERT INTO events_fts(events_fts, rowid, evidence, actor1, actor2, location)
    VALUES ('delete', old.rowid, old.evidence, old.actor1, old.actor2, old.location);
    INSERT INTO events_fts(rowid, evidence, actor1, actor2, location)
    VALUES (new.rowid, new.evidence, new.actor1, new.actor2, new.location);
END;

CREATE TABLE IF NOT EXISTS incidents (
    incident_id TEXT PRIMARY KEY,
    event_type TEXT,
    sub_event_type TEXT,
    date TEXT,
    date_low TEXT,
    date_high TEXT,
    country TEXT,
    admin1 TEXT,
    location TEXT,
    lat REAL,
    lon REAL,
    actor1 TEXT,
    actor2 TEXT,
    fatalities INTEGER,
    n_reports INTEGER NOT NULL DEFAULT 1,
    n_sources INTEGER NOT NULL DEFAULT 1,
    n_contradictions INTEGER NOT NULL DEFAULT 0,
    sources TEXT,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS incidents_date ON incidents(date_low, date_high);
CREATE INDEX IF NOT EXISTS incidents_country ON incidents(country, admin1);

CREATE TABLE IF NOT EXISTS incident_events (
    event_id TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS incident_events_incident ON incident_events(incident_id);

CREATE TABLE IF NOT EXISTS people (
    person_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT,
    first_seen TEXT,
    last_seen TEXT,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS people_name ON people(name);

CREATE TABLE IF NOT EXISTS sources_seen (
    key TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    seen_at TEXT NOT NULL
);
