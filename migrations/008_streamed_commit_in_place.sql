-- A streamed transaction's changes stay where they were staged when it commits. Its commit is one row
-- (commit LSN and time in streamed_transaction, like PostgreSQL's commit log), not a copy of every change
-- into pending_change: a 1M-row transaction used to be written twice, the second time after the server had
-- finished sending. From its commit on, a streamed transaction's changes are pending changes like those in
-- pending_change, until a cycle close folds them into row_state.
--
-- Staged changes belong to a stream number, not to an xid: after a reconnect the server streams a
-- transaction it has not seen confirmed again from its start, under the same xid, while its first copy may
-- already be committed here (it is then dropped at its commit, which is at or below the checkpoint).

-- Replaced below. It held only changes of uncommitted transactions, which are dropped whenever streaming
-- restarts anyway (the server streams them again).
DROP TABLE streamed_change;

-- One row per streamed source transaction: open until its commit, dropped at its abort or restart.
CREATE TABLE streamed_transaction (
    stream      INTEGER PRIMARY KEY,                -- the stream number
    side        TEXT NOT NULL CHECK (side IN ('legacy', 'new')),
    xid         INTEGER NOT NULL,                   -- the top-level source transaction
    commit_lsn  INTEGER,                            -- null while open
    commit_time INTEGER                             -- null while open
) STRICT;
CREATE UNIQUE INDEX streamed_transaction_open ON streamed_transaction (side, xid) WHERE commit_lsn IS NULL;
CREATE INDEX streamed_transaction_by_time ON streamed_transaction (side, commit_time) WHERE commit_lsn IS NOT NULL;

-- The changes of each streamed transaction in order, mapped and unmapped tables alike.
CREATE TABLE streamed_change (
    stream            INTEGER NOT NULL,             -- streamed_transaction.stream
    seq               INTEGER NOT NULL,             -- position within the transaction
    subxid            INTEGER NOT NULL,             -- the (sub)transaction that made the change
    mapping           TEXT,                         -- null for a watched, unmapped table
    table_name        TEXT NOT NULL,                -- schema.table as the source names it
    op                TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete', 'truncate')),
    row_key           TEXT,                         -- null for truncate and unmapped tables
    old_key           TEXT,                         -- the previous key when an update changed it
    row_values        TEXT,                         -- the new image; null for delete, truncate, unmapped tables
    unchanged_columns TEXT,                         -- while open: JSON array of the columns the change left
                                                    -- unchanged (not in row_values); null once the commit filled them
    PRIMARY KEY (stream, seq)
) STRICT, WITHOUT ROWID;
-- The newest image of a key (unchanged-column lookups), as pending_change_by_key.
CREATE INDEX streamed_change_by_key ON streamed_change (mapping, row_key, stream, seq) WHERE mapping IS NOT NULL;
-- The few changes whose unchanged columns the commit fills in.
CREATE INDEX streamed_change_unresolved ON streamed_change (stream, seq) WHERE unchanged_columns IS NOT NULL;

-- Per open stream and table, the operations staged so far: transaction_write's rows at the commit, without
-- reading the changes again.
CREATE TABLE streamed_write (
    stream      INTEGER NOT NULL,
    table_name  TEXT NOT NULL,
    inserts     INTEGER NOT NULL DEFAULT 0,
    updates     INTEGER NOT NULL DEFAULT 0,
    deletes     INTEGER NOT NULL DEFAULT 0,
    truncates   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (stream, table_name)
) STRICT, WITHOUT ROWID;
