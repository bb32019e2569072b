-- Aggregates and rounding: per cycle, each configured aggregate's groups with the difference walked by
-- cause, and the rounding evidence of every decimal column with a source expression. Amounts are exact
-- decimal text; JSON objects map a finding kind to an amount.

-- Why a finding is what it is: for `rounding`, the modes each side agrees with ("legacy half_even, new half_up").
ALTER TABLE finding ADD COLUMN explanation TEXT;
-- What a finding is attributed to (a legacy trigger), when hidden-state analysis knows.
ALTER TABLE finding ADD COLUMN attributed_to TEXT;

-- A balance aggregate: one row per cycle and group, the state at the cycle's end. A flow aggregate: one
-- row per business day (its date column's day) and group, written by the cycle whose close changed it; the
-- latest row at or before a cycle is that day's value as of that cycle.
-- difference = new - legacy = sum(bridge) + unexplained.
CREATE TABLE aggregate_result (
    cycle               INTEGER NOT NULL REFERENCES cycle (id),
    aggregate           TEXT NOT NULL,
    period              TEXT NOT NULL,              -- flow: YYYY-MM-DD; balance: ''
    group_key           TEXT NOT NULL,              -- JSON object: legacy group_by column -> text or null
    legacy              TEXT,                       -- null: no legacy rows (min, max)
    new                 TEXT,
    difference          TEXT NOT NULL,
    bridge              TEXT NOT NULL,              -- explained causes: rounding, dispositioned kinds
    unexplained         TEXT NOT NULL,
    unexplained_by_kind TEXT NOT NULL,              -- the unexplained part walked by finding kind
    within_tolerance    INTEGER NOT NULL CHECK (within_tolerance IN (0, 1)),
    PRIMARY KEY (cycle, aggregate, period, group_key)
) STRICT;

-- Per cycle, mapping, decimal column (legacy name) and side: how stored values relate to the unrounded
-- source expression (rows and ties each rounding mode agrees with), as the JSON of RoundingEvidence.
CREATE TABLE rounding_evidence (
    cycle       INTEGER NOT NULL REFERENCES cycle (id),
    mapping     TEXT NOT NULL,
    column_name TEXT NOT NULL,
    side        TEXT NOT NULL CHECK (side IN ('legacy', 'new')),
    evidence    TEXT NOT NULL,
    PRIMARY KEY (cycle, mapping, column_name, side)
) STRICT;
