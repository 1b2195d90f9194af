-- The events stored since a given one (Store.unresolved_events(recent=True), run at each ingest): one range of seq
-- instead of a scan of every event.
CREATE INDEX IF NOT EXISTS events_seq ON events(seq);
