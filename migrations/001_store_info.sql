-- The store's identity: one row per fact about this store (when it was created, by which
-- Parity). Later migrations add capture, cycle and finding tables; each file is applied once,
-- in its own transaction, and never edited after it ships.
CREATE TABLE store_info (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

INSERT INTO store_info (key, value) VALUES ('created_at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
