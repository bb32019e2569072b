-- A close task folds the changes of its range of parts committed before the cycle's end
-- (`part BETWEEN … AND commit_time < …`, CycleFold.apply). The primary key leads with `part` but has no
-- `commit_time`, so every pending change of the range was fetched from the heap to be checked, due or not: with a day's
-- changes pending behind a run of earlier cycles, each of those cycles' tasks read them all (the 10M-row benchmark's
-- fold spent 585 s there). This index answers the condition from index entries alone.
CREATE INDEX pending_change_by_part_time ON pending_change (part, commit_time);
