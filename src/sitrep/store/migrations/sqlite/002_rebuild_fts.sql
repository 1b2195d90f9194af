-- Repair FTS5 indexes of files written before recursive_triggers was on (REPLACE did not
-- fire the delete triggers, leaving stale tokens).
INSERT INTO events_fts(events_fts) VALUES ('rebuild');
INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
