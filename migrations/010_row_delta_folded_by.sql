-- A close folds its changes into row_delta first and compares the state where it is stored. It used to sort
-- the changes into a scratch table, compare from there, and copy that table into row_delta: every changed
-- row was written twice, once to scratch space and once to the store. The keys a cycle's changes touched
-- are now the delta rows its close wrote.

-- The cycle whose close last wrote the row; null for rows folded before this migration.
ALTER TABLE row_delta ADD COLUMN folded_by INTEGER;
