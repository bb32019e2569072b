import Foundation
import GRDB

extension ParityStore {
    /// Closes cycle `id` atomically: `compare` reads the state as of `end` and says what to record; the
    /// pending changes committed before `end` are folded into row state and dropped from pending, and the
    /// cycle, its tables, findings and carried keys are written, all in one store transaction.
    ///
    /// `end` nil (the baseline) folds nothing. Returns nil, recording nothing, when cycle `id` is already closed.
    public func closeCycle(
        id: Int64, foldBefore end: Int64?, _ compare: (CycleStateReader) throws -> CycleClose
    ) throws(StoreError) -> CycleRecord? {
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM cycle WHERE id = ?)", arguments: [id]) == false else {
                return nil
            }
            let close = try compare(CycleStateReader(db: db, end: end, cycle: id))
            if let end { try Self.fold(db, before: end) }
            try Self.record(db, close)
            return close.cycle
        }
    }

    /// Applies pending changes committed before `end` to row state, in commit order per side, then drops them.
    static func fold(_ db: Database, before end: Int64) throws {
        let changes = try Row.fetchCursor(
            db,
            sql: """
                SELECT side, mapping, op, row_key, old_key, row_values, commit_time, commit_lsn FROM pending_change
                WHERE commit_time < ? ORDER BY side, commit_lsn, seq
                """,
            arguments: [end])
        let upsert = try db.makeStatement(sql: """
            INSERT OR REPLACE INTO row_state (side, mapping, row_key, row_values, commit_time, lsn) VALUES (?, ?, ?, ?, ?, ?)
            """)
        let remove = try db.makeStatement(sql: "DELETE FROM row_state WHERE side = ? AND mapping = ? AND row_key = ?")
        let clear = try db.makeStatement(sql: "DELETE FROM row_state WHERE side = ? AND mapping = ?")
        while let row = try changes.next() {
            let side: String = row["side"]
            let mapping: String = row["mapping"]
            let key: String? = row["row_key"]
            switch row["op"] as String {
            case "truncate":
                try clear.execute(arguments: [side, mapping])
            case "delete":
                try remove.execute(arguments: [side, mapping, key])
            default:
                if let oldKey = row["old_key"] as String? { try remove.execute(arguments: [side, mapping, oldKey]) }
                try upsert.execute(arguments: [side, mapping, key, row["row_values"] as String?, row["commit_time"] as Int64,
                                               row["commit_lsn"] as Int64])
            }
        }
        try db.execute(sql: "DELETE FROM pending_change WHERE commit_time < ?", arguments: [end])
    }

    private static func record(_ db: Database, _ close: CycleClose) throws {
        let cycle = close.cycle
        try db.execute(
            sql: """
                INSERT INTO cycle (id, label, start_time, end_time, status, closed_at, keys_compared, unexplained_rate)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [cycle.id, cycle.label, cycle.start, cycle.end, cycle.status, cycle.closedAt, cycle.keysCompared,
                        cycle.unexplainedRate])
        for table in close.tables {
            try db.execute(
                sql: "INSERT INTO cycle_table (cycle, mapping, compared, matched, findings_by_kind) VALUES (?, ?, ?, ?, ?)",
                arguments: [cycle.id, table.mapping, table.compared, table.matched, RowJSON.counts(table.findingsByKind)])
        }
        let insertFinding = try db.makeStatement(sql: """
            INSERT INTO finding (cycle, seq, mapping, row_key, column_name, new_column, kind, legacy, new, disposition, rule_note,
                                 explanation, attributed_to)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (seq, finding) in close.findings.enumerated() {
            try insertFinding.execute(arguments: [
                cycle.id, seq, finding.mapping, RowJSON.image(finding.key), finding.column, finding.newColumn, finding.kind,
                finding.legacy, finding.new, finding.disposition, finding.ruleNote, finding.explanation, finding.attributedTo,
            ])
        }
        try recordAggregates(db, cycle: cycle.id, close.aggregates)
        try recordHiddenState(db, cycle: cycle.id, close)
        for evidence in close.rounding {
            try db.execute(
                sql: "INSERT INTO rounding_evidence (cycle, mapping, column_name, side, evidence) VALUES (?, ?, ?, ?, ?)",
                arguments: [cycle.id, evidence.mapping, evidence.column, evidence.side, evidence.evidence])
        }
        for carried in close.carried {
            try db.execute(
                sql: "INSERT OR IGNORE INTO carried_key (mapping, canonical_key, cycle) VALUES (?, ?, ?)",
                arguments: [carried.mapping, carried.canonicalKey, cycle.id + 1])
        }
    }

    private static func recordAggregates(_ db: Database, cycle: Int64, _ results: [StoredAggregateResult]) throws {
        let insert = try db.makeStatement(sql: """
            INSERT INTO aggregate_result (cycle, aggregate, period, group_key, legacy, new, difference, bridge, unexplained,
                                          unexplained_by_kind, within_tolerance)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for result in results {
            try insert.execute(arguments: [
                cycle, result.aggregate, result.period, RowJSON.image(result.group), result.legacy, result.new, result.difference,
                RowJSON.image(result.bridge.mapValues { $0 }), result.unexplained, RowJSON.image(result.unexplainedByKind.mapValues { $0 }),
                result.withinTolerance,
            ])
        }
    }
}
