-- sitrep schema v1 (PostgreSQL): the same tables and columns as migrations/sqlite/001_init.sql,
-- types adapted. Every table keeps the full record as JSON text in `data` (exact round trip) and
-- the columns the filters need, indexed. Full-text search: a `tsv` tsvector column per searchable
-- table with a GIN index, filled by the store from the same word splitting SQLite's FTS5 uses
-- (unicode61, diacritics removed), so a query finds the same rows on both backends.
-- Ids and dates sort bytewise (COLLATE "C") whatever the database's locale. `seq` stands for
-- SQLite's rowid (insertion order, the tie-breaker of every listing).
CREATE TABLE IF NOT EXISTS documents (
    id TEXT COLLATE "C" PRIMARY KEY,
    title TEXT,
    source TEXT,
    url TEXT,
    language TEXT,
    published TEXT COLLATE "C",
    published_precision TEXT,
    published_method TEXT,
    origin TEXT,
    duplicate_of TEXT COLLATE "C",
    text TEXT NOT NULL,
    signature BYTEA,
    ingested_at TEXT NOT NULL,
    seq BIGSERIAL,
    tsv TSVECTOR
);
CREATE INDEX IF NOT EXISTS documents_published ON documents(published);
CREATE INDEX IF NOT EXISTS documents_source ON documents(source);
CREATE INDEX IF NOT EXISTS documents_tsv ON documents USING GIN (tsv);

CREATE TABLE IF NOT EXISTS events (
    event_id TEXT COLLATE "C" PRIMARY KEY,
    doc_id TEXT COLLATE "C" NOT NULL,
    event_type TEXT NOT NULL,
    sub_event_type TEXT,
    date TEXT COLLATE "C",
    date_low TEXT COLLATE "C",
    date_high TEXT COLLATE "C",
    country TEXT,
    admin1 TEXT,
    location TEXT,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    actor1 TEXT,
    actor2 TEXT,
    fatalities INTEGER,
    source TEXT,
    generic INTEGER NOT NULL DEFAULT 0,
    evidence TEXT,
    data TEXT NOT NULL,
    seq BIGSERIAL,
    tsv TSVECTOR
);
CREATE INDEX IF NOT EXISTS events_doc ON events(doc_id);
CREATE INDEX IF NOT EXISTS events_date ON events(date_low, date_high);
CREATE INDEX IF NOT EXISTS events_country ON events(country, admin1);
CREATE INDEX IF NOT EXISTS events_latlon ON events(lat, lon);
CREATE INDEX IF NOT EXISTS events_tsv ON events USING GIN (tsv);

CREATE TABLE IF NOT EXISTS incidents (
    incident_id TEXT COLLATE "C" PRIMARY KEY,
    event_type TEXT,
    sub_event_type TEXT,
    date TEXT COLLATE "C",
    date_low TEXT COLLATE "C",
    date_high TEXT COLLATE "C",
    country TEXT,
    admin1 TEXT,
    location TEXT,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    actor1 TEXT,
    actor2 TEXT,
    fatalities INTEGER,
    n_reports INTEGER NOT NULL DEFAULT 1,
    n_sources INTEGER NOT NULL DEFAULT 1,
    n_contradictions INTEGER NOT NULL DEFAULT 0,
    sources TEXT,
    data TEXT NOT NULL,
    seq BIGSERIAL
);
CREATE INDEX IF NOT EXISTS incidents_date ON incidents(date_low, date_high);
CREATE INDEX IF NOT EXISTS incidents_country ON incidents(country, admin1);

CREATE TABLE IF NOT EXISTS incident_events (
    event_id TEXT COLLATE "C" PRIMARY KEY,
    incident_id TEXT COLLATE "C" NOT NULL
);
CREATE INDEX IF NOT EXISTS incident_events_incident ON incident_events(incident_id);

CREATE TABLE IF NOT EXISTS people (
    person_id TEXT COLLATE "C" PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT,
    first_seen TEXT COLLATE "C",
    last_seen TEXT COLLATE "C",
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS people_name ON people(name);

CREATE TABLE IF NOT EXISTS sources_seen (
    key TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    seen_at TEXT NOT NULL
);
