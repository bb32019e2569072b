-- Cycles: what each closed reconciliation cycle compared and found. Times are microseconds since
-- 1970-01-01 UTC. A finding's key is a JSON object from the legacy key column names to text
-- ({"inv_no":"1017"}); a canonical key is the JSON array of normalized key values in key order.

-- One row per closed cycle. Cycle 0 is the baseline taken by `parity init` (every row compared);
-- later ids follow the cycle calendar in order. A cycle is closed once and never again.
CREATE TABLE cycle (
    id               INTEGER PRIMARY KEY NOT NULL,  -- 0 = baseline
    label            TEXT NOT NULL,                 -- 2026-11-20, or the ISO-8601 UTC start of a sub-day cycle
    start_time       INTEGER NOT NULL,
    end_time         INTEGER NOT NULL,              -- pending changes committed before it were folded
    status           TEXT NOT NULL CHECK (status IN ('closed', 'forced')),  -- forced: closed before both watermarks passed
    closed_at        INTEGER NOT NULL,              -- local clock
    keys_compared    INTEGER NOT NULL,
    unexplained_rate TEXT NOT NULL                  -- exact decimal text, e.g. 0.012500
) STRICT;

-- Per cycle and table mapping: keys compared, keys that matched, findings reported per kind.
CREATE TABLE cycle_table (
    cycle            INTEGER NOT NULL REFERENCES cycle (id),
    mapping          TEXT NOT NULL,
    compared         INTEGER NOT NULL,
    matched          INTEGER NOT NULL,
    findings_by_kind TEXT NOT NULL,                 -- JSON object: finding kind -> count
    PRIMARY KEY (cycle, mapping)
) STRICT;

-- Findings reported by a cycle (carried keys are not reported until their next cycle).
CREATE TABLE finding (
    cycle       INTEGER NOT NULL REFERENCES cycle (id),
    seq         INTEGER NOT NULL,                   -- report order within the cycle
    mapping     TEXT NOT NULL,
    row_key     TEXT NOT NULL,                      -- JSON object: legacy key column -> text
    column_name TEXT,                               -- legacy column; null for missing rows
    new_column  TEXT,                               -- new column; null for missing rows
    kind        TEXT NOT NULL,
    legacy      TEXT,                               -- exact text; null for NULL or a missing row
    new         TEXT,
    disposition TEXT,                               -- match | intentional_change | legacy_bug; null when no rule matched
    rule_note   TEXT,                               -- the matching rule's note
    PRIMARY KEY (cycle, seq)
) STRICT;

-- Keys that differed while one side changed them within `grace` of a cycle's cutoff: compared
-- again (once) in the cycle they are carried into; kept so the report of the cycle that carried them lists them.
CREATE TABLE carried_key (
    mapping       TEXT NOT NULL,
    canonical_key TEXT NOT NULL,
    cycle         INTEGER NOT NULL,                 -- the cycle that compares it again
    PRIMARY KEY (cycle, mapping, canonical_key)
) STRICT;
