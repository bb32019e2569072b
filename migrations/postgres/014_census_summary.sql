-- The census kept a row per client group and sample for ever (one sample every census.interval). After each close the
-- store now retires the samples taken before the cycle's end into the two summaries below, which answer what the
-- samples answered for any window made of closed cycles' windows (the census is read per cycle); only the open cycle's
-- samples stay. A sample counts under the innermost closed cycle window holding it (the baseline's lies inside the
-- first calendar cycle's; a window's census is that of the cycles inside it); one in no window is dropped. The
-- baseline's close retires nothing.

-- Samples retired per cycle, and how many of them a role without pg_read_all_stats took.
CREATE TABLE census_cycle (
    side    text NOT NULL CHECK (side IN ('legacy', 'new')),
    cycle   bigint NOT NULL REFERENCES cycle (id),
    samples bigint NOT NULL,
    limited bigint NOT NULL,
    PRIMARY KEY (side, cycle)
);

-- Each client of the retired samples per cycle: the first and last sample it was in, how many, and the statement
-- kinds its sessions showed.
CREATE TABLE census_client (
    side             text NOT NULL,
    cycle            bigint NOT NULL,
    role             text NOT NULL,
    database         text NOT NULL,
    application_name text NOT NULL,
    client_address   text NOT NULL,
    backend_type     text NOT NULL,
    first_seen       bigint NOT NULL,
    last_seen        bigint NOT NULL,
    samples          bigint NOT NULL,
    kinds            text NOT NULL,                 -- statement kinds, comma-separated
    PRIMARY KEY (side, cycle, role, database, application_name, client_address, backend_type),
    FOREIGN KEY (side, cycle) REFERENCES census_cycle (side, cycle)
);

-- Citus: SELECT create_reference_table(t) FROM unnest(ARRAY['census_cycle', 'census_client']) AS t;
