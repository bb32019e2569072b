-- Disposition decisions taken with `parity disposition set|clear`: an append-only audit trail. Each row is one
-- decision on a category (mapping or legacy table, legacy column or '' for none, finding kind): `set` gives it a
-- disposition with an owner and a note, `clear` withdraws the previous one. The category's current decision is its
-- latest row; `previous` names the row it replaced, so every change keeps who decided, when, and what it was before.
-- Rows are never updated or deleted (the triggers refuse it). Times are microseconds since 1970-01-01 UTC.
CREATE TABLE disposition_decision (
    id          INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    table_name  TEXT NOT NULL,                     -- the mapping, or the legacy table for hidden_state_unmapped/unmapped_writes
    column_name TEXT NOT NULL,                     -- the legacy column; '' for a category without one
    kind        TEXT NOT NULL,
    action      TEXT NOT NULL CHECK (action IN ('set', 'clear')),
    disposition TEXT CHECK (CASE action WHEN 'set' THEN coalesce(disposition IN ('match', 'intentional_change', 'legacy_bug'), 0)
                                        ELSE disposition IS NULL END),
    owner       TEXT,
    note        TEXT,
    expires     TEXT,                              -- YYYY-MM-DD: from that business day on the decision counts as none
    ticket      TEXT,
    decided_by  TEXT NOT NULL,                     -- the OS user, or --by
    decided_at  INTEGER NOT NULL,
    after_cycle INTEGER,                           -- the last cycle closed when it was decided; null when none was
    previous    INTEGER REFERENCES disposition_decision (id)
) STRICT;

CREATE INDEX disposition_decision_category ON disposition_decision (table_name, column_name, kind, id);

CREATE TRIGGER disposition_decision_no_update BEFORE UPDATE ON disposition_decision
BEGIN SELECT RAISE(ABORT, 'disposition_decision is an append-only audit trail'); END;

CREATE TRIGGER disposition_decision_no_delete BEFORE DELETE ON disposition_decision
BEGIN SELECT RAISE(ABORT, 'disposition_decision is an append-only audit trail'); END;
