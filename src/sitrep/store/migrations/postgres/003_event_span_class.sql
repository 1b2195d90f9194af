-- Each event's date interval width class (store/common.py: span_class): a window query reads one
-- bounded range of (country, span_class, date_low) per class instead of every older event. Stored
-- events get a class from their dates' text: one month -> 0, one year -> 1, else 2 (never narrower
-- than the interval, so never a missed event; new events get the exact class).
ALTER TABLE events ADD COLUMN IF NOT EXISTS span_class INTEGER;
UPDATE events SET span_class = CASE
    WHEN date_low IS NULL OR date_high IS NULL THEN NULL
    WHEN substr(date_low, 1, 7) = substr(date_high, 1, 7) THEN 0
    WHEN substr(date_low, 1, 4) = substr(date_high, 1, 4) THEN 1
    ELSE 2 END;
CREATE INDEX IF NOT EXISTS events_window ON events(country, span_class, date_low);
CREATE INDEX IF NOT EXISTS events_window_any ON events(span_class, date_low);
