import GRDB
import ParityModel

extension ParityStore {
    /// The scope shares of every closed cycle up to `cycle`, by cycle then mapping.
    public func scopeShares(through cycle: Int64) throws(StoreError) -> [ScopeShare] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM cycle_scope WHERE cycle <= ? ORDER BY cycle, mapping", arguments: [cycle])
                .map(ScopeShare.init(row:))
        }
    }

    /// The scope `mapping` was last compared under, and the keys its scope table listed then (empty for filters).
    public func latestScope(mapping: String) throws(StoreError) -> (share: ScopeShare, keys: Set<ExactText>)? {
        try read { db in
            guard let share = try Self.previousScope(db, mapping: mapping, before: .max) else { return nil }
            let keys = try String.fetchAll(db, sql: "SELECT value FROM scope_key WHERE mapping = ?", arguments: [mapping])
            return (share, Set(keys.map { ExactText($0) }))
        }
    }

    /// Records the scope shares of the cycle being closed, and replaces the keys of each mapping whose scope changed.
    static func recordScopes(_ db: Database, _ shares: [ScopeShare], keys: [String: Set<ExactText>]) throws {
        for (mapping, values) in keys {
            try db.execute(sql: "DELETE FROM scope_key WHERE mapping = ?", arguments: [mapping])
            for value in values {
                try db.execute(sql: "INSERT INTO scope_key (mapping, value) VALUES (?, ?)", arguments: [mapping, value.rawValue])
            }
        }
        for share in shares {
            try db.execute(
                sql: """
                    INSERT INTO cycle_scope (cycle, mapping, definition, digest, listed_keys, rows_total, rows_in_scope, out_of_scope,
                                             compared_all)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [share.cycle, share.mapping, share.definition, share.digest, share.listedKeys, share.rows, share.inScope,
                            share.outOfScope, share.comparedAll])
        }
    }

    /// The latest scope share of `mapping` recorded before `cycle`.
    static func previousScope(_ db: Database, mapping: String, before cycle: Int64) throws -> ScopeShare? {
        try Row.fetchOne(
            db, sql: "SELECT * FROM cycle_scope WHERE mapping = ? AND cycle < ? ORDER BY cycle DESC LIMIT 1", arguments: [mapping, cycle]
        ).map(ScopeShare.init(row:))
    }
}

extension ScopeShare {
    init(row: Row) {
        self.init(
            cycle: row["cycle"], mapping: row["mapping"], definition: row["definition"], digest: row["digest"],
            listedKeys: row["listed_keys"], rows: row["rows_total"], inScope: row["rows_in_scope"], outOfScope: row["out_of_scope"],
            comparedAll: row["compared_all"])
    }
}
