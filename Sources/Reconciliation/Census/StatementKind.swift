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

    private static let reads: Set<String> = ["select", "show", "table", "values", "fetch", "declare", "explain"]
    private static let writes: Set<String> = ["insert", "update", "delete", "merge", "truncate"]
    private static let definitions: Set<String> = [
        "create", "alter", "drop", "comment", "grant", "revoke", "reindex", "cluster", "security", "import",
    ]

    /// Classifies one session. `keyword` is the statement's first word (comments skipped, any case);
    /// `modifiesData` says whether the text mentions a writing statement (`INSERT`/`UPDATE`/`DELETE`/`MERGE`)
    /// or, for `COPY`, reads from `STDIN`, a file or a program; `visible` is false when the server hid the statement.
    public static func classify(keyword: String?, modifiesData: Bool, backendType: String, visible: Bool) -> StatementKind {
        guard visible else { return .hidden }
        if backendType == "walsender" { return .replication }
        let word = (keyword ?? "").lowercased()
        switch word {
        case "with": return modifiesData ? .write : .read
        case "copy": return modifiesData ? .write : .read
        case _ where reads.contains(word): return .read
        case _ where writes.contains(word): return .write
        case _ where definitions.contains(word): return .ddl
        default: return .other
        }
    }

    public static func < (lhs: StatementKind, rhs: StatementKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
