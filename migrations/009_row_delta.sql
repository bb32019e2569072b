-- Row state as of the last closed cycle is now two levels, like a log-structured merge tree: row_state
-- overridden by row_delta. A close folds its changes into row_delta (a small table, written in key order)
-- instead of updating row_state in place: a cycle's changes are scattered over the whole key range, so
-- updating row_state rewrote most of its pages at every close. The delta is merged into row_state (and
-- emptied) only once it holds a quarter as many rows as row_state, so storage stays proportional to the
-- tables and a close costs its own changes, not a rewrite of the state.

-- The keys changed since the last merge, as of the last closed cycle end.
CREATE TABLE row_delta (
    side        TEXT NOT NULL,
    mapping     TEXT NOT NULL,
    row_key     TEXT NOT NULL,
    row_values  TEXT,                               -- null: the key no longer exists
    commit_time INTEGER NOT NULL,
    lsn         INTEGER NOT NULL,
    PRIMARY KEY (side, mapping, row_key)
) STRICT, WITHOUT ROWID;

-- How many rows row_state holds (the merge threshold), kept up to date by init and each merge.
INSERT INTO store_info (key, value) SELECT 'row_state_rows', count(*) FROM row_state;
