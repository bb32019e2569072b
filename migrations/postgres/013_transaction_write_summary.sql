-- transaction_write keeps a row per table for every source transaction, and nothing removed them: at a busy source's
-- rate it outgrows all of the row state. After each close the store retires the rows committed before the cycle's end
-- into the two summaries below, which answer exactly what the rows answered; only the open cycle's rows stay (and a
-- late transaction's, until the next close). The hidden-state audit reads the closing cycle's rows before they go.

-- Rows retired transactions wrote per table, by the innermost closed cycle window holding their commit time (the
-- baseline's lies inside the first calendar cycle's; a window's rows are those of the cycles inside it). The gate reads
-- rows per legacy table in each cycle's window. A retired transaction committed in no closed cycle's window counts only
-- in the signatures. The baseline's close retires nothing: the first calendar cycle's audit still reads its rows.
CREATE TABLE cycle_table_write (
    side       text NOT NULL CHECK (side IN ('legacy', 'new')),
    cycle      bigint NOT NULL REFERENCES cycle (id),
    table_name text NOT NULL,                       -- schema.table as the source names it
    written    bigint NOT NULL,                    -- inserts + updates + deletes + truncates
    PRIMARY KEY (side, cycle, table_name)
);

-- Retired transactions counted by signature: everything one transaction wrote (its tables with their counts per
-- operation, in write_signature_table). The co-write patterns of any table against any other, named now or later,
-- follow from the signatures that hold the first; an application's transactions have few signatures.
CREATE TABLE write_signature (
    side         text NOT NULL CHECK (side IN ('legacy', 'new')),
    id           bigint NOT NULL,
    transactions bigint NOT NULL,
    first_commit bigint NOT NULL,                  -- the earliest commit time among them
    PRIMARY KEY (side, id)
);

CREATE TABLE write_signature_table (
    side       text NOT NULL,
    signature  bigint NOT NULL,
    table_name text NOT NULL,
    inserts    bigint NOT NULL,
    updates    bigint NOT NULL,
    deletes    bigint NOT NULL,
    truncates  bigint NOT NULL,
    PRIMARY KEY (side, signature, table_name),
    FOREIGN KEY (side, signature) REFERENCES write_signature (side, id)
);
CREATE INDEX write_signature_table_by_table ON write_signature_table (side, table_name);

-- Citus: SELECT create_reference_table(t) FROM unnest(ARRAY['cycle_table_write', 'write_signature', 'write_signature_table']) AS t;
