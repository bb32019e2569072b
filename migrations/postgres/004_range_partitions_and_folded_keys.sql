-- The row tables are partitioned by ranges of `part` that are exactly the close's task ranges, and a close's fold
-- updates row_state in place (issue 26, the 10M-row benchmark).
--
-- 1. Ranges, not hashes. With 16 hash partitions every task's range of parts was spread over all 16: its reads of
--    row_state fetched pages holding about one row of its range in fifteen, so cycle 0's 16 tasks read every page of
--    the table about seven times over, and its fold's updates touched every partition's indexes. A task now reads and
--    writes one partition: partition i holds parts [i·P/n, (i+1)·P/n), n = min(16, P), as PostgresStore.taskRanges
--    splits them. The same for pending_change (the fold's source) and difference (the ledger a task writes).
-- 2. The fold's updates are HOT. row_state_folded (on folded_by) and row_state_deleted (on row_values IS NULL) made
--    every folded row a new entry in each of row_state's indexes, the primary key and row_state_by_key included. The
--    keys a close folded are listed in folded_key instead (a small table, emptied at the next close), row_state keeps
--    `folded_by` and `events` unindexed, and its partitions leave 15% of each page free for updated rows.
-- 3. One index on row_state. Its primary key is (side, mapping, row_key, part): within a partition that is key order,
--    which is what a task reads (row_state_by_key gave it before, and the primary key led with `part` for the ranges
--    the partitions now are), and a whole mapping merges the partitions' scans in key order as before. A first
--    baseline builds one index instead of two, and a folded row that is not HOT enters one.
--
-- The rows move in this migration's transaction: on a large store it takes about as long as `parity init` did.

DO $$
DECLARE
    parts      integer := (SELECT value::integer FROM store_info WHERE key = 'partitions');
    ranges     integer := least(16, parts);
    parent     text;
    low_bound  text;
    high_bound text;
BEGIN
    FOREACH parent IN ARRAY ARRAY['row_state', 'pending_change', 'difference'] LOOP
        EXECUTE format('ALTER TABLE %I RENAME TO %I', parent, parent || '_hashed');
        FOR remainder IN 0..15 LOOP
            EXECUTE format('ALTER TABLE %I RENAME TO %I', parent || '_' || remainder, parent || '_hashed_' || remainder);
        END LOOP;
        EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY RANGE (part)',
                       parent, parent || '_hashed');
        FOR i IN 0..ranges - 1 LOOP
            low_bound := CASE WHEN i = 0 THEN 'MINVALUE' ELSE (i * parts / ranges)::text END;
            high_bound := CASE WHEN i = ranges - 1 THEN 'MAXVALUE' ELSE ((i + 1) * parts / ranges)::text END;
            EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%s) TO (%s) %s', parent || '_' || i, parent,
                           low_bound, high_bound, CASE WHEN parent = 'row_state' THEN 'WITH (fillfactor = 85)' ELSE '' END);
        END LOOP;
        EXECUTE format('INSERT INTO %I SELECT * FROM %I', parent, parent || '_hashed');
        EXECUTE format('DROP TABLE %I', parent || '_hashed');
    END LOOP;
END $$;

-- Unless a first baseline's load died with it dropped (PostgresStore+BulkBaseline.swift): opening the store builds it.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM store_info WHERE key = 'row_state_indexes_dropped') THEN
        ALTER TABLE row_state ADD CONSTRAINT row_state_pkey PRIMARY KEY (side, mapping, row_key, part);
    END IF;
END $$;

ALTER TABLE pending_change ADD PRIMARY KEY (part, side, commit_lsn, seq, op);
CREATE INDEX pending_change_by_key ON pending_change (side, mapping, row_key, commit_lsn, seq);
CREATE INDEX pending_change_by_time ON pending_change (side, commit_time);
CREATE INDEX pending_change_by_part_time ON pending_change (part, commit_time);

ALTER TABLE difference ADD PRIMARY KEY (part, mapping, canonical_key, column_name);
CREATE INDEX difference_open ON difference (mapping, canonical_key) WHERE resolved_cycle IS NULL;
CREATE INDEX difference_resolved ON difference (resolved_cycle) WHERE resolved_cycle IS NOT NULL;

-- The keys the fold of `cycle` wrote into row_state: the keys the cycle changed, `deleted` when the fold may have left a
-- tombstone (row_values NULL), which the next close's fold drops before it empties this table. Only the cycle being
-- closed (and, until the next close, the last one closed) is here.
CREATE TABLE folded_key (
    part    integer NOT NULL,
    side    text NOT NULL,
    mapping text NOT NULL,
    row_key text COLLATE "C" NOT NULL,
    cycle   bigint NOT NULL,
    deleted boolean NOT NULL,
    PRIMARY KEY (part, side, mapping, row_key, cycle)
);
-- Citus: SELECT create_distributed_table('folded_key', 'part', colocate_with => 'row_state');

-- What the dropped indexes listed: the last closed cycle's keys (its tombstones go at the next close) and those of a
-- close in progress.
INSERT INTO folded_key (part, side, mapping, row_key, cycle, deleted)
SELECT part, side, mapping, row_key, folded_by, row_values IS NULL FROM row_state
WHERE folded_by >= coalesce((SELECT max(id) FROM cycle), -1);
