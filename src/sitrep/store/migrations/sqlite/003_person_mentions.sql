-- Person-role records as each document states them (one row per surname of the record's names),
-- so the people table can be recomputed per surname from the same inputs whatever the order in
-- which documents arrived (concurrent ingests give the people a sequential run gives).
CREATE TABLE IF NOT EXISTS person_mentions (
    surname TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (surname, doc_id, person_id)
);
