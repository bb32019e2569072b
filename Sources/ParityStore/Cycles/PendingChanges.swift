/// The pending changes of mapped tables as SQL: one definition for every reader, since they live in two
/// places (pending_change, and the changes of committed streamed transactions, migrations/008).
enum PendingChanges {
    /// The pending changes of mapped tables committed before `:end`: those in pending_change and those of
    /// committed streamed transactions, with the columns of pending_change.
    ///
    /// Both halves name the sides, so SQLite ranges over `pending_change_by_time` and
    /// `streamed_transaction_by_time` instead of scanning every pending change: a close of an empty cycle
    /// then costs nothing per pending change.
    static let before = """
        (SELECT side, commit_lsn, seq, mapping, commit_time, op, row_key, old_key, row_values FROM pending_change
         WHERE side IN ('legacy', 'new') AND commit_time < :end
         UNION ALL
         SELECT t.side, t.commit_lsn, c.seq, c.mapping, t.commit_time, c.op, c.row_key, c.old_key, c.row_values
         FROM streamed_transaction AS t JOIN streamed_change AS c ON c.stream = t.stream
         WHERE t.side IN ('legacy', 'new') AND t.commit_lsn IS NOT NULL AND t.commit_time < :end AND c.mapping IS NOT NULL)
        """

    /// The truncates among `before` (side, mapping, lsn, seq, commit_time), in commit order, read through their
    /// partial indexes (migrations/012): through `before`, SQLite reads every streamed change of the streams.
    static let truncatesBefore = """
        SELECT side, mapping, commit_lsn AS lsn, seq, commit_time FROM pending_change INDEXED BY pending_change_truncate
        WHERE op = 'truncate' AND side IN ('legacy', 'new') AND commit_time < :end
        UNION ALL
        SELECT t.side, c.mapping, t.commit_lsn, c.seq, t.commit_time
        FROM streamed_change AS c INDEXED BY streamed_change_truncate JOIN streamed_transaction AS t ON t.stream = c.stream
        WHERE c.op = 'truncate' AND t.side IN ('legacy', 'new') AND t.commit_lsn IS NOT NULL AND t.commit_time < :end
            AND c.mapping IS NOT NULL
        ORDER BY lsn, seq
        """

    /// The changes among `before` that changed their key (side, mapping, old_key, commit_time, commit_lsn, seq),
    /// read through their partial indexes (migrations/013) instead of every pending change.
    static let keyChangesBefore = """
        (SELECT side, mapping, old_key, commit_time, commit_lsn, seq FROM pending_change INDEXED BY pending_change_key_change
         WHERE old_key IS NOT NULL AND side IN ('legacy', 'new') AND commit_time < :end
         UNION ALL
         SELECT t.side, c.mapping, c.old_key, t.commit_time, t.commit_lsn, c.seq
         FROM streamed_change AS c INDEXED BY streamed_change_key_change JOIN streamed_transaction AS t ON t.stream = c.stream
         WHERE c.old_key IS NOT NULL AND t.side IN ('legacy', 'new') AND t.commit_lsn IS NOT NULL AND t.commit_time < :end
             AND c.mapping IS NOT NULL)
        """
}
