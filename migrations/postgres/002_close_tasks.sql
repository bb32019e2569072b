-- Closes shared by workers (issue 26, `parity worker`): the coordinator plans a cycle's close as tasks over ranges of
-- `part`; a worker claims a task (SELECT … FOR UPDATE SKIP LOCKED), folds and compares its parts and records its result
-- in one transaction; the coordinator records the cycle from the results, and drops the plan, in one transaction.

-- A cycle being closed: what every task and the reduce agree on. At most a few rows, gone once the cycle is recorded.
CREATE TABLE close_plan (
    cycle       bigint PRIMARY KEY,
    label       text NOT NULL,
    start_time  bigint NOT NULL,
    end_time    bigint NOT NULL,
    status      text NOT NULL,
    closed_at   bigint NOT NULL,
    fold_before bigint,                          -- NULL for the baseline: nothing to fold
    rules       text NOT NULL,                   -- config digest and decisions in force: a task under other rules refuses
    changed     boolean NOT NULL                 -- whether the plan's store-wide fold (truncates) wrote a row
);

-- One task of a planned close: the parts [first_part, last_part] folded and compared together.
CREATE TABLE close_task (
    cycle      bigint NOT NULL REFERENCES close_plan (cycle) ON DELETE CASCADE,
    first_part integer NOT NULL,
    last_part  integer NOT NULL,
    done       boolean NOT NULL DEFAULT false,
    folded     bigint,                           -- rows the task's fold wrote
    result     text,                             -- what the task's comparison found (the engine's JSON)
    PRIMARY KEY (cycle, first_part)
);
-- The tasks left, in the order workers claim them.
CREATE INDEX close_task_open ON close_task (cycle, first_part) WHERE NOT done;
