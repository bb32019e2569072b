-- pending_change loses pending_change_by_time (issue 26, capture into this store): every change captured was written
-- into it, for one question the workers ask at every tick, whether any pending change is older than the last closed
-- cycle's end (PostgresStore+ClosedFold.swift). Two indexes are left: the primary key, led by (part, commit_time), and
-- pending_change_by_key.
--
-- source_state.unfolded_since answers that question instead: a time at or before the commit time of every pending
-- change of the side (NULL: none is pending). Capture lowers it in the transaction that writes the changes, which holds
-- the side's source_state row from its start; a fold of closed changes raises it once every range is folded, to the
-- oldest change left (of either side), read part by part through the primary key while it holds the side's row. It may
-- be lower than the side's oldest pending change (a fold pass then finds nothing to fold), never higher.
ALTER TABLE source_state ADD COLUMN unfolded_since bigint;
UPDATE source_state AS s SET unfolded_since = (SELECT min(commit_time) FROM pending_change AS c WHERE c.side = s.side);
DROP INDEX pending_change_by_time;
