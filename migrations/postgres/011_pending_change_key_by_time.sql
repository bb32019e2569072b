-- pending_change keeps three indexes instead of four (issue 26, capture into this store). Every change captured is
-- written into each of them, and they were most of what the store's server spent writing changes, streamed or not
-- (Benchmarks/RESULTS.md).
--
-- The primary key now leads with (part, commit_time), the columns of pending_change_by_part_time, which it replaces:
-- a close task's fold and its changed keys (a range of parts, committed before the cycle's end) read it as they read
-- that index. It is as unique as before: a change's commit_time follows from its side and commit_lsn.
--
-- pending_change_by_time (side, commit_time) stays: it answers whether any change is older than a closed cycle's end
-- (PostgresStore+ClosedFold.swift), which the workers ask at every tick. Probed part by part through the primary key
-- instead, that question walked the index entries of every change a fold had just deleted, many times slower.
ALTER TABLE pending_change DROP CONSTRAINT pending_change_pkey;
DROP INDEX pending_change_by_part_time;
ALTER TABLE pending_change ADD PRIMARY KEY (part, commit_time, side, commit_lsn, seq, op);
