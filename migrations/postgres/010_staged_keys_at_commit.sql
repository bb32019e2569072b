-- A streamed transaction's staged changes are written without an index by key or a foreign key (issue 26, capture into
-- this store): with both, staging cost the store's server several times what the rows alone cost (Benchmarks/RESULTS.md).
-- The index served one look-up alone: at the commit, a change that left columns unchanged (pgoutput's unchanged TOAST
-- values) takes them from its key's earlier change in the same transaction. Most streams have no such change, so every
-- staged row paid for an index that was not read.
--
-- `staged_key` holds the keys of the one stream being committed, only when it has such a change: filled from the
-- stream at the commit, read by key, emptied in the same transaction. It is unlogged, as nothing in it outlives the
-- transaction that wrote it. Citus: a reference table, as streamed_change.
--
-- Without the foreign key, what drops a stream drops its changes by name (PostgresStore+Streamed.swift).

DROP INDEX streamed_change_by_key;
ALTER TABLE streamed_change DROP CONSTRAINT streamed_change_stream_fkey;

CREATE UNLOGGED TABLE staged_key (
    stream  bigint NOT NULL,
    mapping text NOT NULL,
    row_key text COLLATE "C" NOT NULL,
    seq     integer NOT NULL,
    PRIMARY KEY (stream, mapping, row_key, seq)
);
