-- Trigger attribution needs to know what happened to a key in a cycle: a BEFORE UPDATE trigger did not set the
-- column of a row that was only inserted. The fold records, per delta row it writes, the kinds of change the
-- cycle made to the key, as bits: 1 insert, 2 update, 4 delete, 8 truncate.

-- The changes the fold of `folded_by` applied to the key; null for rows folded before this migration.
ALTER TABLE row_delta ADD COLUMN events INTEGER;
