-- Open differences per category (mapping, legacy column or '' for a missing row, kind) at the end of each closed
-- cycle, written in the transaction that records the cycle. A category absent for a cycle had none open. The
-- ledger (`difference`) keeps only a key-column's latest episode, so this is what tells a category that was fixed
-- (none open) and came back (open again later): a `match` decision's recurrence.
CREATE TABLE category_open (
    cycle       INTEGER NOT NULL,
    mapping     TEXT NOT NULL,
    column_name TEXT NOT NULL,
    kind        TEXT NOT NULL,
    open        INTEGER NOT NULL,
    PRIMARY KEY (cycle, mapping, column_name, kind)
) STRICT, WITHOUT ROWID;

-- The ledger as it stands is the state as of the last closed cycle; earlier cycles are not known (no decision can be
-- older than this migration, and recurrence is judged from the cycle a decision was taken after).
INSERT INTO category_open (cycle, mapping, column_name, kind, open)
SELECT (SELECT max(id) FROM cycle), mapping, column_name, kind, count(*) FROM difference
WHERE resolved_cycle IS NULL AND EXISTS (SELECT 1 FROM cycle)
GROUP BY mapping, column_name, kind;
