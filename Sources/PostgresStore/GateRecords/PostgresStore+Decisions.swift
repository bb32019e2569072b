import ParityModel
import ParityStore
import PostgresClient

extension PostgresStore {
    /// Appends `record` to the decisions' audit trail, naming the category's previous row and the last closed cycle;
    /// returns it as stored.
    @discardableResult
    public func recordDecision(_ record: DecisionRecord) throws(StoreError) -> DecisionRecord {
        try write { transaction in
            var stored = record
            // One decision per category at a time, so `previous` names the row just before.
            try transaction.execute("SELECT pg_advisory_xact_lock(hashtextextended(\(record.table + "\u{1}" + (record.column ?? "") + "\u{1}" + record.kind.rawValue), 0))")
            stored.previous = try transaction.value("""
                SELECT max(id) FROM disposition_decision WHERE table_name = \(record.table) AND column_name = \(record.column ?? "") AND kind = \(record.kind.rawValue)
                """).flatMap(Int64.init)
            stored.afterCycle = try transaction.value("SELECT max(id) FROM cycle").flatMap(Int64.init)
            stored.id = try insertedID(transaction.value("""
                INSERT INTO disposition_decision (table_name, column_name, kind, action, disposition, owner, note, expires, ticket,
                                                  decided_by, decided_at, after_cycle, previous)
                VALUES (\(stored.table), \(stored.column ?? ""), \(stored.kind.rawValue), \(stored.action), \(stored.disposition?.rawValue),
                    \(stored.owner), \(stored.note), \(stored.expires), \(stored.ticket), \(stored.decidedBy), \(stored.decidedAt),
                    \(stored.afterCycle), \(stored.previous))
                RETURNING id
                """))
            return stored
        }
    }

    /// The audit trail, oldest first: every row (`table` or `kind` nil), or those of one category (`column` nil for a
    /// category without one).
    public func decisionHistory(table: String?, column: String?, kind: FindingKind?) throws(StoreError) -> [DecisionRecord] {
        try read { transaction in
            guard let table, let kind else {
                return try transaction.rows("SELECT * FROM disposition_decision ORDER BY id").map(DecisionRecord.init(row:))
            }
            return try transaction.rows("""
                SELECT * FROM disposition_decision WHERE table_name = \(table) AND column_name = \(column ?? "") AND kind = \(kind.rawValue) ORDER BY id
                """).map(DecisionRecord.init(row:))
        }
    }

    /// Each category's current decision: its latest row, when that is a `set`; by table, column and kind.
    public func currentDecisions() throws(StoreError) -> [DecisionRecord] {
        try read { transaction in
            try transaction.rows("""
                SELECT * FROM disposition_decision
                WHERE id IN (SELECT max(id) FROM disposition_decision GROUP BY table_name, column_name, kind) AND action = 'set'
                ORDER BY table_name COLLATE "C", column_name COLLATE "C", kind COLLATE "C"
                """).map(DecisionRecord.init(row:))
        }
    }
}

extension DecisionRecord {
    /// Reads a `disposition_decision` row.
    init(row: PostgresRow) throws {
        let column = try row.text("column_name")
        try self.init(
            id: row.int64("id"), table: row.text("table_name"), column: column.isEmpty ? nil : column, kind: row.vocabulary("kind"),
            action: row.text("action"), disposition: row.optionalVocabulary("disposition"), owner: row["owner"], note: row["note"],
            expires: row["expires"], ticket: row["ticket"], decidedBy: row.text("decided_by"), decidedAt: row.int64("decided_at"),
            afterCycle: row.optionalInt64("after_cycle"), previous: row.optionalInt64("previous"))
    }
}
