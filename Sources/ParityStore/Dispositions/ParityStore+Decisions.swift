import GRDB
import ParityModel

extension ParityStore {
    /// Appends `record` to the audit trail, naming the category's previous row and the last closed cycle; returns it as stored.
    @discardableResult
    public func recordDecision(_ record: DecisionRecord) throws(StoreError) -> DecisionRecord {
        try write { db in
            var stored = record
            stored.previous = try Int64.fetchOne(
                db, sql: "SELECT max(id) FROM disposition_decision WHERE table_name = ? AND column_name = ? AND kind = ?",
                arguments: [record.table, record.column ?? "", record.kind])
            stored.afterCycle = try Int64.fetchOne(db, sql: "SELECT max(id) FROM cycle")
            try db.execute(
                sql: """
                    INSERT INTO disposition_decision (table_name, column_name, kind, action, disposition, owner, note, expires, ticket,
                                                      decided_by, decided_at, after_cycle, previous)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    stored.table, stored.column ?? "", stored.kind, stored.action, stored.disposition, stored.owner, stored.note,
                    stored.expires, stored.ticket, stored.decidedBy, stored.decidedAt, stored.afterCycle, stored.previous,
                ])
            stored.id = db.lastInsertedRowID
            return stored
        }
    }

    /// The audit trail, oldest first: every row, or those of one category (`column` nil for a category without one).
    public func decisionHistory(table: String?, column: String?, kind: FindingKind?) throws(StoreError) -> [DecisionRecord] {
        try read { db in
            guard let table, let kind else {
                return try Row.fetchAll(db, sql: "SELECT * FROM disposition_decision ORDER BY id").map(DecisionRecord.init(row:))
            }
            return try Row.fetchAll(
                db, sql: "SELECT * FROM disposition_decision WHERE table_name = ? AND column_name = ? AND kind = ? ORDER BY id",
                arguments: [table, column ?? "", kind]
            ).map(DecisionRecord.init(row:))
        }
    }

    /// Each category's current decision: its latest row, when that is a `set`; by table, column and kind.
    public func currentDecisions() throws(StoreError) -> [DecisionRecord] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM disposition_decision
                WHERE id IN (SELECT max(id) FROM disposition_decision GROUP BY table_name, column_name, kind) AND action = 'set'
                ORDER BY table_name, column_name, kind
                """).map(DecisionRecord.init(row:))
        }
    }
}

extension DecisionRecord {
    /// Reads a `disposition_decision` row.
    init(row: Row) throws {
        let column: String = row["column_name"]
        try self.init(
            id: row["id"], table: row["table_name"], column: column.isEmpty ? nil : column, kind: row.vocabulary("kind"), action: row["action"],
            disposition: row.optionalVocabulary("disposition"), owner: row["owner"], note: row["note"], expires: row["expires"], ticket: row["ticket"],
            decidedBy: row["decided_by"], decidedAt: row["decided_at"], afterCycle: row["after_cycle"], previous: row["previous"])
    }
}
