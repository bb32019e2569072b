-- Contracts: every `parity contracts export`, so the end-of-day report and the gate can say how many contracts were
-- exported, when, and under which decisions. Times are microseconds since 1970-01-01 UTC.
CREATE TABLE contract_export (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    exported_at           INTEGER NOT NULL,        -- local clock
    exported_by           TEXT NOT NULL,           -- user@host that ran it
    as_of_cycle           INTEGER,                 -- the last closed cycle the evidence is as of; null when none
    directory             TEXT NOT NULL,           -- where the files were written
    format                TEXT NOT NULL CHECK (format IN ('json', 'csv')),
    contracts             INTEGER NOT NULL,        -- files written
    vectors               INTEGER NOT NULL,        -- vectors over every file
    decisions_fingerprint TEXT NOT NULL,           -- Decisions.fingerprint in force: dispositions, tolerances, documented objects
    contract_ids          TEXT NOT NULL            -- JSON array of the contract ids written
) STRICT;
