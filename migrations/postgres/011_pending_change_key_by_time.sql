-- pending_change keeps three indexes instead of four (issue 26, capture into this store). Every change captured is
-- written into each of them: 200,000 single-row transactions cost the store's server about 3 s inserting their
-- changes, and a streamed 1M-row transaction's move at its commit about 11 s, most of both in the indexes
-- (Benchmarks/RESULTS.md).
--
-- The primary key now leads with (part, commit_time), the columns of pending_change_by_part_time, which it replaces:
-- a close task's fold and its changed keys (a range of parts, committed before the cycle's end) read it as they read
-- that index. It is as unique as before: a change's commit_time follows from its side and commit_lsn.
--
-- pending_change_by_time (side, commit_time) stays: it answers whether any change is older than a closed cycle's end
-- (PostgresStore+ClosedFold.swift), which the workers ask at every tick. Probed part by part through the primary key
-- instead, that question cost up to 180 ms while a fold's deleted changes were still in the index (the 10M-row
-- benchmark), against a few ms.
ALTER TABLE pending_change DROP CONSTRAINT pending_change_pkey;
DROP INDEX pending_change_by_part_time;
ALTER TABLE pending_change ADD PRIMARY KEY (part, commit_time, side, commit_lsn, seq, op);
