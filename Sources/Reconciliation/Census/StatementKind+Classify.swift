import ParityModel

/// How a sampled session is classified, from what the census query returns about its statement.
extension StatementKind {
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
}
