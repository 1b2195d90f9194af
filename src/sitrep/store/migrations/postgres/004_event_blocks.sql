-- Each dated report's blocking keys (store/common.py: block_rows; resolve/blocking.py: block_key): an
-- incremental run loads the stored reports filed under the keys of the reports it matches (their
-- place, province, country, distinctive kind) within their weeks, one index range per key, instead
-- of every report of the country in those weeks. Rows are written with their events; a store opened
-- by code whose keys differ (store_meta 'block_keys') files every event again.
CREATE TABLE IF NOT EXISTS event_blocks (
    event_id TEXT COLLATE "C" NOT NULL,
    block TEXT COLLATE "C" NOT NULL,
    date_low TEXT COLLATE "C" NOT NULL,
    date_high TEXT COLLATE "C" NOT NULL,
    country TEXT
);
CREATE INDEX IF NOT EXISTS event_blocks_key ON event_blocks(block, date_low);
CREATE INDEX IF NOT EXISTS event_blocks_event ON event_blocks(event_id);
CREATE TABLE IF NOT EXISTS store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
