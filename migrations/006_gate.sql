-- Gate: every decommission gate evaluation (`parity gate`), kept so "who passed the gate, when, under
-- which rules" can be shown later (`parity gate --history`). Times are microseconds since 1970-01-01 UTC.
CREATE TABLE gate_evaluation (
    id           INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    evaluated_at INTEGER NOT NULL,                 -- local clock
    evaluated_by TEXT NOT NULL,                    -- user@host that ran it
    as_of        INTEGER,                          -- end of the last cycle evaluated; null when none is closed
    first_cycle  INTEGER,                          -- the window of closed cycles evaluated; null when none
    last_cycle   INTEGER,
    cycles       INTEGER NOT NULL,                 -- gate.cycles (or --cycles) required
    result       TEXT NOT NULL CHECK (result IN ('pass', 'fail', 'not_evaluated')),
    exit_code    INTEGER NOT NULL,
    config_file  TEXT NOT NULL,
    config_hash  TEXT NOT NULL,                    -- FNV-1a 64 of the config file's text
    report       TEXT NOT NULL                     -- the parity.gate/1 JSON document
) STRICT;
