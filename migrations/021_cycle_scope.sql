-- The cutover scope each table mapping was compared under in a cycle (`tables[].scope`): how much of the table was in
-- scope at the cycle's end, so the 1% → 5% → 25% → 100% progression of a strangler-fig cutover shows cycle by cycle.
-- A mapping with no scope records nothing, except in the first cycle after its scope was removed (definition null), so
-- the next close knows the scope last compared under.
CREATE TABLE cycle_scope (
    cycle         INTEGER NOT NULL REFERENCES cycle (id),
    mapping       TEXT NOT NULL,
    definition    TEXT,               -- the scope as configured; null: none (every row in scope)
    digest        TEXT NOT NULL,      -- SHA-256 of the definition and the keys a scope table listed: tells a change
    listed_keys   INTEGER,            -- keys the scope table listed when the cycle closed; null for filters
    rows_total    INTEGER NOT NULL,   -- keys with a row on either side at the cycle's end
    rows_in_scope INTEGER NOT NULL,   -- of those, the keys in scope
    out_of_scope  INTEGER NOT NULL,   -- keys the cycle met (changed, carried or open) and left uncompared: out of scope
    compared_all  INTEGER NOT NULL,   -- 1: the scope changed, so every key in scope was compared
    PRIMARY KEY (cycle, mapping)
) STRICT;

-- The keys the scope table of each mapping listed when its scope last changed: what `parity verify --state` compares under.
CREATE TABLE scope_key (
    mapping TEXT NOT NULL,
    value   TEXT NOT NULL,
    PRIMARY KEY (mapping, value)
) STRICT, WITHOUT ROWID;
