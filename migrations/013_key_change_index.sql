-- A close folds the pending changes in two halves: every change writes its key, and an update that changed
-- its key also deletes the old one (CycleFold). Without an index the second half read every pending change
-- again to find the few with an old key (333 MB of the issue-4 benchmark's 2M streamed changes). Key changes
-- are rare, so these partial indexes cost capture nothing for other changes.
CREATE INDEX pending_change_key_change ON pending_change (side, commit_time) WHERE old_key IS NOT NULL;
CREATE INDEX streamed_change_key_change ON streamed_change (stream) WHERE old_key IS NOT NULL;
