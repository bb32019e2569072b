-- Hidden state: the legacy catalog inventory taken at each cycle close, what changed in it since the
-- previous one, and the cycle's co-write analysis of the legacy change stream.

-- The inventory a cycle close took of a source (absent when the source could not be read then).
CREATE TABLE inventory_snapshot (
    cycle       INTEGER NOT NULL REFERENCES cycle (id),
    side        TEXT NOT NULL CHECK (side IN ('legacy', 'new')),
    taken_at    INTEGER NOT NULL,                   -- local clock, µs since 1970
    items       TEXT NOT NULL,                      -- JSON array: {kind, name, table, body_hash, documented, details}
    notes       TEXT NOT NULL,                      -- JSON array of text
    PRIMARY KEY (cycle, side)
) STRICT;

-- Items added, removed or changed since the previous snapshot of the same source.
CREATE TABLE inventory_change (
    cycle       INTEGER NOT NULL REFERENCES cycle (id),
    side        TEXT NOT NULL CHECK (side IN ('legacy', 'new')),
    seq         INTEGER NOT NULL,
    change      TEXT NOT NULL CHECK (change IN ('added', 'removed', 'changed')),
    kind        TEXT NOT NULL,
    name        TEXT NOT NULL,
    table_name  TEXT,
    documented  INTEGER NOT NULL CHECK (documented IN (0, 1)),
    detail      TEXT NOT NULL,                      -- what changed: "body", detail keys
    PRIMARY KEY (cycle, side, seq)
) STRICT;

-- The cycle's co-write analysis: trigger-maintained tables (mapped or not) and unmapped writes.
CREATE TABLE hidden_state_result (
    cycle             INTEGER NOT NULL REFERENCES cycle (id),
    seq               INTEGER NOT NULL,
    kind              TEXT NOT NULL CHECK (kind IN ('trigger_maintained', 'hidden_state_unmapped', 'unmapped_writes')),
    table_name        TEXT NOT NULL,                -- schema.table written
    trigger_name      TEXT,                         -- the trigger maintaining it
    trigger_table     TEXT,                         -- the table the trigger is on
    functions         TEXT NOT NULL,                -- JSON array: the function chain, trigger function first
    transactions      INTEGER NOT NULL,             -- transactions writing both (or writing the table)
    transactions_seen INTEGER,                      -- transactions touching the trigger's table
    rows              INTEGER,
    mapped            INTEGER NOT NULL CHECK (mapped IN (0, 1)),
    documented        INTEGER NOT NULL CHECK (documented IN (0, 1)),
    message           TEXT NOT NULL,
    PRIMARY KEY (cycle, seq)
) STRICT;
