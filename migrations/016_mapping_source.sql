-- Table mappings per source: where each mapping's copy ends, so capture applies its changes only from there on (a
-- mapping added with `parity init --add` starts later than its source), and the cycle that first compared it. A
-- configured mapping without a row here on both sides is not initialized: it is compared nowhere, and said so.
CREATE TABLE mapping_source (
    side           TEXT NOT NULL CHECK (side IN ('legacy', 'new')),
    mapping        TEXT NOT NULL,
    source_table   TEXT,                            -- schema.table copied; null for a mapping initialized before this was kept
    copied_at      INTEGER NOT NULL,                -- the copy's snapshot position: a transaction whose commit record starts
                                                    -- before it is in the copy (its changes are not applied), any later one is applied
    snapshot_time  INTEGER NOT NULL,                -- the snapshot's time (server clock)
    initialized_at INTEGER NOT NULL,                -- local clock
    PRIMARY KEY (side, mapping)
) STRICT;

-- The cycle that first compared each mapping, every row of it: the baseline (0) for the mappings of `parity init`,
-- the first cycle ending after its copy for a mapping added later.
CREATE TABLE mapping_baseline (
    mapping TEXT PRIMARY KEY NOT NULL,
    cycle   INTEGER NOT NULL REFERENCES cycle (id)
) STRICT;

-- A store from before: every mapping it holds rows, changes or cycle results of was copied with its source.
INSERT INTO mapping_source (side, mapping, source_table, copied_at, snapshot_time, initialized_at)
SELECT s.side, m.mapping, NULL, s.consistent_point, s.initialized_at, s.initialized_at
FROM source_state AS s JOIN (
    SELECT DISTINCT side, mapping FROM row_state
    UNION SELECT DISTINCT side, mapping FROM row_delta
    UNION SELECT DISTINCT side, mapping FROM pending_change
    UNION SELECT DISTINCT side.side, mapping FROM cycle_table, (SELECT 'legacy' AS side UNION ALL SELECT 'new') AS side
) AS m ON m.side = s.side;

INSERT INTO mapping_baseline (mapping, cycle) SELECT DISTINCT mapping, 0 FROM cycle_table WHERE cycle = 0;
