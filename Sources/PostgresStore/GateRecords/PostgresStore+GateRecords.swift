import Foundation
import ParityModel
import ParityStore
import PostgresClient

extension PostgresStore {
    /// Records a gate evaluation and returns its id.
    @discardableResult
    public func recordGateEvaluation(_ record: GateEvaluationRecord) throws(StoreError) -> Int64 {
        try write { transaction in
            try insertedID(transaction.value("""
                INSERT INTO gate_evaluation (evaluated_at, evaluated_by, as_of, first_cycle, last_cycle, cycles, result, exit_code,
                    config_file, config_hash, report)
                VALUES (\(record.evaluatedAt), \(record.evaluatedBy), \(record.asOf), \(record.firstCycle), \(record.lastCycle), \(record.cycles),
                    \(record.result), \(record.exitCode), \(record.configFile), \(record.configHash), \(record.report))
                RETURNING id
                """))
        }
    }

    /// Recorded gate evaluations, oldest first (the last `limit` when given).
    public func gateEvaluations(limit: Int?) throws(StoreError) -> [GateEvaluationRecord] {
        try read { transaction in
            try transaction.rows("""
                SELECT * FROM (SELECT * FROM gate_evaluation ORDER BY id DESC LIMIT \(limit)) AS latest ORDER BY id
                """).map { row in
                try GateEvaluationRecord(
                    id: row.int64("id"), evaluatedAt: row.int64("evaluated_at"), evaluatedBy: row.text("evaluated_by"), asOf: row.optionalInt64("as_of"),
                    firstCycle: row.optionalInt64("first_cycle"), lastCycle: row.optionalInt64("last_cycle"), cycles: row.int("cycles"),
                    result: row.text("result"), exitCode: row.decode(Int32.self, "exit_code"), configFile: row.text("config_file"),
                    configHash: row.text("config_hash"), report: row.text("report"))
            }
        }
    }

    /// Records a verification; returns its id.
    @discardableResult
    public func recordVerification(_ record: VerificationRecord) throws(StoreError) -> Int64 {
        try write { transaction in
            try insertedID(transaction.value("""
                INSERT INTO verification (mode, checked_at, result, problems, sources, report)
                VALUES (\(record.mode.rawValue), \(record.checkedAt), \(record.passed ? "pass" : "fail"), \(record.problems),
                    \(RowJSON.key(record.sources.map(\.rawValue))), \(record.report))
                RETURNING id
                """))
        }
    }

    /// The latest verification of `mode`, if any.
    public func lastVerification(mode: VerificationRecord.Mode) throws(StoreError) -> VerificationRecord? {
        try read { transaction in
            try transaction.row("""
                SELECT * FROM verification WHERE mode = \(mode.rawValue) ORDER BY checked_at DESC, id DESC LIMIT 1
                """).map { row in
                try VerificationRecord(
                    id: row.int64("id"), mode: mode, checkedAt: row.int64("checked_at"), passed: row.text("result") == "pass",
                    problems: row.int("problems"),
                    sources: (RowJSON.decodeKey(row.text("sources")) ?? []).compactMap { $0.flatMap(SourceSide.init(rawValue:)) },
                    report: row.text("report"))
            }
        }
    }

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

    /// Records a contracts export and returns its id.
    @discardableResult
    public func recordContractExport(_ record: ContractExportRecord) throws(StoreError) -> Int64 {
        let ids = RowJSON.key(record.contractIDs)
        return try write { transaction in
            try insertedID(transaction.value("""
                INSERT INTO contract_export (exported_at, exported_by, as_of_cycle, directory, format, contracts, vectors,
                    decisions_fingerprint, contract_ids)
                VALUES (\(record.exportedAt), \(record.exportedBy), \(record.asOfCycle), \(record.directory), \(record.format),
                    \(record.contractIDs.count), \(record.vectors), \(record.decisionsFingerprint), \(ids))
                RETURNING id
                """))
        }
    }

    /// The last recorded contracts export; nil when none ran.
    public func lastContractExport() throws(StoreError) -> ContractExportRecord? {
        try read { transaction in
            try transaction.row("SELECT * FROM contract_export ORDER BY id DESC LIMIT 1").map { row in
                try ContractExportRecord(
                    id: row.int64("id"), exportedAt: row.int64("exported_at"), exportedBy: row.text("exported_by"),
                    asOfCycle: row.optionalInt64("as_of_cycle"), directory: row.text("directory"), format: row.text("format"),
                    contractIDs: (RowJSON.decodeKey(row.text("contract_ids")) ?? []).compactMap { $0 }, vectors: row.int("vectors"),
                    decisionsFingerprint: row.text("decisions_fingerprint"))
            }
        }
    }

    /// The id a `RETURNING id` gave back.
    private func insertedID(_ text: String?) throws -> Int64 {
        guard let text, let id = Int64(text) else { throw StoreErrors.damaged("id", location: location) }
        return id
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
