-- The PostgreSQL store's schema (issue 26): the same facts as the SQLite store's migrations/*.sql, in one database
-- that several Parity processes may share. Each file here is applied once, in its own transaction, recorded in
-- store_migration, and never edited after it lands; a store with a migration this binary does not know is refused.
--
-- Conventions, as in the SQLite store: LSNs are bigint byte positions, times bigint microseconds since 1970-01-01 UTC,
-- keys and images JSON text (`["1017"]`, a stored image `[3,"12.50",null]` whose first element is its image_layout),
-- amounts exact decimal text (never float). Keys are text COLLATE "C": rows come out in byte order of their UTF-8 text,
-- the order CanonicalKeyOrder and the close's merge join require.
--
-- Partitioning. Every table with a row per key carries `part` = FNV-1a 64 of the key text mod P (PostgresStore's
-- KeyPartition), P fixed when the store is created (store_info 'partitions', default 1024) and never changed. `part`
-- leads the table's primary key, so a range of parts is a worker's unit of work (a close task) and a Citus shard's.
-- The big row tables (row_state, pending_change, difference) are hash-partitioned physically on `part` into 16
-- partitions: the split does not depend on P (any P works with the same schema), each partition's indexes and vacuum
-- stay a sixteenth of the table, and a range of parts is an index range scan in each partition.
--
-- Citus (optional; nothing here depends on it). Distribute the row tables by `part`, co-located, and keep the small
-- tables as reference tables:
--     SELECT create_distributed_table('row_state', 'part');
--     SELECT create_distributed_table('pending_change', 'part', colocate_with => 'row_state');
--     SELECT create_distributed_table('difference', 'part', colocate_with => 'row_state');
--     SELECT create_distributed_table('carried_key', 'part', colocate_with => 'row_state');
--     SELECT create_distributed_table('finding', 'part', colocate_with => 'row_state');
--     SELECT create_reference_table(t) FROM unnest(ARRAY['store_info', 'image_layout', 'source_state', 'mapping_source',
--         'mapping_baseline', 'cycle', 'cycle_table', 'column_statistics', 'cycle_scope', 'scope_key', 'category_open',
--         'aggregate_result', 'rounding_evidence', 'inventory_snapshot', 'inventory_change', 'hidden_state_result',
--         'pending_truncate', 'transaction_write', 'streamed_transaction', 'streamed_change', 'streamed_write',
--         'census_sample', 'census_session', 'gate_evaluation', 'verification', 'disposition_decision',
--         'contract_export']) AS t;
-- A statement about one key names its part, so Citus routes it to one shard; the others (a close's fold, a mapping's
-- row streams) run on every shard. A close task over a range of parts would write only co-located shards.

-- The store's facts about itself: one text value per key.
CREATE TABLE store_info (
    key   text PRIMARY KEY,
    value text NOT NULL
);
INSERT INTO store_info (key, value) VALUES
    ('created_at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
    ('partitions', coalesce(nullif(current_setting('parity.partitions', true), ''), '1024'));

-- A column set of stored images: `columns` is a JSON array of names in sorted order. Never updated or deleted.
CREATE TABLE image_layout (
    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    columns text NOT NULL UNIQUE
);

-- One row per source once `parity init` has run.
CREATE TABLE source_state (
    side              text PRIMARY KEY CHECK (side IN ('legacy', 'new')),
    slot              text NOT NULL,
    publications      text NOT NULL,              -- JSON array of publication names
    system_identifier text NOT NULL,
    database          text NOT NULL,
    consistent_point  bigint NOT NULL,
    checkpoint_lsn    bigint NOT NULL,            -- end LSN of the last transaction applied
    last_commit_time  bigint,
    watermark         bigint NOT NULL,            -- complete through: every commit at or before is durable
    initialized_at    bigint NOT NULL,
    last_message_at   bigint,
    last_error        text
);

-- Row state as of the last closed cycle end, one level (PostgreSQL updates rows in place; SQLite's row_delta exists
-- to spare its pages). The fold of a close writes the keys its changes touched here, marked with the cycle
-- (`folded_by`) and what happened to them (`events`: 1 insert, 2 update, 4 delete, 8 truncate); a key the close
-- deleted stays as a tombstone (row_values NULL) until the next fold, so the close can list it as changed.
CREATE TABLE row_state (
    part        integer NOT NULL,
    side        text NOT NULL,
    mapping     text NOT NULL,
    row_key     text COLLATE "C" NOT NULL,
    row_values  text,                             -- NULL: deleted by the fold of `folded_by`
    commit_time bigint NOT NULL,                  -- 0 for baseline rows
    lsn         bigint NOT NULL,
    folded_by   bigint,                           -- the cycle whose close last wrote the row; NULL for baseline rows
    events      integer,
    PRIMARY KEY (part, side, mapping, row_key)
) PARTITION BY HASH (part);
-- A mapping's rows in key order (the close's streams), merged across partitions.
CREATE INDEX row_state_by_key ON row_state (side, mapping, row_key);
-- The keys a close's fold wrote, in key order.
CREATE INDEX row_state_folded ON row_state (folded_by, side, mapping, row_key) WHERE folded_by IS NOT NULL;
-- Tombstones, dropped by the next fold.
CREATE INDEX row_state_deleted ON row_state (side, mapping) WHERE row_values IS NULL;

-- Changes to mapped rows not yet folded into row_state. An update that changed its key is two rows: the change under
-- its new key, and `moved` under the old key (in the old key's part), which the fold deletes.
CREATE TABLE pending_change (
    part        integer NOT NULL,
    side        text NOT NULL,
    mapping     text NOT NULL,
    row_key     text COLLATE "C" NOT NULL,
    commit_lsn  bigint NOT NULL,
    seq         integer NOT NULL,                 -- position within the transaction
    op          text NOT NULL CHECK (op IN ('insert', 'update', 'delete', 'moved')),
    xid         bigint NOT NULL,
    commit_time bigint NOT NULL,
    row_values  text,                             -- the full new image; NULL for delete and moved
    PRIMARY KEY (part, side, commit_lsn, seq, op)
) PARTITION BY HASH (part);
CREATE INDEX pending_change_by_key ON pending_change (side, mapping, row_key, commit_lsn, seq);
CREATE INDEX pending_change_by_time ON pending_change (side, commit_time);

-- Truncates of mapped tables not yet folded: no key, so no part; few.
CREATE TABLE pending_truncate (
    side        text NOT NULL,
    mapping     text NOT NULL,
    commit_lsn  bigint NOT NULL,
    seq         integer NOT NULL,
    commit_time bigint NOT NULL,
    PRIMARY KEY (side, commit_lsn, seq, mapping)
);

-- Which tables each source transaction wrote, mapped or not, with counts per operation (co-writes, unmapped writes).
CREATE TABLE transaction_write (
    side        text NOT NULL,
    commit_lsn  bigint NOT NULL,
    xid         bigint NOT NULL,
    commit_time bigint NOT NULL,
    table_name  text NOT NULL,
    inserts     integer NOT NULL DEFAULT 0,
    updates     integer NOT NULL DEFAULT 0,
    deletes     integer NOT NULL DEFAULT 0,
    truncates   integer NOT NULL DEFAULT 0,
    PRIMARY KEY (side, commit_lsn, table_name)
);
CREATE INDEX transaction_write_by_time ON transaction_write (side, commit_time);

-- Streamed (in-progress) source transactions: staged block by block, moved into pending_change at their commit,
-- dropped at their abort or when streaming restarts. A staging queue of one capture, read by stream, not by key; its
-- changes carry the parts they will have once committed.
CREATE TABLE streamed_transaction (
    stream bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    side   text NOT NULL CHECK (side IN ('legacy', 'new')),
    xid    bigint NOT NULL,
    UNIQUE (side, xid)
);

CREATE TABLE streamed_change (
    stream            bigint NOT NULL REFERENCES streamed_transaction (stream) ON DELETE CASCADE,
    seq               integer NOT NULL,
    subxid            bigint NOT NULL,
    mapping           text,                       -- NULL for a watched, unmapped table
    table_name        text NOT NULL,
    op                text NOT NULL CHECK (op IN ('insert', 'update', 'delete', 'truncate')),
    part              integer,                    -- of row_key; NULL with it
    row_key           text COLLATE "C",           -- NULL for truncate and unmapped tables
    old_part          integer,                    -- of old_key; NULL with it
    old_key           text COLLATE "C",           -- the previous key when an update changed it
    row_values        text,                       -- the new image; NULL for delete, truncate, unmapped tables
    unchanged_columns text,                       -- JSON array of the columns the change left unchanged, until its commit
    PRIMARY KEY (stream, seq)
);
CREATE INDEX streamed_change_by_key ON streamed_change (stream, mapping, row_key, seq) WHERE mapping IS NOT NULL;

CREATE TABLE streamed_write (
    stream     bigint NOT NULL REFERENCES streamed_transaction (stream) ON DELETE CASCADE,
    table_name text NOT NULL,
    inserts    integer NOT NULL DEFAULT 0,
    updates    integer NOT NULL DEFAULT 0,
    deletes    integer NOT NULL DEFAULT 0,
    truncates  integer NOT NULL DEFAULT 0,
    PRIMARY KEY (stream, table_name)
);

-- Where each mapping was copied on each side, and the cycle that first compared it.
CREATE TABLE mapping_source (
    side           text NOT NULL CHECK (side IN ('legacy', 'new')),
    mapping        text NOT NULL,
    source_table   text,
    copied_at      bigint NOT NULL,
    snapshot_time  bigint NOT NULL,
    initialized_at bigint NOT NULL,
    PRIMARY KEY (side, mapping)
);

-- Closed cycles: recorded once, in the transaction that folds and compares them.
CREATE TABLE cycle (
    id               bigint PRIMARY KEY,          -- 0 = baseline
    label            text NOT NULL,
    start_time       bigint NOT NULL,
    end_time         bigint NOT NULL,
    status           text NOT NULL CHECK (status IN ('closed', 'forced')),
    closed_at        bigint NOT NULL,
    keys_compared    bigint NOT NULL,
    unexplained_rate text NOT NULL                -- exact decimal text
);

CREATE TABLE mapping_baseline (
    mapping text PRIMARY KEY,
    cycle   bigint NOT NULL REFERENCES cycle (id)
);

CREATE TABLE cycle_table (
    cycle            bigint NOT NULL REFERENCES cycle (id),
    mapping          text NOT NULL,
    compared         bigint NOT NULL,
    matched          bigint NOT NULL,
    findings_by_kind text NOT NULL,               -- JSON object: finding kind -> count
    paired           bigint,
    PRIMARY KEY (cycle, mapping)
);

CREATE TABLE column_statistics (
    cycle              bigint NOT NULL REFERENCES cycle (id),
    mapping            text NOT NULL,
    seq                integer NOT NULL,
    column_name        text NOT NULL,
    new_column         text NOT NULL,
    mismatched         bigint NOT NULL,
    within_tolerance   bigint NOT NULL,
    largest_difference text,                      -- exact decimal text
    PRIMARY KEY (cycle, mapping, seq)
);

-- Findings a cycle reported, in report order. `part` is of the finding's key text (its legacy key object): findings
-- name no canonical key.
CREATE TABLE finding (
    part          integer NOT NULL,
    cycle         bigint NOT NULL REFERENCES cycle (id),
    seq           integer NOT NULL,
    mapping       text NOT NULL,
    row_key       text NOT NULL,                  -- JSON object: legacy key column -> text
    column_name   text,
    new_column    text,
    kind          text NOT NULL,
    legacy        text,
    new           text,
    disposition   text,
    rule_note     text,
    explanation   text,
    attributed_to text,
    PRIMARY KEY (part, cycle, seq)
);
CREATE INDEX finding_by_cycle ON finding (cycle, seq);

-- Keys carried into the cycle that compares them again.
CREATE TABLE carried_key (
    part          integer NOT NULL,
    cycle         bigint NOT NULL,
    mapping       text NOT NULL,
    canonical_key text COLLATE "C" NOT NULL,
    PRIMARY KEY (part, cycle, mapping, canonical_key)
);
CREATE INDEX carried_key_by_cycle ON carried_key (cycle, mapping, canonical_key);

-- The open-differences ledger: one row per key-column (column '' for a missing row), open until a close resolves it.
CREATE TABLE difference (
    part           integer NOT NULL,
    mapping        text NOT NULL,
    canonical_key  text COLLATE "C" NOT NULL,
    column_name    text NOT NULL,
    row_key        text NOT NULL,
    new_column     text,
    kind           text NOT NULL,
    legacy         text,
    new            text,
    explanation    text,
    disposition    text,
    rule_note      text,
    first_seen     bigint NOT NULL,
    last_seen      bigint NOT NULL,
    resolved_cycle bigint,                        -- NULL while open
    PRIMARY KEY (part, mapping, canonical_key, column_name)
) PARTITION BY HASH (part);
CREATE INDEX difference_open ON difference (mapping, canonical_key) WHERE resolved_cycle IS NULL;
CREATE INDEX difference_resolved ON difference (resolved_cycle) WHERE resolved_cycle IS NOT NULL;

-- Open differences per category at the end of each closed cycle.
CREATE TABLE category_open (
    cycle       bigint NOT NULL,
    mapping     text NOT NULL,
    column_name text NOT NULL,
    kind        text NOT NULL,
    open        bigint NOT NULL,
    PRIMARY KEY (cycle, mapping, column_name, kind)
);

-- Aggregates: per cycle, each group's values and its difference walked by cause (exact decimal text).
CREATE TABLE aggregate_result (
    cycle               bigint NOT NULL REFERENCES cycle (id),
    aggregate           text NOT NULL,
    period              text NOT NULL,            -- flow: YYYY-MM-DD; balance: ''
    group_key           text COLLATE "C" NOT NULL,
    legacy              text,
    new                 text,
    difference          text NOT NULL,
    bridge              text NOT NULL,
    unexplained         text NOT NULL,
    unexplained_by_kind text NOT NULL,
    within_tolerance    boolean NOT NULL,
    PRIMARY KEY (cycle, aggregate, period, group_key)
);
CREATE INDEX aggregate_result_flow ON aggregate_result (aggregate, period, group_key, cycle) WHERE period <> '';

CREATE TABLE rounding_evidence (
    cycle       bigint NOT NULL REFERENCES cycle (id),
    mapping     text NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('column', 'total')),
    column_name text NOT NULL,
    side        text NOT NULL CHECK (side IN ('legacy', 'new')),
    evidence    text NOT NULL,
    PRIMARY KEY (cycle, mapping, kind, column_name, side)
);

CREATE TABLE cycle_scope (
    cycle         bigint NOT NULL REFERENCES cycle (id),
    mapping       text NOT NULL,
    definition    text,
    digest        text NOT NULL,
    listed_keys   bigint,
    rows_total    bigint NOT NULL,
    rows_in_scope bigint NOT NULL,
    out_of_scope  bigint NOT NULL,
    compared_all  boolean NOT NULL,
    PRIMARY KEY (cycle, mapping)
);

CREATE TABLE scope_key (
    mapping text NOT NULL,
    value   text NOT NULL,
    PRIMARY KEY (mapping, value)
);

-- Hidden state: inventories, their changes, and each cycle's co-write analysis.
CREATE TABLE inventory_snapshot (
    cycle    bigint NOT NULL REFERENCES cycle (id),
    side     text NOT NULL CHECK (side IN ('legacy', 'new')),
    taken_at bigint NOT NULL,
    items    text NOT NULL,
    notes    text NOT NULL,
    PRIMARY KEY (cycle, side)
);

CREATE TABLE inventory_change (
    cycle      bigint NOT NULL REFERENCES cycle (id),
    side       text NOT NULL CHECK (side IN ('legacy', 'new')),
    seq        integer NOT NULL,
    change     text NOT NULL CHECK (change IN ('added', 'removed', 'changed')),
    kind       text NOT NULL,
    name       text NOT NULL,
    table_name text,
    documented boolean NOT NULL,
    detail     text NOT NULL,
    PRIMARY KEY (cycle, side, seq)
);

CREATE TABLE hidden_state_result (
    cycle             bigint NOT NULL REFERENCES cycle (id),
    seq               integer NOT NULL,
    kind              text NOT NULL CHECK (kind IN ('trigger_maintained', 'hidden_state_unmapped', 'unmapped_writes')),
    table_name        text NOT NULL,
    trigger_name      text,
    trigger_table     text,
    functions         text NOT NULL,
    transactions      bigint NOT NULL,
    transactions_seen bigint,
    rows              bigint,
    mapped            boolean NOT NULL,
    documented        boolean NOT NULL,
    message           text NOT NULL,
    PRIMARY KEY (cycle, seq)
);

-- The census of clients connected to each source.
CREATE TABLE census_sample (
    side       text NOT NULL CHECK (side IN ('legacy', 'new')),
    sampled_at bigint NOT NULL,
    limited    boolean NOT NULL,
    PRIMARY KEY (side, sampled_at)
);

CREATE TABLE census_session (
    side             text NOT NULL,
    sampled_at       bigint NOT NULL,
    role             text NOT NULL,
    database         text NOT NULL,
    application_name text NOT NULL,
    client_address   text NOT NULL,
    backend_type     text NOT NULL,
    statement_kind   text NOT NULL,
    sessions         integer NOT NULL,
    FOREIGN KEY (side, sampled_at) REFERENCES census_sample (side, sampled_at)
);
CREATE INDEX census_session_by_time ON census_session (side, sampled_at);

-- Gate records: evaluations, verifications, the decisions' audit trail, contract exports. Appended, never changed.
CREATE TABLE gate_evaluation (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    evaluated_at bigint NOT NULL,
    evaluated_by text NOT NULL,
    as_of        bigint,
    first_cycle  bigint,
    last_cycle   bigint,
    cycles       integer NOT NULL,
    result       text NOT NULL CHECK (result IN ('pass', 'fail', 'not_evaluated')),
    exit_code    integer NOT NULL,
    config_file  text NOT NULL,
    config_hash  text NOT NULL,
    report       text NOT NULL
);

CREATE TABLE verification (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    mode       text NOT NULL CHECK (mode IN ('sources', 'state')),
    checked_at bigint NOT NULL,
    result     text NOT NULL CHECK (result IN ('pass', 'fail')),
    problems   integer NOT NULL,
    sources    text NOT NULL,
    report     text NOT NULL
);
CREATE INDEX verification_by_mode ON verification (mode, checked_at);

CREATE TABLE disposition_decision (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    table_name  text NOT NULL,
    column_name text NOT NULL,                    -- '' for a category without one
    kind        text NOT NULL,
    action      text NOT NULL CHECK (action IN ('set', 'clear')),
    disposition text CHECK (CASE action WHEN 'set' THEN coalesce(disposition IN ('match', 'intentional_change', 'legacy_bug'), false)
                                        ELSE disposition IS NULL END),
    owner       text,
    note        text,
    expires     text,
    ticket      text,
    decided_by  text NOT NULL,
    decided_at  bigint NOT NULL,
    after_cycle bigint,
    previous    bigint REFERENCES disposition_decision (id)
);
CREATE INDEX disposition_decision_category ON disposition_decision (table_name, column_name, kind, id);

CREATE FUNCTION disposition_decision_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'disposition_decision is an append-only audit trail';
END $$;
CREATE TRIGGER disposition_decision_no_change BEFORE UPDATE OR DELETE ON disposition_decision
    FOR EACH ROW EXECUTE FUNCTION disposition_decision_append_only();

CREATE TABLE contract_export (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    exported_at           bigint NOT NULL,
    exported_by           text NOT NULL,
    as_of_cycle           bigint,
    directory             text NOT NULL,
    format                text NOT NULL CHECK (format IN ('json', 'csv')),
    contracts             integer NOT NULL,
    vectors               integer NOT NULL,
    decisions_fingerprint text NOT NULL,
    contract_ids          text NOT NULL
);

-- The physical partitions of the row tables: 16 each, by PostgreSQL's hash of `part`.
DO $$
DECLARE
    parent text;
BEGIN
    FOREACH parent IN ARRAY ARRAY['row_state', 'pending_change', 'difference'] LOOP
        FOR remainder IN 0..15 LOOP
            EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES WITH (MODULUS 16, REMAINDER %s)',
                           parent || '_' || remainder, parent, remainder);
        END LOOP;
    END LOOP;
END $$;
