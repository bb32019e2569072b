import GRDB
import ParityModel

extension ParityStore {
    /// Differences in the ledger: the open ones (`resolved` false) or those a cycle resolved, optionally of one mapping
    /// and kind, oldest first-seen first, then by mapping, key and column.
    public func differences(
        open: Bool, resolvedIn cycle: Int64?, mapping: String?, kind: FindingKind?
    ) throws(StoreError) -> [OpenDifference] {
        try read { db in
            var sql = "SELECT * FROM difference WHERE "
            var arguments: StatementArguments = []
            if let cycle {
                sql += "resolved_cycle = ?"
                arguments += [cycle]
            } else {
                sql += open ? "resolved_cycle IS NULL" : "resolved_cycle IS NOT NULL"
            }
            if let mapping {
                sql += " AND mapping = ?"
                arguments += [mapping]
            }
            if let kind {
                sql += " AND kind = ?"
                arguments += [kind]
            }
            sql += " ORDER BY first_seen, mapping, canonical_key, column_name"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(OpenDifference.init(row:))
        }
    }
}

extension ParityStore {
    /// The differences open at the end of cycle `cycle` or resolved by it (a difference resolved and found again
    /// later counts from its latest first-seen cycle), oldest first-seen first.
    public func differences(asOf cycle: Int64) throws(StoreError) -> [OpenDifference] {
        try read { db in
            try Row.fetchAll(
                db, sql: """
                    SELECT * FROM difference WHERE first_seen <= ? AND (resolved_cycle IS NULL OR resolved_cycle >= ?)
                    ORDER BY first_seen, mapping, canonical_key, column_name
                    """, arguments: [cycle, cycle]
            ).map(OpenDifference.init(row:))
        }
    }
}

extension ParityStore {
    /// The open differences counted per mapping and kind (for metrics: no row is read into memory).
    public func openDifferenceCounts() throws(StoreError) -> [OpenDifferenceCount] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT mapping, kind, count(*) AS open, min(first_seen) AS oldest FROM difference
                WHERE resolved_cycle IS NULL GROUP BY mapping, kind ORDER BY mapping, kind
                """).map { try OpenDifferenceCount(mapping: $0["mapping"], kind: $0.vocabulary("kind"), open: $0["open"], oldestFirstSeen: $0["oldest"]) }
        }
    }
}

extension OpenDifference {
    /// Reads a `difference` row.
    init(row: Row) throws {
        let column: String = row["column_name"]
        try self.init(
            finding: Finding(
                mapping: row["mapping"], key: RowJSON.decodeImage(row["row_key"]) ?? [:], column: column.isEmpty ? nil : column,
                newColumn: row["new_column"], kind: row.vocabulary("kind"), legacy: row["legacy"], new: row["new"],
                disposition: row.optionalVocabulary("disposition"), ruleNote: row["rule_note"], explanation: row["explanation"]),
            canonicalKey: row["canonical_key"], firstSeen: row["first_seen"], lastSeen: row["last_seen"],
            resolvedCycle: row["resolved_cycle"])
    }
}
