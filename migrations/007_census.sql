-- Census: who is connected to each source while Parity captures, sampled from pg_stat_activity every
-- census.interval. Times are microseconds since 1970-01-01 UTC. Statement texts are never stored: only
-- the kind of statement a session ran, from its first keyword. Parity's own sessions are not sampled.

-- One row per sample taken. `limited` is 1 when the sampling role lacked pg_read_all_stats, so other
-- roles' sessions were listed with their client address and statement kind hidden.
CREATE TABLE census_sample (
    side       TEXT NOT NULL CHECK (side IN ('legacy', 'new')),
    sampled_at INTEGER NOT NULL,
    limited    INTEGER NOT NULL CHECK (limited IN (0, 1)),
    PRIMARY KEY (side, sampled_at)
) STRICT;

-- The sessions of one sample, grouped by who they are and what kind of statement they last ran.
CREATE TABLE census_session (
    side             TEXT NOT NULL,
    sampled_at       INTEGER NOT NULL,
    role             TEXT NOT NULL,
    database         TEXT NOT NULL,
    application_name TEXT NOT NULL,
    client_address   TEXT NOT NULL,                -- IP address, 'local socket', or 'hidden'
    backend_type     TEXT NOT NULL,                -- client backend, walsender, ...
    statement_kind   TEXT NOT NULL,                -- read | write | ddl | other | replication | hidden
    sessions         INTEGER NOT NULL,
    FOREIGN KEY (side, sampled_at) REFERENCES census_sample (side, sampled_at)
) STRICT;

CREATE INDEX census_session_by_time ON census_session (side, sampled_at);
