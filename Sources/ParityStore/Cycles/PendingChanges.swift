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
}
