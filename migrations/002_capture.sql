-- Capture: what each source has durably delivered. LSNs are stored as integers (byte positions),
-- times as microseconds since 1970-01-01 UTC. Keys and row images are JSON text:
-- a key is the array of the source-side key column values as text, in key order
-- (["1017"] or ["EU","42"]); an image is an object from column name to text or null. A column a
-- change left unchanged (unchanged TOAST) and whose earlier value was unknown is absent, never null.

-- One row per source once `parity init` has run.
CREATE TABLE source_state (
    side                TEXT PRIMARY KEY NOT NULL CHECK (side IN ('legacy', 'new')),
    slot                TEXT NOT NULL,
    publications        TEXT NOT NULL,              -- JSON array of publication names
    system_identifier   TEXT NOT NULL,              -- IDENTIFY_SYSTEM: refuse a different server
    database            TEXT NOT NULL,
    consistent_point    INTEGER NOT NULL,           -- where the baseline snapshot ends
    checkpoint_lsn      INTEGER NOT NULL,           -- end LSN of the last transaction applied
    last_commit_time    INTEGER,                    -- commit time of that transaction
    watermark           INTEGER NOT NULL,           -- complete through: every commit at or before is durable
    initialized_at      INTEGER NOT NULL,
    last_message_at     INTEGER,                    -- local clock, last message from the server
    last_error          TEXT
) STRICT;

-- Row state per side and mapping, as of the last closed cycle end (the baseline after init).
CREATE TABLE row_state (
    side        TEXT NOT NULL,
    mapping     TEXT NOT NULL,
    row_key     TEXT NOT NULL,
    row_values  TEXT NOT NULL,
    commit_time INTEGER NOT NULL,                   -- 0 for baseline rows
    lsn         INTEGER NOT NULL,
    PRIMARY KEY (side, mapping, row_key)
) STRICT, WITHOUT ROWID;

-- Changes to mapped tables not yet folded into row_state, in commit order.
CREATE TABLE pending_change (
    side        TEXT NOT NULL,
    commit_lsn  INTEGER NOT NULL,
    seq         INTEGER NOT NULL,                   -- position within the transaction
    mapping     TEXT NOT NULL,
    xid         INTEGER NOT NULL,
    commit_time INTEGER NOT NULL,
    op          TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete', 'truncate')),
    row_key     TEXT,                               -- null for truncate
    old_key     TEXT,                               -- the previous key when an update changed it
    row_values  TEXT,                               -- the full new image; null for delete and truncate
    PRIMARY KEY (side, commit_lsn, seq)
) STRICT;
CREATE INDEX pending_change_by_key ON pending_change (side, mapping, row_key, commit_lsn, seq);
CREATE INDEX pending_change_by_time ON pending_change (side, commit_time);

-- Which tables each source transaction wrote, mapped or not (hidden-state co-write analysis,
-- unmapped writes), with counts per operation.
CREATE TABLE transaction_write (
    side        TEXT NOT NULL,
    commit_lsn  INTEGER NOT NULL,
    xid         INTEGER NOT NULL,
    commit_time INTEGER NOT NULL,
    table_name  TEXT NOT NULL,                      -- schema.table as the source names it
    inserts     INTEGER NOT NULL DEFAULT 0,
    updates     INTEGER NOT NULL DEFAULT 0,
    deletes     INTEGER NOT NULL DEFAULT 0,
    truncates   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (side, commit_lsn, table_name)
) STRICT;
CREATE INDEX transaction_write_by_time ON transaction_write (side, commit_time);

-- Changes of a streamed source transaction (PostgreSQL streams a large transaction in blocks before
-- it ends), kept until its commit moves them into pending_change in seq order, or its rollback (or
-- a subtransaction's, from that subtransaction's first change on) drops them. Cleared whenever streaming
-- (re)starts: the server then streams every uncommitted transaction again from its start.
CREATE TABLE streamed_change (
    side              TEXT NOT NULL,
    xid               INTEGER NOT NULL,             -- the top-level transaction
    seq               INTEGER NOT NULL,             -- position within the transaction
    subxid            INTEGER NOT NULL,             -- the (sub)transaction that made the change
    mapping           TEXT,                         -- null for a watched, unmapped table
    table_name        TEXT NOT NULL,                -- schema.table as the source names it
    op                TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete', 'truncate')),
    row_key           TEXT,                         -- null for truncate and unmapped tables
    old_key           TEXT,                         -- the previous key when an update changed it
    row_values        TEXT,                         -- the new image without its unchanged columns
    unchanged_columns TEXT,                         -- JSON array of the columns the change left unchanged
    PRIMARY KEY (side, xid, seq)
) STRICT;
