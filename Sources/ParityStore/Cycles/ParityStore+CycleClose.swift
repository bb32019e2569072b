import Foundation
import GRDB

extension ParityStore {
    /// Closes cycle `id` atomically: the pending changes committed before `end` are folded into row state and
    /// dropped from pending, `compare` reads the state as of `end` and says what to record, and the cycle, its
    /// tables, findings and carried keys are written, all in one store transaction.
    ///
    /// `end` nil (the baseline) folds nothing. The changes are folded into the row delta (`CycleFold`); when
    /// `merge` says the delta has grown large enough, it is merged into row state afterwards, part by part in
    /// store transactions of their own: the cycle is recorded before the long rewrite, a merge cut short loses
    /// nothing, and capture's writes wait for one part at most.
    /// Returns nil, recording nothing, when cycle `id` is already closed.
    public func closeCycle(
        id: Int64, foldBefore end: Int64?, merge: DeltaMergePolicy = .standard, _ compare: (CycleStateReader) throws -> CycleClose
    ) throws(StoreError) -> CycleRecord? {
        var writeback: LogWriteback?
        defer { writeback?.wait() }
        let (record, mergeDue) = try write { db -> (CycleRecord?, Bool) in
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM cycle WHERE id = ?)", arguments: [id]) == false else {
                return (nil, false)
            }
            return try db.withLargePageCache {
                let folded = try end.map { end in try CycleFold.apply(db, cycle: id, before: end) } ?? .none
                if folded != .none { writeback = LogWriteback.start(path: path + "-wal") }
                let close = try compare(CycleStateReader(db: db, layouts: layouts, cycle: id, folded: folded))
                try FoldedKeys.drop(db)
                let mergeDue = try folded != .none && RowDelta.isMergeDue(db, policy: merge)
                try Self.record(db, close)
                return (close.cycle, mergeDue)
            }
        }
        // Each part removes at least one delta row, so the loop ends.
        var remaining = mergeDue
        while remaining {
            remaining = try write { db in try db.withLargePageCache { try RowDelta.mergePart(db, rows: merge.rowsPerTransaction) } }
        }
        return record
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
