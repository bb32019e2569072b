-- The keys each scope table listed when a close was planned (issue 26): a mapping whose cutover scope is a scope table
-- (`tables[].scope: { table, column }`) is compared by part, like one scoped by a filter, so every task must judge it
-- against the same list. The coordinator reads the scope tables once, at the plan, and writes what they listed here in
-- the plan's transaction; each task, and a coordinator that takes the plan over, reads them back. One row per such
-- mapping, even when its table listed no key; gone with the plan once the cycle is recorded.
--
-- `listed`: a JSON array of the values listed, as text, sorted.
--
-- Citus: SELECT create_reference_table('close_scope_key');
CREATE TABLE close_scope_key (
    cycle   bigint NOT NULL REFERENCES close_plan (cycle) ON DELETE CASCADE,
    mapping text NOT NULL,
    listed  text NOT NULL,
    PRIMARY KEY (cycle, mapping)
);
