/// What a client session's statement does, from a cheap look at its first keyword. The statement's
/// text itself is never read back from the server, kept or shown: it can hold personal data.
public enum StatementKind: String, Sendable, Hashable, CaseIterable, Comparable {
    /// `SELECT`, `SHOW`, `TABLE`, `VALUES`, `FETCH`, a `WITH` that does not write, a `COPY … TO`.
    case read
    /// `INSERT`, `UPDATE`, `DELETE`, `MERGE`, `TRUNCATE`, a writing `WITH`, a `COPY … FROM`.
    case write
    /// `CREATE`, `ALTER`, `DROP`, `COMMENT`, `GRANT`, `REVOKE`, `REINDEX`, `CLUSTER`, `SECURITY`.
    case ddl
    /// Anything else: transaction control, `SET`, `CALL`, `DO`, `LISTEN`, no statement yet.
    case other
    /// A walsender streaming changes or WAL to a consumer.
    case replication
    /// Not visible to the sampling role (it lacks `pg_read_all_stats`).
    case hidden

    /// In declaration order (`read` first).
    public static func < (lhs: StatementKind, rhs: StatementKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
