-- Verifications: every `parity verify` run (by hand or scheduled in `parity run`), so the end-of-day report
-- and the gate can show the last one and the gate can require a recent clean one. Times are microseconds
-- since 1970-01-01 UTC.
CREATE TABLE verification (
    id         INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    mode       TEXT NOT NULL CHECK (mode IN ('sources', 'state')),
    checked_at INTEGER NOT NULL,                   -- local clock, when the check ended
    result     TEXT NOT NULL CHECK (result IN ('pass', 'fail')),
    problems   INTEGER NOT NULL,                   -- capture drifts (sources) or ledger discrepancies (state)
    sources    TEXT NOT NULL,                      -- JSON array of the sources checked (`sources`), [] for `state`
    report     TEXT NOT NULL                       -- the parity.verify/1 JSON document
) STRICT;

CREATE INDEX verification_by_mode ON verification (mode, checked_at);
