-- The census kept a row per client group and sample for ever (one sample every census.interval). After each close the
-- store now retires the samples taken before the cycle's end into the two summaries below, which answer what the
-- samples answered for any window made of closed cycles' windows (the census is read per cycle); only the open cycle's
-- samples stay. A sample counts under the innermost closed cycle window holding it (the baseline's lies inside the
-- first calendar cycle's; a window's census is that of the cycles inside it); one in no window is dropped. The
-- baseline's close retires nothing.

-- Samples retired per cycle, and how many of them a role without pg_read_all_stats took.
CREATE TABLE census_cycle (
    side    TEXT NOT NULL CHECK (side IN ('legacy', 'new')),
    cycle   INTEGER NOT NULL REFERENCES cycle (id),
    samples INTEGER NOT NULL,
    limited INTEGER NOT NULL,
    PRIMARY KEY (side, cycle)
) STRICT;

-- Each client of the retired samples per cycle: the first and last sample it was in, how many, and the statement
-- kinds its sessions showed.
CREATE TABLE census_client (
    side             TEXT NOT NULL,
    cycle            INTEGER NOT NULL,
    role             TEXT NOT NULL,
    database         TEXT NOT NULL,
    application_name TEXT NOT NULL,
    client_address   TEXT NOT NULL,
    backend_type     TEXT NOT NULL,
    first_seen       INTEGER NOT NULL,
    last_seen        INTEGER NOT NULL,
    samples          INTEGER NOT NULL,
    kinds            TEXT NOT NULL,                 -- statement kinds, comma-separated
    PRIMARY KEY (side, cycle, role, database, application_name, client_address, backend_type),
    FOREIGN KEY (side, cycle) REFERENCES census_cycle (side, cycle)
) STRICT;
