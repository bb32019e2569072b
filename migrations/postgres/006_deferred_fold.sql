-- A close without a truncate compares without folding (issue 26, the 10M-row benchmark): its tasks read the keys the
-- cycle changed, and the state as of its end, from row_state overlaid with the pending changes committed before the
-- end, and the changes of closed cycles are folded into row_state after the cycle is recorded, off the close's path
-- (CycleFold.foldClosed). The fold's upserts were most of a close's time (about 40 µs of server time a row at 10M rows
-- a side), and the verdict no longer waits for them.
--
-- `changes_after`: for such a close, the end of the last cycle closed before it (0 when none): the changes committed in
-- [changes_after, fold_before) are the cycle's; those before are closed cycles' not folded yet. NULL for a close that
-- folds its changes into row_state first (one with a truncate, and plans made before this migration).
ALTER TABLE close_plan ADD COLUMN changes_after bigint;
