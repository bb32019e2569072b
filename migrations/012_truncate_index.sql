-- A close looks for the truncates among the pending changes before it folds them (CycleFold): without an
-- index that read every pending change (0.2 s for the 2M changes of the issue-4 benchmark). Truncates are rare,
-- so these partial indexes cost capture nothing for other changes.
CREATE INDEX pending_change_truncate ON pending_change (side, commit_time) WHERE op = 'truncate';
CREATE INDEX streamed_change_truncate ON streamed_change (stream) WHERE op = 'truncate';
