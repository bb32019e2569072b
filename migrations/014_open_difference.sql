-- The open-differences ledger: state, not events. A difference is one key-column of a mapping (column '' for a
-- row missing on one side) whose comparison found `missing_in_new`, `missing_in_legacy`, `value_mismatch` or
-- `rounding` (never `within_tolerance`). It stays open, whatever cycle found it (the baseline included), until
-- a later comparison of the key finds that column equal or the row gone on both sides; then `resolved_cycle`
-- says which cycle resolved it. Every close compares every open key again, changed or not, and updates this
-- table in the transaction that records the cycle. A difference that comes back after it was resolved opens
-- again with a new first-seen cycle.
CREATE TABLE difference (
    mapping        TEXT NOT NULL,
    canonical_key  TEXT NOT NULL,                   -- JSON array of normalized key values (the comparison's key)
    column_name    TEXT NOT NULL,                   -- legacy column; '' for a missing row
    row_key        TEXT NOT NULL,                   -- JSON object: legacy key column -> text, as findings have it
    new_column     TEXT,
    kind           TEXT NOT NULL,                   -- as last seen
    legacy         TEXT,                            -- exact text as last seen; null for NULL or a missing row
    new            TEXT,
    explanation    TEXT,
    disposition    TEXT,                            -- the rule that applied when last seen; the gate re-judges under the current config
    rule_note      TEXT,
    first_seen     INTEGER NOT NULL,                -- cycle ids
    last_seen      INTEGER NOT NULL,
    resolved_cycle INTEGER,                         -- null while open
    PRIMARY KEY (mapping, canonical_key, column_name)
) STRICT, WITHOUT ROWID;

CREATE INDEX difference_open ON difference (mapping, canonical_key) WHERE resolved_cycle IS NULL;
CREATE INDEX difference_resolved ON difference (resolved_cycle) WHERE resolved_cycle IS NOT NULL;

-- A store with cycles from before the ledger: the next close compares again every key its findings name and
-- fills the ledger from what it finds now (store_info `difference_rebuild`), instead of guessing from old findings.
INSERT INTO store_info (key, value)
SELECT 'difference_rebuild', '1' WHERE EXISTS (SELECT 1 FROM finding);
