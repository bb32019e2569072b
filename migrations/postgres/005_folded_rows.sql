-- folded_key holds the row the fold wrote, not only its key (issue 26, the 10M-row benchmark). A close task read its
-- changed rows by joining folded_key to row_state: an index probe and a heap fetch in row_state for every changed key
-- (about 12 µs of server time each at 10M rows a side). The fold's statement has the row in hand when it lists the
-- key, so the list carries it: the task reads its changed rows from folded_key alone, in key order.
--
-- A key listed twice by one close (a truncate's fold, then a later change's) keeps the row listed last, which is the
-- row the close left: the fold's steps run in that order. So `deleted` goes: the row listed says whether the close left
-- a tombstone (row_values NULL), which the next close drops.
ALTER TABLE folded_key ADD COLUMN row_values text, ADD COLUMN commit_time bigint, ADD COLUMN events integer;

-- What row_state holds for the keys listed so far; a listed key the fold of its cycle no longer holds was read by no one.
UPDATE folded_key AS f SET row_values = s.row_values, commit_time = s.commit_time, events = s.events
FROM row_state AS s
WHERE s.part = f.part AND s.side = f.side AND s.mapping = f.mapping AND s.row_key = f.row_key AND s.folded_by = f.cycle;
DELETE FROM folded_key WHERE commit_time IS NULL;
ALTER TABLE folded_key ALTER COLUMN commit_time SET NOT NULL;
ALTER TABLE folded_key DROP COLUMN deleted;
